import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { runCli } from './helpers/cli.js';
import { cyclonedxValidator, scanResultValidator } from './helpers/schemas.js';

interface Component {
  'bom-ref': string;
  name: string;
  version?: string;
  purl: string;
  properties: { name: string; value: string }[];
}

let dir: string;
let proj: string;
let env: Record<string, string>;

function install(name: string, version: string): void {
  mkdirSync(join(proj, 'node_modules', name), { recursive: true });
  writeFileSync(join(proj, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-sbom-nolock-'));
  env = { VANGUARD_DB: join(dir, 'no-db', 'osv.sqlite') };
  proj = join(dir, 'proj');
  mkdirSync(join(proj, 'api'), { recursive: true });
  writeFileSync(
    join(proj, 'package.json'),
    JSON.stringify({
      name: 'shop',
      dependencies: { express: '^4.17.1', '@babel/core': '~7.24.0', lodash: '4.17.21', 'left-pad': '^1.3.0' },
      devDependencies: { vitest: '^4.0.0' },
    }),
  );
  install('express', '4.18.2');
  install('@babel/core', '7.24.4');
  install('vitest', '4.0.1');
  writeFileSync(join(proj, 'api', 'requirements.txt'), 'Django==4.2.11\nrequests>=2.31\ngunicorn\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an SBOM of a project without a lockfile', () => {
  it('resolves ranges from node_modules and lists what it could not resolve', () => {
    const out = join(dir, 'bom.json');
    const r = runCli(['sbom', proj, '--output', out], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /5 packages and 3 declared dependencies whose version could not be resolved \(listed without one; see the notes\) from 2 file\(s\)/,
    );
    expect(r.stderr).toMatch(
      /3 range\(s\) resolved from the packages installed in node_modules; 1 could not be resolved/,
    );
    expect(r.stderr).toMatch(/requests >=2\.31, gunicorn \*/);
    const bom = JSON.parse(runCli(['sbom', proj], { env }).stdout) as {
      components: Component[];
      dependencies: { ref: string; dependsOn: string[] }[];
    };
    const validate = cyclonedxValidator();
    expect(validate(bom), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(bom.components.filter((c) => c.version).map((c) => c.purl)).toEqual([
      'pkg:npm/%40babel/core@7.24.4',
      'pkg:npm/express@4.18.2',
      'pkg:npm/lodash@4.17.21',
      'pkg:npm/vitest@4.0.1',
      'pkg:pypi/django@4.2.11',
    ]);
    const unresolved = bom.components.filter((c) => !c.version);
    expect(
      unresolved.map((c) => [
        c.purl,
        c.properties.find((p) => p.name === 'vanguard:unresolvedRange')?.value,
        c.properties.find((p) => p.name === 'vanguard:declaredIn')?.value,
      ]),
    ).toEqual([
      ['pkg:pypi/requests', '>=2.31', 'api/requirements.txt'],
      ['pkg:pypi/gunicorn', '*', 'api/requirements.txt'],
      ['pkg:npm/left-pad', '^1.3.0', 'package.json'],
    ]);
    const root = bom.dependencies.find((d) => d.ref === 'root-component')!;
    for (const c of unresolved) expect(root.dependsOn).toContain(c['bom-ref']);
    // node_modules is read for resolution only: the installed packages' own manifests are not inventoried.
    expect(
      bom.components.filter((c) =>
        c.properties.some((p) => p.name === 'vanguard:declaredIn' && p.value.includes('node_modules')),
      ),
    ).toEqual([]);
  });

  it('the scan result carries the unresolved list and still validates', () => {
    const r = runCli(['scan', proj, '-f', 'json', '--fail-on', 'none', '--no-progress'], { env });
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(scanResultValidator()(result)).toBe(true);
    expect(
      result.inventory!.unresolved!.map((u) => `${u.declaredIn} ${u.name} ${u.range} ${u.scope}`),
    ).toEqual([
      'api/requirements.txt requests >=2.31 unknown',
      'api/requirements.txt gunicorn * unknown',
      'package.json left-pad ^1.3.0 required',
    ]);
    const spdx = JSON.parse(runCli(['sbom', proj, '--format', 'spdx'], { env }).stdout) as {
      packages: { name: string; versionInfo?: string; comment?: string }[];
    };
    expect(spdx.packages.find((p) => p.name === 'left-pad')).toMatchObject({
      comment: 'version not resolved: declared ^1.3.0 in package.json (not installed in node_modules)',
    });
    expect(spdx.packages.find((p) => p.name === 'left-pad')?.versionInfo).toBeUndefined();
  });

  it('without node_modules every range is listed as unresolved, none dropped', () => {
    rmSync(join(proj, 'node_modules'), { recursive: true });
    const r = runCli(['scan', proj, '-f', 'json', '--fail-on', 'none', '--no-progress'], { env });
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(
      result.inventory!.unresolved!.filter((u) => u.declaredIn === 'package.json').map((u) => u.name),
    ).toEqual(['express', '@babel/core', 'left-pad', 'vitest']);
    expect(
      result.warnings.some(
        (w) => /no lockfile and no node_modules/.test(w.message) || /express@\^4\.17\.1/.test(w.message),
      ),
    ).toBe(true);
  });
});
