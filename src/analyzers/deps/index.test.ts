import { OSV_DIR } from '../../../test/helpers/advisories.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VanguardError } from '../../core/errors.js';
import type { RawFinding } from '../../core/finding.js';
import type { DeclaredInventory } from '../../core/inventory.js';
import { makeMemoryContext, makeMemoryProjectContext, makeSourceFile } from '../../core/source-file.js';
import { createRegistry } from '../index.js';
import { importPath, importRecords } from './db/import.js';
import { closeDepsDatabase, depsAnalyzer } from './index.js';
import { INTEGRITY_RULES, RULE_EXAMPLES } from './rules.js';

const FIX = join(import.meta.dirname, 'fixtures');
let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-deps-'));
  dbPath = join(dir, 'osv.sqlite');
  await importPath(dbPath, OSV_DIR);
});
afterAll(() => {
  closeDepsDatabase();
  rmSync(dir, { recursive: true, force: true });
});

async function scan(
  fixture: string,
  extra: Record<string, string> = {},
  options: Record<string, unknown> = {},
) {
  const text = readFileSync(join(FIX, fixture), 'utf8');
  const files: Record<string, string> = { [fixture]: text, ...extra };
  const ctx = makeMemoryContext(files, { dbPath, ...options });
  const found = await depsAnalyzer.analyze(makeSourceFile(fixture, text), ctx);
  // What the scan reports: a default scan's held-back findings (ScanResult.heldBack) are not.
  const findings = found.filter((f) => !f.heldBack);
  return { findings, ctx, text, heldBack: found.filter((f) => f.heldBack) };
}

// One line per advisory of every package finding, so the fixtures' expectations read per advisory.
const advisories = (fs: RawFinding[]): string[] =>
  fs
    .filter((f) => f.package)
    .flatMap((f) =>
      f.package!.vulnerabilities!.map((v) => `${f.package!.name}@${f.package!.version} deps/${v.id}`),
    )
    .sort();

