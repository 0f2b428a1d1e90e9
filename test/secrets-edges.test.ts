import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksummedToken, seededRandom } from '../src/analyzers/secrets/test-tokens.js';
import { runScan } from '../src/scan/run-scan.js';

// Seeds are fixed and printed in the test names, so a failure reproduces.
const SEED = 1807;

describe(`secrets at the edges of the input (seed ${SEED})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'vg-edges-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rnd = seededRandom(SEED);

  it('scans UTF-16 and UTF-32 files (with and without BOM) instead of skipping them as binary', async () => {
    const root = join(dir, 'wide');
    mkdirSync(root);
    const tokens: string[] = [];
    const variants: [string, (s: string) => Buffer][] = [
      ['le-bom.ps1', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
      ['le.reg', (s) => Buffer.from(s, 'utf16le')],
      ['be.txt', (s) => Buffer.from(s, 'utf16le').swap16()],
      [
        'u32.cfg',
        (s) => {
          const b = Buffer.alloc(s.length * 4);
          [...s].forEach((c, i) => b.writeUInt32LE(c.codePointAt(0)!, i * 4));
          return b;
        },
      ],
    ];
    for (const [name, encode] of variants) {
      const t = checksummedToken(rnd, 'ghp');
      tokens.push(t);
      writeFileSync(join(root, name), encode(`# settings\ngithub_token = ${t}\n`));
    }
    const r = await runScan({ path: root, only: ['secrets'], workers: 1, gitignore: false });
    expect(r.discovery.skipped.binary).toBe(0);
    const found = r.findings.filter((f) => f.ruleId === 'secrets/github-pat-classic');
    expect(found.map((f) => f.location.path).sort()).toEqual(variants.map(([n]) => n).sort());
    for (const f of found) expect(f.location.startLine).toBe(2);
    expect(JSON.stringify(r)).not.toMatch(new RegExp(tokens.join('|')));
  });

  it('reads and scans a file whose name is not valid UTF-8', async () => {
    const root = join(dir, 'names');
    mkdirSync(root);
    const t = checksummedToken(rnd, 'ghp');
    const sub = Buffer.concat([Buffer.from(`${root}/dir-`), Buffer.from([0xff, 0xfe])]);
    mkdirSync(sub);
    writeFileSync(
      Buffer.concat([sub, Buffer.from('/conf-'), Buffer.from([0xe9]), Buffer.from('.env')]),
      `TOKEN=${t}\n`,
    );
    const r = await runScan({ path: root, only: ['secrets'], workers: 1, gitignore: false });
    expect(r.discovery.skipped.unreadable).toBe(0);
    expect(r.status).toBe('complete');
    expect(r.findings.map((f) => [f.ruleId, f.location.path])).toEqual([
      ['secrets/github-pat-classic', 'dir-\\xFF\\xFE/conf-\\xE9.env'],
    ]);
  });

  it('warns when a cap is hit and still finds the real key after a flood of examples', async () => {
    const root = join(dir, 'caps');
    mkdirSync(root);
    const tokens = Array.from({ length: 1100 }, () => checksummedToken(rnd, 'ghp'));
    writeFileSync(join(root, 'many.txt'), tokens.map((t) => `t=${t}`).join(' '));
    const real = checksummedToken(rnd, 'ghp');
    writeFileSync(
      join(root, 'examples.cfg'),
      `${'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'.repeat(100_001)}github_token = ${real}\n`,
    );
    const r = await runScan({ path: root, only: ['secrets'], workers: 1, gitignore: false });
    expect(
      r.findings.some((f) => f.location.path === 'examples.cfg' && f.location.startLine === 100_002),
    ).toBe(true);
    expect(JSON.stringify(r.warnings)).toMatch(
      /many\.txt: stopped after 1000 secrets for secrets\/github-pat/,
    );
    const out = JSON.stringify(r);
    for (const t of [...tokens, real]) expect(out.includes(t)).toBe(false);
  });
});
