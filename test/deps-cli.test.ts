import { OSV_DIR as OSV } from './helpers/advisories.js';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { sarifValidator } from './helpers/schemas.js';

const FIX = join(import.meta.dirname, '..', 'src', 'analyzers', 'deps', 'fixtures');
let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-deps-cli-'));
  env = { VANGUARD_DB: join(dir, 'cache', 'osv.sqlite') };
  cpSync(join(FIX, 'npm-v3'), join(dir, 'proj'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vanguard db / scan --only deps / sbom', () => {
  it('a scan asking for deps without a database exits 2 and says how to get one', () => {
    const r = runCli(['scan', join(dir, 'proj'), '--only', 'deps', '--no-progress'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /no advisory database at .*osv\.sqlite: run `vanguard db update` or `vanguard db import <zip\|folder>`/,
    );
  });

  it('db status on a fresh machine says there is no database yet and exits 0', () => {
    const r = runCli(['db', 'status'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no advisory database yet at .*osv\.sqlite: run `vanguard db update`/);
  });

  it('db import loads a folder, db status shows counts, and a scan finds the advisories', () => {
    const imp = runCli(['db', 'import', OSV], { env });
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/imported 68 advisories/);
    const st = JSON.parse(runCli(['db', 'status', '--json'], { env }).stdout) as {
      advisories: number;
      ecosystems: Record<string, number>;
    };
    expect(st.advisories).toBe(68);
    expect(st.ecosystems.npm).toBe(31);
    const scan = runCli(
      [
        'scan',
        join(dir, 'proj'),
        '--only',
        'deps',
        '--no-progress',
        '--format',
        'json',
        '--fail-on',
        'critical',
      ],
      { env },
    );
    expect(scan.code).toBe(1);
    const result = JSON.parse(scan.stdout) as {
      findings: { ruleId: string; package?: { name: string; vulnerabilities?: { id: string }[] } }[];
    };
    const minimist = result.findings.filter((f) => f.package?.name === 'minimist');
    expect(minimist).toHaveLength(1);
    expect(minimist[0]!.ruleId).toBe('deps/vulnerable-package');
    expect(minimist[0]!.package!.vulnerabilities!.map((v) => v.id)).toContain('GHSA-xvch-5gv4-984h');
  });

  it('deps findings make valid SARIF with GitHub security-severity', () => {
    const r = runCli(
      [
        'scan',
        join(dir, 'proj'),
        '--only',
        'deps',
        '--no-progress',
        '--format',
        'sarif',
        '--fail-on',
        'none',
      ],
      { env },
    );
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } };
        results: unknown[];
      }[];
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // A critical package finding refers to the critical variant of the rule, as GitHub reads severity per rule.
    const rule = sarif.runs[0]!.tool.driver.rules.find((x) => x.id === 'deps/vulnerable-package:critical')!;
    expect(Number(rule.properties['security-severity'])).toBeGreaterThanOrEqual(9);
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(5);
  });

  it('--db-path overrides the location, before or after the subcommand', () => {
    const other = join(dir, 'other.sqlite');
    expect(
      runCli(['db', '--db-path', other, 'import', join(OSV, 'GHSA-2p57-rm9w-gvfp.json')], { env }).code,
    ).toBe(0);
    expect(existsSync(other)).toBe(true);
    const after = join(dir, 'after.sqlite');
    const r = runCli(['db', 'import', join(OSV, 'GHSA-2p57-rm9w-gvfp.json'), '--db-path', after], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(after)).toBe(true);
    const st = runCli(['db', 'status', '--db-path', after, '--json'], { env });
    expect(JSON.parse(st.stdout)).toMatchObject({ exists: true, advisories: 1 });
  });

  it('sbom writes CycloneDX and SPDX files', () => {
    const cdx = join(dir, 'bom.cdx.json');
    const spdx = join(dir, 'bom.spdx.json');
    expect(runCli(['sbom', join(dir, 'proj'), '--output', cdx], { env }).code).toBe(0);
    expect(runCli(['sbom', join(dir, 'proj'), '--format', 'spdx-json', '--output', spdx], { env }).code).toBe(
      0,
    );
    expect(JSON.parse(readFileSync(cdx, 'utf8'))).toMatchObject({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
    });
    expect(JSON.parse(readFileSync(spdx, 'utf8'))).toMatchObject({ spdxVersion: 'SPDX-2.3' });
    expect(runCli(['sbom', join(dir, 'proj'), '--format', 'xml'], { env }).code).toBe(2);
  });
});
