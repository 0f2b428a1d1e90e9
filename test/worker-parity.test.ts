import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import type { ScanResult } from '../src/core/result.js';
import { checksummedToken, seededRandom } from '../src/analyzers/secrets/test-tokens.js';
import { runScan } from '../src/scan/run-scan.js';
import { runCli } from './helpers/cli.js';

// The built CLI analyses files in worker processes and carries their outcomes back as JSON; a scan
// from the sources runs the same file tasks in this process. Both must give the same result.
const dir = mkdtempSync(join(tmpdir(), 'vanguard-parity-'));
const env = { VANGUARD_DB: join(dir, 'no-db', 'osv.sqlite') };

const view = (f: Finding) => ({
  ruleId: f.ruleId,
  path: f.location.path,
  line: f.location.startLine,
  column: f.location.startColumn,
  message: f.message,
  snippet: f.location.snippet,
  fingerprint: f.fingerprint,
  role: f.role,
  suppressed: f.suppression?.kind,
  flow: f.flow?.length,
});

beforeAll(() => {
  cpSync(new URL('./fixtures', import.meta.url), join(dir, 'tree'), { recursive: true });
  const rnd = seededRandom(77);
  // A file name that is not valid UTF-8 travels to the worker as bytes.
  const odd = Buffer.concat([
    Buffer.from(join(dir, 'tree', 'conf-')),
    Buffer.from([0xe9]),
    Buffer.from('.env'),
  ]);
  writeFileSync(odd, `TOKEN=${checksummedToken(rnd, 'ghp')}\n`);
  // An inline suppression, and a minified bundle whose finding takes the generated role from its content.
  writeFileSync(
    join(dir, 'tree', 'suppressed.env'),
    `A=${checksummedToken(rnd, 'ghp')} # vanguard-ignore secrets/github-pat-classic: rotated test key\n`,
  );
  mkdirSync(join(dir, 'tree', 'public'));
  writeFileSync(
    join(dir, 'tree', 'public', 'app.js'),
    `!function(){${'var a=1;'.repeat(1000)}var t="${checksummedToken(rnd, 'ghp')}"}();\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('worker processes and the in-process scan', () => {
  it('give the same findings, inventory and discovery counts', async () => {
    const tree = join(dir, 'tree');
    process.env.VANGUARD_DB = env.VANGUARD_DB;
    const local = await runScan({ path: tree, introduced: false });
    const out = join(dir, 'cli.json');
    const r = runCli(['scan', tree, '--workers', '2', '--format', 'json', '--output', out], { env });
    expect(r.stderr).not.toMatch(/internal error/i);
    const cli = JSON.parse(readFileSync(out, 'utf8')) as ScanResult;

    expect(local.findings.length).toBeGreaterThan(20);
    expect(cli.findings.map(view)).toEqual(local.findings.map(view));
    expect(cli.inventory).toEqual(local.inventory);
    expect(cli.discovery).toEqual(local.discovery);
    expect(cli.suppressions).toEqual(local.suppressions);
    // What the parity covers: the odd name, the suppression and the content role made it through.
    const paths = cli.findings.map((f) => f.location.path);
    expect(paths).toContain('conf-\\xE9.env');
    expect(cli.findings.find((f) => f.location.path === 'suppressed.env')?.suppression).toBeDefined();
    expect(cli.findings.find((f) => f.location.path === 'public/app.js')?.role).toBe('generated');
  }, 120_000);
});
