import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Inventory, type ScanResult } from '../src/core/result.js';
import { runCli } from './helpers/cli.js';
import { cyclonedxValidator, sarifValidator } from './helpers/schemas.js';

const FIX = join(import.meta.dirname, '..', 'src', 'analyzers', 'deps', 'fixtures');
let dir: string;
let proj: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-inventory-cli-'));
  // No advisory database: the inventory and the integrity rules need none.
  env = { VANGUARD_DB: join(dir, 'no-db', 'osv.sqlite') };
  proj = join(dir, 'proj');
  cpSync(join(FIX, 'npm-v3'), proj, { recursive: true });
  cpSync(join(FIX, 'poetry'), join(proj, 'tools'), { recursive: true });
  // A vendored copy that vanguard.yaml ignores: neither the scan nor the SBOM may list it.
  cpSync(join(FIX, 'cargo'), join(proj, 'vendor', 'old'), { recursive: true });
  writeFileSync(join(proj, 'vanguard.yaml'), "version: 1\nignore:\n  - 'vendor/'\n");
  mkdirSync(join(proj, 'docker'));
  writeFileSync(join(proj, 'docker', 'Dockerfile'), 'FROM node\nUSER root\nCMD ["node", "app.js"]\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refs = (inv: Inventory): string[] => inv.components.map((c) => c.ref);

describe('the inventory in the scan result', () => {
  it('one scan writes the SBOM, the SARIF and the JSON from the same result', () => {
    const out = (f: string): string => join(dir, 'out', f);
    const r = runCli(
      [
        'scan',
        proj,
        '--format',
        'cyclonedx',
        '--output',
        out('bom.json'),
        '--format',
        'sarif',
        '--output',
        out('x.sarif'),
        '--format',
        'json',
        '--output',
        out('r.json'),
        '--fail-on',
        'none',
        '--no-progress',
      ],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out('r.json'), 'utf8')) as ScanResult;
    expect(json.schemaVersion).toBe(SCHEMA_VERSION);
    const inv = json.inventory!;
    expect(inv.components.length).toBe(66 + 4);
    expect(inv.components.every((c) => c.ref === c.purl && !c.declaredIn.startsWith('vendor/'))).toBe(true);
    expect(inv.components.find((c) => c.name === 'express')).toMatchObject({
      scope: 'required',
      direct: true,
      declaredIn: 'package-lock.json',
    });
    expect(inv.components.find((c) => c.ecosystem === 'PyPI' && c.name === 'django')).toMatchObject({
      declaredIn: 'tools/poetry.lock',
    });
    expect(inv.dependencies.find((d) => d.ref === 'pkg:npm/express@4.17.1')!.dependsOn).toContain(
      'pkg:npm/qs@6.7.0',
    );

    const bom = JSON.parse(readFileSync(out('bom.json'), 'utf8')) as {
      specVersion: string;
      components: { purl: string; scope?: string }[];
    };
    const validate = cyclonedxValidator();
    expect(validate(bom), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components.map((c) => c.purl)).toEqual(refs(inv));

    const sarif = JSON.parse(readFileSync(out('x.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0]!.results.length).toBe(json.findings.length);
    expect(json.findings.some((f) => f.analyzer === 'iac')).toBe(true);
  });

  it('vanguard sbom is a shortcut over the same engine: same packages, vanguard.yaml ignores honoured', () => {
    const cdx = join(dir, 'sbom.cdx.json');
    const r = runCli(['sbom', proj, '--output', cdx], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/70 packages from 2 file\(s\) written to/);
    // No database nag: the SBOM does not check advisories.
    expect(r.stderr).not.toMatch(/advisory database/);
    const bom = JSON.parse(readFileSync(cdx, 'utf8')) as { components: { purl: string }[] };
    const scan = JSON.parse(
      runCli(['scan', proj, '-f', 'json', '--fail-on', 'none', '--no-progress'], { env }).stdout,
    ) as ScanResult;
    expect(bom.components.map((c) => c.purl)).toEqual(refs(scan.inventory!));
    expect(bom.components.some((c) => c.purl.startsWith('pkg:cargo/'))).toBe(false);
    const spdx = runCli(['sbom', proj, '--format', 'spdx'], { env });
    expect(spdx.code).toBe(0);
    expect(JSON.parse(spdx.stdout)).toMatchObject({ spdxVersion: 'SPDX-2.3' });
  });

  it('an SBOM format without the deps analyzer is a usage error; other scans carry no inventory', () => {
    const r = runCli(['scan', proj, '--only', 'secrets', '--format', 'cyclonedx', '--no-progress'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format cyclonedx needs the deps analyzer');
    const s = JSON.parse(
      runCli(['scan', proj, '--only', 'secrets', '-f', 'json', '--no-progress'], { env }).stdout,
    ) as ScanResult;
    expect(s.inventory).toBeUndefined();
  });
});
