import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestRepo } from '../../test/helpers/git-repo.js';
import type { Finding } from '../core/finding.js';
import type { ScanWarning } from '../core/warning.js';
import { parseIncrementalBlame } from '../discover/blame.js';
import { addIntroduction } from './introduced.js';

function finding(path: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'code/test',
    analyzer: 'code',
    severity: 'high',
    confidence: 'high',
    title: 't',
    message: 'm',
    remediation: 'r',
    location: { path, startLine: line },
    cwe: [],
    owasp: [],
    principles: [],
    phase: 'code',
    fingerprint: `${path}:${line}`,
    ...extra,
  };
}

const cache = mkdtempSync(join(tmpdir(), 'vg-blame-cache-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('introduction time of findings (git blame stage)', () => {
  const repo = new TestRepo();
  const first = repo.commitAt('2024-01-02T03:04:05Z', 'one', {
    'a.js': 'line1\nline2\n',
    'package-lock.json': '{\n"x": 1\n}\n',
  });
  const second = repo.commitAt('2024-06-01T00:00:00Z', 'two', { 'a.js': 'line1\nline2 changed\n' });
  // An uncommitted third line in the working tree.
  writeFileSync(join(repo.dir, 'a.js'), 'line1\nline2 changed\nline3\n');
  writeFileSync(join(repo.dir, 'untracked.js'), 'x\n');
  const findings = [
    finding('a.js', 1),
    finding('a.js', 2),
    finding('a.js', 3),
    finding('untracked.js', 1),
    finding('old.js', 4, { location: { path: 'old.js', startLine: 4, commit: first } }),
    // A dependency locked in January whose advisory was published in March: exposed from March.
    finding('package-lock.json', 2, {
      analyzer: 'deps',
      introducedAt: '2024-03-01T00:00:00.000Z',
      package: {
        ecosystem: 'npm',
        name: 'x',
        version: '1',
        purl: 'pkg:npm/x@1',
        fixedIn: [],
        advisories: [],
        direct: true,
      },
    }),
  ];

  it('takes each line from the commit that introduced it; uncommitted and untracked lines get none', async () => {
    const warnings: ScanWarning[] = [];
    const { findings: out, stats } = await addIntroduction(repo.dir, findings, { cacheDir: cache }, (w) =>
      warnings.push(w),
    );
    expect(out.map((f) => f.introducedAt ?? null)).toEqual([
      '2024-01-02T03:04:05.000Z',
      '2024-06-01T00:00:00.000Z',
      null,
      null,
      '2024-01-02T03:04:05.000Z',
      '2024-03-01T00:00:00.000Z',
    ]);
    expect(out[1]!.introducedBy).toBe(second);
    expect(out[4]!.introducedBy).toBe(first);
    expect(stats).toMatchObject({ files: 2, blamed: 2, skipped: 0 });
    expect(warnings).toEqual([]);
  });

  it('a dependency locked after its advisory was published is exposed from the lockfile commit', async () => {
    const early = { ...findings[5]!, introducedAt: '2023-01-01T00:00:00.000Z' };
    const { findings: out } = await addIntroduction(repo.dir, [early], { cacheDir: false }, () => undefined);
    expect(out[0]!.introducedAt).toBe('2024-01-02T03:04:05.000Z');
  });

  it('reads a clean file from the cache on the next scan; a changed file is blamed again', async () => {
    const { stats } = await addIntroduction(repo.dir, findings, { cacheDir: cache }, () => undefined);
    // package-lock.json is clean (cached); a.js has uncommitted changes (never cached).
    expect(stats).toMatchObject({ files: 2, fromCache: 1, blamed: 1 });
  });

  it('stops at the file limit with a structured warning', async () => {
    const warnings: ScanWarning[] = [];
    const { findings: out } = await addIntroduction(
      repo.dir,
      findings.slice(0, 2),
      { maxFiles: 0, cacheDir: false },
      (w) => warnings.push(w),
    );
    expect(out.every((f) => f.introducedAt === undefined)).toBe(true);
    expect(warnings).toEqual([expect.objectContaining({ code: 'introduced-skipped' })]);
  });

  it('leaves findings alone outside a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-nogit-'));
    writeFileSync(join(dir, 'a.js'), 'x\n');
    const { findings: out } = await addIntroduction(
      dir,
      [finding('a.js', 1)],
      { cacheDir: false },
      () => undefined,
    );
    expect(out[0]!.introducedAt).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('parseIncrementalBlame', () => {
  it('maps hunks to lines and reads author times; the zero commit is uncommitted', () => {
    const a = 'a'.repeat(40);
    const text = [
      `${a} 1 1 2`,
      'author X',
      'author-time 1700000000',
      'filename f',
      `${'0'.repeat(40)} 3 3 1`,
      'author-time 1800000000',
      'filename f',
      `${a} 5 4 1`,
      'filename f',
    ].join('\n');
    expect(parseIncrementalBlame(text)).toEqual({ commits: { [a]: 1700000000 }, lines: [a, a, null, a] });
  });
});
