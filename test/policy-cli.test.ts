import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { runCli } from './helpers/cli.js';

// The engine itself reports an ignore directive that gives no reason (policy/suppression-without-reason, low):
// a finding that needs no analyzer, so these tests exercise only the policy wiring.
function repoWith(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vg-policy-cli-'));
  writeFileSync(join(dir, 'app.js'), 'const a = 1; // vanguard-ignore:\n');
  if (config !== undefined) writeFileSync(join(dir, 'vanguard.yaml'), config);
  return dir;
}

const EXCEPTION = `gates:
  failOn: low
exceptions:
  - rule: "policy/*"
    path: "*.js"
    reason: "cleanup tracked in JIRA-12"
    owner: "platform"
    expires: 2026-12-31
`;

function json(stdout: string): ScanResult {
  return JSON.parse(stdout) as ScanResult;
}

describe('vanguard scan with vanguard.yaml', () => {
  it('stops with exit 2, the file, the line and what was expected for an invalid policy', () => {
    const r = runCli(['scan', repoWith('gates:\n  failOn: hgih\n'), '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'vanguard.yaml:2: gates.failOn: expected one of critical, high, medium, low, info, none, got "hgih"',
    );
  });

  it('uses the gate of the policy file, and --fail-on overrides it', () => {
    const dir = repoWith('gates:\n  failOn: low\n');
    const strict = runCli(['scan', dir, '--format', 'json', '--no-progress']);
    expect(strict.code).toBe(1);
    expect(json(strict.stdout).summary.gate.reason).toBe('failed: 1 finding at or above low (1 low)');
    expect(runCli(['scan', dir, '--fail-on', 'high', '--no-progress']).code).toBe(0);
  });

  it('suppresses with an exception until it expires, then names it', () => {
    const dir = repoWith(EXCEPTION);
    const before = runCli(['scan', dir, '--format', 'json', '--no-progress'], {
      env: { VANGUARD_NOW: '2026-12-31T23:00:00Z' },
    });
    expect(before.code).toBe(0);
    expect(json(before.stdout).findings[0]!.suppression).toMatchObject({
      kind: 'exception',
      expires: '2026-12-31',
    });
    const after = runCli(['scan', dir, '--format', 'json', '--no-progress'], {
      env: { VANGUARD_NOW: '2027-01-01T00:00:00Z' },
    });
    expect(after.code).toBe(1);
    const result = json(after.stdout);
    expect(result.policy?.expiredExceptions).toMatchObject([{ index: 0, owner: 'platform', matched: 1 }]);
    expect(result.warnings.find((w) => w.code === 'exception-expired')?.message).toContain(
      'expired on 2026-12-31',
    );
  });

  it('reports an exception that matches nothing as stale', () => {
    const dir = repoWith(EXCEPTION.replace('"*.js"', '"legacy/**"'));
    const r = runCli(['scan', dir, '--format', 'json', '--no-progress'], {
      env: { VANGUARD_NOW: '2026-06-01T00:00:00Z' },
    });
    expect(r.code).toBe(1);
    expect(json(r.stdout).policy?.staleExceptions).toMatchObject([
      { index: 0, match: { path: 'legacy/**' } },
    ]);
  });

  it('fails only on findings not in a --baseline report', () => {
    const dir = repoWith('gates:\n  failOn: low\n');
    const base = runCli(['scan', dir, '--format', 'json', '--no-progress', '--fail-on', 'none']);
    // Outside the scanned tree: the report quotes the directive, and would be scanned itself.
    const baseFile = join(mkdtempSync(join(tmpdir(), 'vg-baseline-')), 'base.json');
    writeFileSync(baseFile, base.stdout);
    const same = runCli(['scan', dir, '--format', 'json', '--no-progress', '--baseline', baseFile]);
    expect(same.code).toBe(0);
    expect(json(same.stdout).findings[0]!.baselineState).toBe('unchanged');
    writeFileSync(join(dir, 'b.js'), 'let b; // vanguard-ignore:\n');
    const more = runCli(['scan', dir, '--format', 'json', '--no-progress', '--baseline', baseFile]);
    expect(more.code).toBe(1);
    expect(json(more.stdout).summary.gate.blocking).toBe(1);
  });
});