describe('deps analyzer on real lockfiles and real OSV records', () => {
  it('is registered under its id and wants dependency files only', () => {
    expect(createRegistry().get('deps')).toBe(depsAnalyzer);
    const ref = (path: string) => ({ path, name: path.split('/').pop()!, ext: '', size: 1 });
    expect(depsAnalyzer.matches(ref('a/package-lock.json'))).toBe(true);
    expect(depsAnalyzer.matches(ref('a/requirements-dev.txt'))).toBe(true);
    expect(depsAnalyzer.matches(ref('a/index.ts'))).toBe(false);
  });

  it('finds lodash, minimist, express and jsonwebtoken advisories in a real npm v3 lockfile', async () => {
    // jsonwebtoken is a development dependency there: the audit profile reports its advisories.
    const { findings, text } = await scan(
      'npm-v3/package-lock.json',
      { 'npm-v3/package.json': readFileSync(join(FIX, 'npm-v3/package.json'), 'utf8') },
      { profile: 'audit' },
    );
    const ids = advisories(findings);
    expect(ids).toContain('lodash@4.17.15 deps/GHSA-35jh-r3h4-6jhm');
    expect(ids).toContain('minimist@1.2.0 deps/GHSA-xvch-5gv4-984h');
    expect(ids).toContain('jsonwebtoken@8.5.1 deps/GHSA-27h2-hvpr-p74q');
    const lodash = findings.find((f) => f.package?.name === 'lodash')!;
    expect(lodash).toMatchObject({
      ruleId: 'deps/vulnerable-package',
      analyzer: 'deps',
      severity: 'high',
      phase: 'build',
      principles: ['asset-management'],
      location: { path: 'npm-v3/package-lock.json', startLine: 319 },
      package: {
        ecosystem: 'npm',
        name: 'lodash',
        version: '4.17.15',
        purl: 'pkg:npm/lodash@4.17.15',
        direct: true,
        fixedIn: ['4.17.21'],
      },
    });
    expect(lodash.package!.advisories).toEqual([
      'CVE-2020-28500',
      'CVE-2020-8203',
      'CVE-2021-23337',
      'GHSA-29mw-wpgm-hmr9',
      'GHSA-35jh-r3h4-6jhm',
      'GHSA-p6mc-m468-83gw',
    ]);
    expect(lodash.owasp).toContain('A03:2025');
    expect(lodash.cwe).toContain(94);
    expect(lodash.remediation).toMatch(
      /^Upgrade lodash from 4\.17\.15 to 4\.17\.21 or later: the smallest version that fixes all 3/,
    );
    expect(text.split('\n')[318]).toContain('"node_modules/lodash"');
    expect(lodash.fingerprintKey).toBe('npm|lodash|4.17.15');
    // A transitive package carries its path from the direct dependency.
    const qs = findings.find((f) => f.package?.name === 'qs')!;
    expect(qs.package).toMatchObject({ direct: false, path: ['express@4.17.1', 'qs@6.7.0'] });
    expect(qs.message).toContain('Brought in by express@4.17.1 → qs@6.7.0');
    expect(qs.remediation).toMatch(/update express@4\.17\.1/);
  });

  it('gives one finding per package version, with the one upgrade that fixes all its advisories', async () => {
    const { findings } = await scan('package-json/package.json', {}, { profile: 'audit' });
    const keys = findings.filter((f) => f.package).map((f) => `${f.package!.name}@${f.package!.version}`);
    expect(keys.sort()).toEqual(['lodash@4.17.15', 'minimist@1.2.0']);
    const lodash = findings.find((f) => f.package?.name === 'lodash')!;
    expect(lodash.package!.vulnerabilities!.map((v) => v.id)).toHaveLength(3);
    // The worst advisory sets the severity; the upgrade is the smallest fixing all three.
    expect(lodash.severity).toBe(lodash.package!.vulnerabilities![0]!.severity);
    expect(lodash.package!.fixedIn).toEqual(['4.17.21']);
    expect(lodash.remediation).toMatch(
      /to 4\.17\.21 or later: the smallest version that fixes all 3 advisories/,
    );
    expect(lodash.title).toMatch(/^lodash@4\.17\.15: 3 advisories \(worst /);
    const fixes = lodash.package!.vulnerabilities!.map((v) => v.fixedIn.at(-1));
    expect(new Set(fixes).size).toBeGreaterThan(1); // different advisories name different fixes
  });

  it('says when a package is dev-only', async () => {
    const lock = JSON.stringify(
      {
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': { devDependencies: { minimist: '1.2.0' } },
          'node_modules/minimist': { version: '1.2.0', dev: true, integrity: 'sha512-AAAA' },
        },
      },
      null,
      2,
    );
    const ctx = makeMemoryContext({ 'package-lock.json': lock }, { dbPath, profile: 'audit' });
    const [f] = await depsAnalyzer.analyze(makeSourceFile('package-lock.json', lock), ctx);
    expect(f!.package).toMatchObject({ name: 'minimist', dev: true });
    expect(f!.title).toMatch(/\[dev-only\]$/);
    expect(f!.message).toMatch(/\(dev-only, direct\).*development dependency only/);
    expect(ctx.warnings).toEqual([]);
    // Not installed in production: the default profile leaves its advisories out and says how many, and where.
    const plain = makeMemoryContext({ 'package-lock.json': lock }, { dbPath });
    const held = await depsAnalyzer.analyze(makeSourceFile('package-lock.json', lock), plain);
    // Marked held back: the scan reports only its fingerprint (ScanResult.heldBack), as the audit scan's finding.
    expect(held.map((h) => [h.package?.name, h.heldBack, h.fingerprintKey])).toEqual([
      ['minimist', true, f!.fingerprintKey],
    ]);
    expect(plain.warnings.join('\n')).toMatch(
      /package-lock\.json: 1 development-only package\(s\) with advisories not reported .*--profile audit/,
    );
  });

  it('reports a version installed both for development and for production in the default profile', async () => {
    // npm keeps two copies of minimist@1.2.0 when hoisting conflicts: one under a development tool, one under a
    // production dependency. The production copy is deployed, whatever order the lockfile lists them in.
    const lock = JSON.stringify(
      {
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': { dependencies: { zed: '1.0.0', minimist: '1.2.8' }, devDependencies: { builder: '1.0.0' } },
          'node_modules/builder': { version: '1.0.0', dev: true, dependencies: { minimist: '1.2.0' } },
          'node_modules/builder/node_modules/minimist': { version: '1.2.0', dev: true },
          'node_modules/minimist': { version: '1.2.8' },
          'node_modules/zed': { version: '1.0.0', dependencies: { minimist: '1.2.0' } },
          'node_modules/zed/node_modules/minimist': { version: '1.2.0' },
        },
      },
      null,
      2,
    );
    const ctx = makeMemoryContext({ 'package-lock.json': lock }, { dbPath });
    const found = await depsAnalyzer.analyze(makeSourceFile('package-lock.json', lock), ctx);
    const minimist = found.filter((f) => f.package?.name === 'minimist' && f.package.version === '1.2.0');
    expect(minimist).toHaveLength(1);
    expect(minimist[0]!.package!.dev).toBeUndefined();
  });

  it.each([
    ['npm-v1/package-lock.json'],
    ['npm-v2/package-lock.json'],
    ['yarn-v1/yarn.lock'],
    ['yarn-berry/yarn.lock'],
    ['pnpm-v6/pnpm-lock.yaml'],
    ['pnpm-v9/pnpm-lock.yaml'],
    ['bun/bun.lock'],
  ])('%s gives the same advisories as package-lock v3', async (fixture) => {
    // Every package, development ones included (yarn, pnpm and bun lockfiles here carry no dev flag).
    const base = advisories((await scan('npm-v3/package-lock.json', {}, { profile: 'audit' })).findings);
    expect(advisories((await scan(fixture, {}, { profile: 'audit' })).findings)).toEqual(base);
  });

  const ECOSYSTEMS: [string, string[], Record<string, string>?][] = [
    [
      'poetry/poetry.lock',
      ['django@3.2.12 deps/GHSA-2gwj-7jmv-h26r', 'django@3.2.12 deps/GHSA-p64x-8rxx-wf6q'],
    ],
    [
      'requirements/requirements.txt',
      [
        'Django@3.2.12 deps/GHSA-2gwj-7jmv-h26r',
        'Django@3.2.12 deps/GHSA-p64x-8rxx-wf6q',
        'requests@2.19.0 deps/GHSA-9wx4-h78v-vm56',
        'requests@2.19.0 deps/GHSA-j8r2-6x86-q33q',
        'requests@2.19.0 deps/GHSA-x84v-xcm2-53pg',
      ],
    ],
    [
      'pipenv/Pipfile.lock',
      [
        'jinja2@3.1.2 deps/GHSA-h5c8-rqwp-cp95',
        'pyyaml@5.3 deps/GHSA-6757-jp84-gxfx',
        'pyyaml@5.3 deps/GHSA-8q59-q68h-6hv4',
      ],
    ],
    ['uv/uv.lock', ['flask@2.2.4 deps/GHSA-m2qf-hxjv-5gpq']],
    ['pdm/pdm.lock', ['requests@2.31.0 deps/GHSA-9wx4-h78v-vm56', 'urllib3@2.0.6 deps/GHSA-g4mx-q9vg-27p4']],
    [
      'go/go.mod',
      [
        'github.com/gin-gonic/gin@v1.9.0 deps/GHSA-2c4m-59x9-fr2g',
        'golang.org/x/net@v0.15.0 deps/GHSA-4374-p667-p6c8',
        'golang.org/x/net@v0.15.0 deps/GHSA-qppj-fm5r-hxr3',
        'google.golang.org/grpc@v1.58.2 deps/GHSA-qppj-fm5r-hxr3',
      ],
    ],
    ['cargo/Cargo.lock', ['hyper@0.14.9 deps/GHSA-f3pg-qwvg-p99c', 'tokio@1.18.0 deps/GHSA-7rrj-xr53-82p7']],
    [
      'ruby/Gemfile.lock',
      [
        'actionpack@7.0.4 deps/GHSA-4g8v-vg43-wpgf',
        'actionpack@7.0.4 deps/GHSA-8xww-x3g3-6jcv',
        'nokogiri@1.13.3 deps/GHSA-cgx6-hpwq-fhv5',
        'nokogiri@1.13.3 deps/GHSA-crjr-9rc5-ghw8',
      ],
    ],
    [
      'composer/composer.lock',
      [
        'symfony/http-kernel@5.3.9 deps/GHSA-h7vf-5wrv-9fhv',
        'symfony/http-kernel@5.3.9 deps/GHSA-q3j3-w37x-hq2q',
      ],
      { 'composer/composer.json': readFileSync(join(FIX, 'composer/composer.json'), 'utf8') },
    ],
    [
      'maven/pom.xml',
      [
        'com.fasterxml.jackson.core:jackson-databind@2.12.6 deps/GHSA-57j2-w4cx-62h2',
        'com.fasterxml.jackson.core:jackson-databind@2.12.6 deps/GHSA-jjjh-jjxp-wpff',
        'org.apache.logging.log4j:log4j-core@2.14.1 deps/GHSA-7rjr-3q55-vv33',
        'org.apache.logging.log4j:log4j-core@2.14.1 deps/GHSA-jfh8-c2jp-5v3q',
        'org.apache.logging.log4j:log4j-core@2.14.1 deps/GHSA-p6xc-xr62-6r2g',
      ],
    ],
    [
      'gradle/gradle.lockfile',
      [
        'com.fasterxml.jackson.core:jackson-databind@2.13.4 deps/GHSA-jjjh-jjxp-wpff',
        'org.apache.logging.log4j:log4j-core@2.15.0 deps/GHSA-7rjr-3q55-vv33',
        'org.apache.logging.log4j:log4j-core@2.15.0 deps/GHSA-p6xc-xr62-6r2g',
      ],
    ],
    [
      'nuget/packages.lock.json',
      [
        'Microsoft.Data.SqlClient@5.1.1 deps/GHSA-98g6-xh36-x2p7',
        'Newtonsoft.Json@12.0.3 deps/GHSA-5crp-9r3c-p9vr',
        'System.Data.SqlClient@4.8.5 deps/GHSA-98g6-xh36-x2p7',
      ],
    ],
    [
      'package-json/package.json',
      [
        'lodash@4.17.15 deps/GHSA-29mw-wpgm-hmr9',
        'lodash@4.17.15 deps/GHSA-35jh-r3h4-6jhm',
        'lodash@4.17.15 deps/GHSA-p6mc-m468-83gw',
        'minimist@1.2.0 deps/GHSA-vh95-rmgr-6w4m',
        'minimist@1.2.0 deps/GHSA-xvch-5gv4-984h',
      ],
    ],
  ];
  it.each(ECOSYSTEMS)('%s', async (fixture, expected, extra) => {
    const { findings } = await scan(fixture, extra ?? {}, { profile: 'audit' });
    expect(advisories(findings)).toEqual(expected.sort());
    for (const f of findings) {
      expect(f.location.startLine).toBeGreaterThan(0);
      expect(f.location.snippet).not.toBe('');
    }
  });

  it("leaves a manifest's development dependencies to the audit profile, as a lockfile's", async () => {
    const { findings, ctx } = await scan('package-json/package.json');
    expect(advisories(findings)).toEqual([
      'lodash@4.17.15 deps/GHSA-29mw-wpgm-hmr9',
      'lodash@4.17.15 deps/GHSA-35jh-r3h4-6jhm',
      'lodash@4.17.15 deps/GHSA-p6mc-m468-83gw',
    ]);
    expect(ctx.warnings.join('\n')).toMatch(/1 development-only package\(s\) with advisories not reported/);
  });

  it('notes unresolved ranges for a manifest without a lockfile, and stays quiet beside one', async () => {
    const { ctx } = await scan('package-json/package.json');
    expect(ctx.warnings.join('\n')).toMatch(
      /1 could not be resolved and are listed without a version: express@\^4\.17\.1/,
    );
    const beside = await scan('package-json/package.json', { 'package-json/yarn.lock': '' });
    expect(beside.findings).toEqual([]);
  });

  it('resolves a manifest without a lockfile from npm hidden lockfile, at the manifest lines', async () => {
    const lock = JSON.parse(readFileSync(join(FIX, 'npm-v3/package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    // npm's record of node_modules has no root entry; the manifest declares ranges, one never installed.
    delete lock.packages[''];
    const manifest = JSON.stringify(
      {
        dependencies: { express: '^4.17.0', lodash: '^4.17.0', minimist: '^1.2.0', 'left-pad': '^1.3.0' },
        devDependencies: { jsonwebtoken: '^8.5.0' },
      },
      null,
      2,
    );
    const ctx = makeMemoryContext({ 'app/package.json': manifest }, { dbPath });
    const asked: string[] = [];
    const declared: DeclaredInventory[] = [];
    ctx.readInstalledNpm = (dir) => {
      asked.push(dir);
      return Promise.resolve({
        kind: 'hidden-lockfile',
        path: 'app/node_modules/.package-lock.json',
        text: JSON.stringify(lock),
      });
    };
    ctx.declareInventory = (inv) => void declared.push(inv);
    const findings = (await depsAnalyzer.analyze(makeSourceFile('app/package.json', manifest), ctx)).filter(
      (f) => !f.heldBack,
    );
    expect(asked).toEqual(['app']);
    expect(advisories(findings)).toEqual(advisories((await scan('npm-v3/package-lock.json')).findings));
    const line = (name: string): number => manifest.split('\n').findIndex((l) => l.includes(`"${name}"`)) + 1;
    for (const f of findings) {
      expect(f.location.path).toBe('app/package.json');
      const top = f.package!.direct ? f.package!.name : f.package!.path![0]!.replace(/@[^@]*$/, '');
      expect(f.location.startLine, f.package!.name).toBe(line(top));
    }
    // Installed-tree URLs are not the repository's: no integrity findings come from them.
    expect(findings.filter((f) => f.ruleId !== 'deps/vulnerable-package')).toEqual([]);
    expect(declared[0]!.unresolved).toEqual([
      expect.objectContaining({
        ecosystem: 'npm',
        name: 'left-pad',
        purl: 'pkg:npm/left-pad',
        range: '^1.3.0',
      }),
    ]);
    expect(declared[0]!.packages.find((p) => p.name === 'jsonwebtoken')).toMatchObject({
      scope: 'dev',
      direct: true,
    });
    expect(ctx.warnings.join('\n')).toMatch(
      /read from npm's record of the installed tree \(app\/node_modules\/\.package-lock\.json\); 1 declared/,
    );
  });

  it('turns a malformed lockfile into a ParseError with its line', async () => {
    const ctx = makeMemoryContext({}, { dbPath });
    await expect(
      Promise.resolve(depsAnalyzer.analyze(makeSourceFile('go.mod', 'module x\nrequire bad\n'), ctx)),
    ).rejects.toMatchObject({ code: 'PARSE', line: 2 });
  });
});

describe('integrity rules', () => {
  it('every rule has a bad and a good example', () => {
    for (const r of INTEGRITY_RULES) {
      expect(
        RULE_EXAMPLES.some((e) => e.rule === r.id && e.kind === 'bad'),
        `${r.id} bad`,
      ).toBe(true);
      expect(
        RULE_EXAMPLES.some((e) => e.rule === r.id && e.kind === 'good'),
        `${r.id} good`,
      ).toBe(true);
    }
  });
  it.each(RULE_EXAMPLES.map((e) => [`${e.rule} ${e.kind} ${e.file}`, e] as const))(
    '%s',
    async (_name, ex) => {
      const ctx = makeMemoryContext({ [ex.file]: ex.text }, { dbPath });
      const findings = (await depsAnalyzer.analyze(makeSourceFile(ex.file, ex.text), ctx)).filter(
        (f) => f.ruleId === ex.rule,
      );
      if (ex.kind === 'good') {
        expect(findings).toEqual([]);
      } else {
        expect(findings).toHaveLength(1);
        expect(findings[0]!.location.startLine).toBe(ex.line);
        expect(findings[0]!.owasp).toEqual(['A03:2025', 'A08:2025']);
      }
    },
  );
  it('reports missing hashes once per lockfile, with a count and examples', async () => {
    const entries: Record<string, unknown> = { '': { dependencies: {} } };
    for (let i = 0; i < 12; i++) entries[`node_modules/pkg-${i}`] = { version: `1.0.${i}` };
    entries['node_modules/host/node_modules/bundled'] = { version: '2.0.0', inBundle: true };
    const lock = JSON.stringify({ name: 'app', lockfileVersion: 3, packages: entries }, null, 2);
    const ctx = makeMemoryContext({ 'package-lock.json': lock }, { dbPath });
    const found = (await depsAnalyzer.analyze(makeSourceFile('package-lock.json', lock), ctx)).filter(
      (f) => f.ruleId === 'deps/missing-integrity',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      '12 locked packages have no integrity hash recorded: pkg-0@1.0.0, pkg-1@1.0.1, pkg-2@1.0.2, pkg-3@1.0.3, pkg-4@1.0.4, and 7 more.',
    );
    expect(found[0]!.message).not.toContain('bundled');
  });
  it('accepts configured mirrors', async () => {
    const ex = RULE_EXAMPLES.find((e) => e.rule === 'deps/unexpected-registry' && e.kind === 'bad')!;
    const ctx = makeMemoryContext({}, { dbPath, registries: ['npm.evil-mirror.example'] });
    const fs = await depsAnalyzer.analyze(makeSourceFile(ex.file, ex.text), ctx);
    expect(fs.filter((f) => f.ruleId === ex.rule)).toEqual([]);
  });
  it('real generated lockfiles raise no integrity findings', async () => {
    for (const f of [
      'npm-v1/package-lock.json',
      'npm-v3/package-lock.json',
      'yarn-v1/yarn.lock',
      'yarn-berry/yarn.lock',
      'pnpm-v9/pnpm-lock.yaml',
      'bun/bun.lock',
      'cargo/Cargo.lock',
      'poetry/poetry.lock',
    ]) {
      const { findings } = await scan(f);
      expect(findings.filter((x) => !x.package).map((x) => `${f} ${x.ruleId} ${x.message}`)).toEqual([]);
    }
  });
});

describe('prepare', () => {
  const projectCtx = (options: Record<string, unknown>, requested = true) =>
    makeMemoryProjectContext({}, options, '/virtual', requested);
  it('without a database, a default scan goes on with a loud warning and the integrity rules only', async () => {
    const ctx = projectCtx({ dbPath: join(dir, 'none.sqlite') }, false);
    await depsAnalyzer.prepare!(ctx);
    expect(ctx.warnings.join()).toMatch(
      /no advisory database at .*none\.sqlite: dependencies were NOT checked/,
    );
    const lock = JSON.stringify({
      name: 'app',
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { leftpad: '1.0.0' } },
        'node_modules/leftpad': {
          version: '1.0.0',
          resolved: 'http://registry.npmjs.org/leftpad/-/leftpad-1.0.0.tgz',
        },
      },
    });
    const file = makeSourceFile('package-lock.json', lock);
    const found = await depsAnalyzer.analyze(
      file,
      makeMemoryContext({ 'package-lock.json': lock }, { dbPath: join(dir, 'none.sqlite') }),
    );
    expect(found.map((f) => f.ruleId)).toContain('deps/resolved-over-http');
  });
  it('fails with a DATABASE error naming the commands when deps was asked for and there is no database', async () => {
    const err = await depsAnalyzer.prepare!(projectCtx({ dbPath: join(dir, 'none.sqlite') })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VanguardError);
    expect(err).toMatchObject({ code: 'DATABASE' });
    expect((err as Error).message).toMatch(
      /no advisory database at .*none\.sqlite: run `vanguard db update` or `vanguard db import <zip\|folder>`/,
    );
  });
  it('warns when the database is older than 7 days', async () => {
    const old = join(dir, 'old.sqlite');
    const rec = JSON.parse(readFileSync(join(OSV_DIR, 'GHSA-2p57-rm9w-gvfp.json'), 'utf8')) as never;
    importRecords(old, [{ record: rec }], 'test', new Date(Date.now() - 10 * 86_400_000));
    const ctx = projectCtx({ dbPath: old });
    await depsAnalyzer.prepare!(ctx);
    expect(ctx.warnings.join()).toMatch(/10 days old: run `vanguard db update`/);
    const fresh = projectCtx({ dbPath });
    await depsAnalyzer.prepare!(fresh);
    expect(fresh.warnings).toEqual([]);
  });
});
