import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../../scan/run-scan.js';
import { importPath, importRecords } from '../db/import.js';
import { closeDepsDatabase } from '../index.js';
import { matchPackage } from './match.js';
import type { OsvRecord } from './types.js';
import { osvRecordProblem } from './validate.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const real = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as OsvRecord);
const lodash = real.find((r) => r.id === 'GHSA-35jh-r3h4-6jhm')!;

/** A copy of a real record with one part replaced by hostile data. */
function poisoned(id: string, affected: unknown): unknown {
  return { ...structuredClone(lodash), id, aliases: [], affected };
}
const pkg = { ecosystem: 'npm', name: 'lodash' };

const BAD: [string, unknown][] = [
  [
    'fixed is an object',
    poisoned('GHSA-bad1-0000-0000', [
      { package: pkg, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: { v: '9' } }] }] },
    ]),
  ],
  ['versions holds null', poisoned('GHSA-bad2-0000-0000', [{ package: pkg, versions: ['4.17.15', null] }])],
  [
    'an event with two keys',
    poisoned('GHSA-bad3-0000-0000', [
      { package: pkg, ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1.0.0' }] }] },
    ]),
  ],
  [
    'a range without introduced',
    poisoned('GHSA-bad4-0000-0000', [
      { package: pkg, ranges: [{ type: 'SEMVER', events: [{ fixed: '1.0.0' }] }] },
    ]),
  ],
  [
    'an unknown range type',
    poisoned('GHSA-bad5-0000-0000', [
      { package: pkg, ranges: [{ type: 'RANDOM', events: [{ introduced: '0' }] }] },
    ]),
  ],
  ['ranges not an array', poisoned('GHSA-bad6-0000-0000', [{ package: pkg, ranges: { type: 'SEMVER' } }])],
  ['an id with escape sequences', { ...structuredClone(lodash), id: 'GHSA-\u001b]0;pwned\u0007' }],
  ['an id with a newline', { ...structuredClone(lodash), id: 'GHSA-x\n::error::forged' }],
  ['modified missing', { ...structuredClone(lodash), modified: undefined }],
  ['aliases not strings', { ...structuredClone(lodash), aliases: [1] }],
  ['a severity without score', { ...structuredClone(lodash), severity: [{ type: 'CVSS_V3' }] }],
];

describe('OSV record validation', () => {
  it('accepts the real records', () => {
    expect(real.length).toBeGreaterThanOrEqual(3);
    for (const r of real) expect(osvRecordProblem(r), r.id).toBeUndefined();
  });

  it.each(BAD)('rejects %s', (_name, record) => {
    expect(osvRecordProblem(record)).toMatch(/\w/);
  });
});

describe('bad records on import and at match time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vg-osv-'));
  afterAll(() => {
    closeDepsDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the good records and rejects, counts and names the bad ones', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    for (const r of real) writeFileSync(join(folder, `${r.id}.json`), JSON.stringify(r));
    BAD.forEach(([, r], i) => writeFileSync(join(folder, `bad-${i}.json`), JSON.stringify(r)));
    writeFileSync(join(folder, 'broken.json'), '{not json');
    const res = await importPath(join(dir, 'mixed.sqlite'), folder);
    expect(res.records).toBe(real.length);
    expect(res.rejected).toBe(BAD.length + 1);
    expect(res.rejectedExamples.map((e) => e.name.slice(folder.length + 1)).sort()).toEqual(
      [...BAD.map((_b, i) => `bad-${i}.json`), 'broken.json'].sort(),
    );
    expect(res.rejectedExamples.find((e) => e.name.endsWith('bad-0.json'))?.reason).toMatch(/fixed/);
  });

  it('a record that fails at match time affects only itself', () => {
    const bad = poisoned('GHSA-bad1-0000-0000', [
      { package: pkg, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: { v: '9' } }] }] },
    ]) as OsvRecord;
    const badVersions = poisoned('GHSA-bad2-0000-0000', [
      { package: pkg, versions: ['4.17.15', null] },
    ]) as OsvRecord;
    // A package entry whose ecosystem is a number throws inside the evaluation.
    const throwing = poisoned('GHSA-bad7-0000-0000', [
      { package: { ecosystem: 5, name: 'lodash' } },
    ]) as OsvRecord;
    const version = { ...pkg, version: '4.17.15' };
    const expected = matchPackage(real, version).map((m) => m.id);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const skipped: string[] = [];
    const matches = matchPackage([throwing, bad, badVersions, ...real], version, (id) => skipped.push(id));
    expect(skipped).toContain('GHSA-bad7-0000-0000');
    const ids = matches.map((m) => m.id);
    for (const id of expected) expect(ids).toContain(id);
    expect(ids).not.toContain('GHSA-bad7-0000-0000');
  });

  it('a poisoned database (records stored before validation) keeps the lockfile findings', async () => {
    const db = join(dir, 'poisoned.sqlite');
    // importRecords stores what it is given: as a database written by an older version would hold it.
    const throwing = poisoned('GHSA-bad7-0000-0000', [{ package: { ecosystem: 5, name: 'lodash' } }]);
    importRecords(
      db,
      [...real, BAD[0]![1], BAD[1]![1], throwing].map((r) => ({ record: r as OsvRecord })),
      'test',
    );
    const expected = matchPackage(real, { ...pkg, version: '4.17.15' }).map((m) => `deps/${m.id}`);
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    writeFileSync(
      join(repo, 'package-lock.json'),
      JSON.stringify({
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': { name: 'app', dependencies: { lodash: '4.17.15' } },
          'node_modules/lodash': {
            version: '4.17.15',
            resolved: 'https://registry.npmjs.org/lodash/-/lodash-4.17.15.tgz',
            integrity:
              'sha512-8xOcRHvCjnocdS5cpwXQXVzmmh5e5+saE2QGoeQmbKmRS6J3VQppPOIt0MnmE+4xlZoumy0GPG0D0MVIQbNA1A==',
          },
        },
      }),
    );
    const r = await runScan({ path: repo, only: ['deps'], options: { deps: { dbPath: db } }, workers: 1 });
    expect(r.status).toBe('complete');
    const ids = r.findings.flatMap((f) => (f.package?.vulnerabilities ?? []).map((v) => `deps/${v.id}`));
    for (const id of expected) expect(ids).toContain(id);
  });
});
