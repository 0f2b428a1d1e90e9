import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../test/helpers/scan-result.js';
import type { GatesConfig } from './config-schema.js';
import { branchFromEnv, evaluateGate } from './gate.js';

const critical = makeFinding({ severity: 'critical', ruleId: 'code/js-eval' });
const high = makeFinding({ severity: 'high' });
const medium = makeFinding({ severity: 'medium', ruleId: 'iac/k8s-privileged', analyzer: 'iac' });
const lowSecret = makeFinding({
  severity: 'low',
  ruleId: 'secrets/generic-api-key',
  analyzer: 'secrets',
  confidence: 'high',
});
const suppressedCritical = {
  ...makeFinding({ severity: 'critical' }),
  suppression: { kind: 'inline' as const, reason: 'test fixture' },
};

describe('evaluateGate', () => {
  it('counts only findings at or above minConfidence, from the policy or the command line', () => {
    const proven = makeFinding({ severity: 'critical', confidence: 'high', tier: 'taint' });
    const audit = makeFinding({
      severity: 'high',
      confidence: 'medium',
      tier: 'audit',
      ruleId: 'code/py-sql-injection-audit',
    });
    const onlyAudit = evaluateGate([audit], { failOn: 'high', minConfidence: 'high' });
    expect(onlyAudit).toMatchObject({ failed: false, blocking: 0, minConfidence: 'high' });
    expect(onlyAudit.reason).toBe(
      'passed: no unsuppressed findings at or above high (1 below confidence high)',
    );
    const both = evaluateGate([proven, audit], { failOn: 'high' }, { minConfidence: 'high' });
    expect(both).toMatchObject({ failed: true, blocking: 1 });
    expect(both.reason).toBe(
      'failed: 1 finding at or above high (1 critical); 1 below confidence high not counted',
    );
    // The command line replaces the policy; without either, every confidence counts.
    expect(evaluateGate([audit], { minConfidence: 'high' }, { minConfidence: 'medium' }).failed).toBe(true);
    expect(evaluateGate([audit], { failOn: 'high' }).failed).toBe(true);
    // A branch may tighten it; alwaysFail still blocks whatever the confidence.
    const gates: GatesConfig = { branches: { main: { minConfidence: 'high' } } };
    expect(evaluateGate([audit], gates, { branch: 'main' }).failed).toBe(false);
    expect(evaluateGate([audit], gates, { branch: 'dev' }).failed).toBe(true);
    expect(evaluateGate([audit], { minConfidence: 'high', alwaysFail: ['code/*-audit'] }).failed).toBe(true);
  });

  it('fails on findings at or above the threshold and says how many of each', () => {
    const g = evaluateGate([critical, high, medium], { failOn: 'high' });
    expect(g).toEqual({
      failOn: 'high',
      failed: true,
      blocking: 2,
      reason: 'failed: 2 findings at or above high (1 critical, 1 high)',
    });
  });

  it('passes and says why, ignoring suppressed findings', () => {
    const g = evaluateGate([medium, suppressedCritical], { failOn: 'high' });
    expect(g.failed).toBe(false);
    expect(g.blocking).toBe(0);
    expect(g.reason).toBe(
      'passed: no unsuppressed findings at or above high (1 below the gate or never-fail, 1 suppressed)',
    );
    expect(evaluateGate([], undefined).reason).toBe('passed: no unsuppressed findings at or above high');
  });

  it('lets --fail-on override the configuration', () => {
    expect(evaluateGate([medium], { failOn: 'critical' }, { failOn: 'medium' }).failed).toBe(true);
    expect(
      evaluateGate([high], { failOn: 'low', analyzers: { code: 'low' } }, { failOn: 'critical' }).failed,
    ).toBe(false);
    const off = evaluateGate([critical], { failOn: 'low', alwaysFail: ['code/*'] }, { failOn: 'none' });
    expect(off.failed).toBe(false);
    expect(off.reason).toContain('gate turned off by --fail-on none');
  });

  it('uses per-analyzer thresholds over per-phase over the overall one', () => {
    const gates: GatesConfig = { failOn: 'critical', analyzers: { iac: 'medium' }, phases: { code: 'high' } };
    const g = evaluateGate([medium, high], gates);
    expect(g.blocking).toBe(2);
    expect(g.reason).toBe(
      'failed: 2 blocking findings: 2 at or above their analyzer or phase threshold (1 high, 1 medium)',
    );
    expect(evaluateGate([high], { failOn: 'low', analyzers: { code: 'none' } }).failed).toBe(false);
  });

  it('always fails on alwaysFail matches and never on neverFail ones', () => {
    const gates: GatesConfig = {
      failOn: 'high',
      alwaysFail: [{ analyzer: 'secrets', confidence: 'high' }],
      neverFail: ['code/js-eval', 'secrets/*'],
    };
    const g = evaluateGate([lowSecret, critical], gates);
    expect(g.failed).toBe(true);
    expect(g.blocking).toBe(1);
    expect(g.reason).toBe(
      'failed: 1 blocking finding: 1 by alwaysFail analyzer=secrets,confidence=high (1 low)',
    );
    expect(evaluateGate([critical], gates).failed).toBe(false);
  });

  it('applies the first matching branch override', () => {
    const gates: GatesConfig = {
      failOn: 'critical',
      branches: { 'release/*': { failOn: 'medium' }, main: { failOn: 'high' } },
    };
    expect(evaluateGate([high], gates).failed).toBe(false);
    expect(evaluateGate([high], gates, { branch: 'main' }).failed).toBe(true);
    const r = evaluateGate([medium], gates, { branch: 'release/2.0' });
    expect(r.failed).toBe(true);
    expect(r.reason).toBe('failed: 1 finding at or above medium (1 medium); gates for branch "release/*"');
    expect(evaluateGate([medium], gates, { branch: 'feature/x' }).failed).toBe(false);
  });
});

describe('branchFromEnv', () => {
  it('prefers the target branch of a pull or merge request', () => {
    expect(branchFromEnv({ GITHUB_BASE_REF: 'release/2.0', GITHUB_REF_NAME: '42/merge' })).toBe(
      'release/2.0',
    );
    expect(branchFromEnv({ GITHUB_BASE_REF: '', GITHUB_REF_NAME: 'main' })).toBe('main');
    expect(branchFromEnv({ CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', CI_COMMIT_BRANCH: 'x' })).toBe(
      'main',
    );
    expect(branchFromEnv({ CI_COMMIT_BRANCH: 'develop' })).toBe('develop');
    expect(branchFromEnv({})).toBeUndefined();
  });
});
