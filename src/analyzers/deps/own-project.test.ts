import { OSV_DIR } from '../../../test/helpers/advisories.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { importPath } from './db/import.js';
import { closeDepsDatabase, depsAnalyzer } from './index.js';
import { ownPackageOf } from './own-project.js';

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-own-'));
  dbPath = join(dir, 'osv.sqlite');
  await importPath(dbPath, OSV_DIR);
});
afterAll(() => {
  closeDepsDatabase();
  rmSync(dir, { recursive: true, force: true });
});

async function scan(path: string, text: string, options: Record<string, unknown> = {}) {
  const ctx = makeMemoryContext({ [path]: text }, { dbPath, ...options });
  return depsAnalyzer.analyze(makeSourceFile(path, text), ctx);
}

const own = async (path: string, text: string) =>
  (await scan(path, text)).filter((f) => f.ruleId === 'deps/vulnerable-project');

const pkg = (fields: Record<string, unknown>) => `${JSON.stringify(fields, null, 2)}\n`;

describe('deps/vulnerable-project: the scanned project is itself an affected release', () => {
  it('wants the manifests that name the project (pyproject.toml, setup.cfg too)', () => {
    const ref = (path: string) => ({ path, name: path.split('/').pop()!, ext: '', size: 1 });
    expect(depsAnalyzer.matches(ref('pyproject.toml'))).toBe(true);
    expect(depsAnalyzer.matches(ref('setup.cfg'))).toBe(true);
  });

  it('reports a package.json whose own name and version a published advisory affects', async () => {
    const text = pkg({ name: 'lodash', version: '4.17.15', main: 'lodash.js' });
    const fs = await own('package.json', text);
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f).toMatchObject({
      ruleId: 'deps/vulnerable-project',
      analyzer: 'deps',
      location: { path: 'package.json', startLine: 3 },
      package: { ecosystem: 'npm', name: 'lodash', version: '4.17.15' },
    });
    expect(f.package!.advisories).toContain('GHSA-35jh-r3h4-6jhm');
    expect(f.message).toMatch(/this project is lodash@4\.17\.15/);
    expect(f.message).toMatch(/It is not a dependency/);
    expect(f.remediation).toMatch(/Release or deploy lodash 4\.17\.21 or later/);
  });

  it('reports a published workspace package of a monorepo, and keeps its dependency findings', async () => {
    const text = pkg({ name: 'lodash', version: '4.17.20', dependencies: { minimist: '1.2.0' } });
    const fs = await scan('packages/lodash/package.json', text);
    expect(fs.map((f) => f.ruleId).sort()).toEqual(['deps/vulnerable-package', 'deps/vulnerable-project']);
  });

  it('reports pyproject.toml ([project] and [tool.poetry]) and setup.cfg [metadata]', async () => {
    const pep621 =
      '[build-system]\nrequires = ["setuptools"]\n\n[project]\nname = "Flask"\nversion = "2.2.2"\n';
    expect((await own('pyproject.toml', pep621)).map((f) => f.location.startLine)).toEqual([6]);
    const poetry = '[tool.poetry]\nname = "flask"\nversion = "2.3.1"\ndescription = "x"\n';
    expect((await own('pyproject.toml', poetry)).map((f) => f.location.startLine)).toEqual([3]);
    const cfg = '[metadata]\nname = Flask\nversion = 2.2.4\n\n[options]\npackages = find:\n';
    expect((await own('setup.cfg', cfg)).map((f) => f.location.startLine)).toEqual([3]);
  });

  it('reports nothing for an unpublished, private, fixed or unaffected project', async () => {
    // `private: true`: npm refuses to publish it, so no release can be this code.
    expect(await own('package.json', pkg({ name: 'lodash', version: '4.17.15', private: true }))).toEqual([]);
    // The fixed version.
    expect(await own('package.json', pkg({ name: 'lodash', version: '4.17.21' }))).toEqual([]);
    // A name the advisory data does not hold.
    expect(await own('package.json', pkg({ name: 'my-shop', version: '1.0.0' }))).toEqual([]);
    // Between Flask's two affected ranges.
    expect(await own('pyproject.toml', '[project]\nname = "flask"\nversion = "2.2.5"\n')).toEqual([]);
  });

  it('reports nothing when the manifest does not write the version or is not the project', async () => {
    const dynamic = '[project]\nname = "flask"\ndynamic = ["version"]\n';
    expect(await own('pyproject.toml', dynamic)).toEqual([]);
    expect(await own('setup.cfg', '[metadata]\nname = flask\nversion = attr: flask.__version__\n')).toEqual(
      [],
    );
    // A test fixture, a vendored copy and an example name another package: they are not this project.
    const old = pkg({ name: 'lodash', version: '4.17.15' });
    expect(await own('test/fixtures/app/package.json', old)).toEqual([]);
    expect(await own('vendor/lodash/package.json', old)).toEqual([]);
    expect(await own('examples/demo/package.json', old)).toEqual([]);
    // Without advisories the analyzer says nothing about the project.
    const off = await scan('package.json', old, { advisories: false });
    expect(off.filter((f) => f.ruleId === 'deps/vulnerable-project')).toEqual([]);
  });

  it('reads the package a manifest names', () => {
    expect(ownPackageOf('package.json', 'package.json', pkg({ name: 'a', version: '1.2.3' }))).toEqual({
      ecosystem: 'npm',
      name: 'a',
      version: '1.2.3',
      line: 3,
    });
    expect(
      ownPackageOf('package.json', 'package.json', pkg({ name: 'a', version: 'v1.2.3' })),
    ).toBeUndefined();
    expect(ownPackageOf('package.json', 'package.json', '{ not json')).toBeUndefined();
    expect(ownPackageOf('setup.cfg', 'setup.cfg', '[options]\nname = a\nversion = 1.0\n')).toBeUndefined();
  });
});
