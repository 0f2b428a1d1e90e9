import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../test/helpers/scan-result.js';
import { applyPolicy } from './apply.js';
import { baselineFromFindings } from './baseline.js';
import { parseConfig } from './config.js';

const config = parseConfig(`gates:
  failOn: high
exceptions:
  - path: "config/*.env"
    reason: "test account, rotated weekly"
    owner: "alice@example.com"
    expires: 2026-12-31
  - rule: "iac/*"
    reason: "sandbox cluster"
    owner: "ops"
    expires: 2027-01-31
`);

const secret = makeFinding({
  ruleId: 'secrets/aws-access-key',
  analyzer: 'secrets',
  severity: 'critical',
  location: { path: 'config/dev.env' },
});
const oldSqli = makeFinding({ severity: 'high', fingerprint: 'old' });
const newSqli = makeFinding({ severity: 'high', fingerprint: 'new', location: { path: 'src/orders.js' } });

describe('applyPolicy', () => {
  it('suppresses by exception, fails only on new findings, and reports stale exceptions', () => {
    const out = applyPolicy([secret, oldSqli, newSqli], config, {
      now: new Date('2026-11-22T00:00:00Z'),
      baseline: baselineFromFindings('origin/main', [oldSqli]),
    });
    expect(out.gate.failed).toBe(true);
    expect(out.gate.blocking).toBe(1);
    expect(out.findings.find((f) => f.fingerprint === 'new')?.baselineState).toBe('new');
    expect(out.report).toMatchObject({
      configFile: 'vanguard.yaml',
      exceptionSuppressed: 1,
      expiredExceptions: [],
      baseline: { source: 'origin/main', unchanged: 1, new: 2 },
    });
    expect(out.report.staleExceptions.map((e) => e.index)).toEqual([1]);
    expect(out.warnings).toHaveLength(1);
  });

  it('brings a finding back when its exception has expired', () => {
    const out = applyPolicy([secret], config, { now: new Date('2027-01-01T00:00:00Z') });
    expect(out.gate.failed).toBe(true);
    expect(out.gate.reason).toBe('failed: 1 finding at or above high (1 critical)');
    expect(out.report.expiredExceptions.map((e) => e.index)).toEqual([0]);
    expect(out.warnings[0]).toContain('expired on 2026-12-31');
  });
});
