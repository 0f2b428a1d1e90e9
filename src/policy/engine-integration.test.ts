import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markerAnalyzer } from '../../test/helpers/fake-analyzer.js';
import { AnalyzerRegistry } from '../analyzers/registry.js';
import type { ScanResult } from '../core/result.js';
import { reporterFor } from '../report/index.js';
import { runScan } from '../scan/run-scan.js';
import { baselineFromFindings } from './baseline.js';
import type { Baseline } from './baseline.js';
import { loadConfig } from './config.js';
import type { FailOn } from './config-schema.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vg-policy-engine-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

/** The wiring the scan command needs, in the order it needs it. */
async function scanWithPolicy(
  root: string,
  opts: { now: Date; baseline?: Baseline; failOn?: FailOn; branch?: string },
): Promise<ScanResult> {
  const config = await loadConfig(root);
  return runScan({
    path: root,
    registry: new AnalyzerRegistry().register(markerAnalyzer()),
    workers: 0,
    ignore: config.ignore,
    config,
    now: opts.now,
    ...(opts.baseline ? { baseline: opts.baseline } : {}),
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
    ...(opts.branch ? { branch: opts.branch } : {}),
  });
}

const POLICY = `gates:
  failOn: critical
  branches:
    main:
      failOn: high
ignore:
  - "generated/"
exceptions:
  - path: "legacy/*.txt"
    reason: "module is being deleted"
    owner: "platform"
    expires: 2026-12-31
  - rule: "code/*"
    path: "nowhere/**"
    reason: "old"
    owner: "sec"
    expires: 2027-06-30
`;

describe('policy modules wired to the scan engine', () => {
  const root = tree({
    'vanguard.yaml': POLICY,
    'legacy/old.txt': 'DANGER in old code\n',
    'src/app.txt': 'fine\nDANGER here\n',
    'generated/x.txt': 'DANGER ignored by vanguard.yaml\n',
  });

  it('applies ignores, exceptions and branch gates, and reports stale exceptions', async () => {
    const r = await scanWithPolicy(root, { now: new Date('2026-11-22T00:00:00Z') });
    expect(r.findings.map((f) => [f.location.path, f.suppression?.kind])).toEqual([
      ['legacy/old.txt', 'exception'],
      ['src/app.txt', undefined],
    ]);
    // failOn critical: the high finding does not block; on main it does.
    expect(r.summary.gate.failed).toBe(false);
    expect(
      (await scanWithPolicy(root, { now: new Date('2026-11-22T00:00:00Z'), branch: 'main' })).summary.gate
        .reason,
    ).toBe('failed: 1 finding at or above high (1 high); gates for branch "main"');
    expect(r.policy?.staleExceptions.map((e) => e.index)).toEqual([1]);
    expect(reporterFor('markdown')(r, { tty: false })).toContain('Stale exceptions, matching nothing (1)');
  });

  it('brings the finding back when the exception expires', async () => {
    const r = await scanWithPolicy(root, { now: new Date('2027-01-01T00:00:00Z'), failOn: 'high' });
    expect(r.summary.gate).toMatchObject({ failed: true, blocking: 2 });
    expect(r.policy?.expiredExceptions).toMatchObject([{ index: 0, matched: 1 }]);
    expect(
      r.warnings.some((w) => w.code === 'exception-expired' && w.message.includes('expired on 2026-12-31')),
    ).toBe(true);
  });

  it('fails only on what the baseline does not know', async () => {
    const first = await scanWithPolicy(root, { now: new Date('2026-11-22T00:00:00Z') });
    writeFileSync(join(root, 'src/new.txt'), 'DANGER new\n');
    const r = await scanWithPolicy(root, {
      now: new Date('2026-11-22T00:00:00Z'),
      baseline: baselineFromFindings('previous scan', first.findings),
      failOn: 'high',
    });
    expect(r.findings.filter((f) => f.baselineState === 'new').map((f) => f.location.path)).toEqual([
      'src/new.txt',
    ]);
    expect(r.summary.gate).toMatchObject({ failed: true, blocking: 1 });
    const sarif = JSON.parse(reporterFor('sarif')(r, { tty: false })) as {
      runs: { results: { baselineState?: string }[] }[];
    };
    expect(sarif.runs[0]!.results.map((x) => x.baselineState).sort()).toEqual([
      'new',
      'unchanged',
      'unchanged',
    ]);
  });

  it('does not call an advisory exception stale when no advisory database was there to match it', async () => {
    const root2 = tree({
      'vanguard.yaml': `exceptions:
  - advisory: "GHSA-r683-j2x4-v87g"
    package: "node-fetch"
    reason: "dev-only"
    owner: "sec"
    expires: 2027-06-30
  - rule: "code/*"
    path: "nowhere/**"
    reason: "old"
    owner: "sec"
    expires: 2027-06-30
`,
      'src/app.txt': 'fine\n',
    });
    const config = await loadConfig(root2);
    const scan = (dbMissing: boolean) =>
      runScan({
        path: root2,
        registry: new AnalyzerRegistry().register(
          markerAnalyzer({
            prepare: (ctx) => {
              if (dbMissing) ctx.warn('no advisory database', { code: 'advisory-db-missing' });
              return Promise.resolve();
            },
          }),
        ),
        workers: 0,
        config,
        now: new Date('2026-11-22T00:00:00Z'),
      });
    expect((await scan(true)).policy?.staleExceptions.map((e) => e.index)).toEqual([1]);
    expect((await scan(false)).policy?.staleExceptions.map((e) => e.index)).toEqual([0, 1]);
  });
});
