import { OSV_DIR } from '../../../test/helpers/advisories.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredInventory } from '../../core/inventory.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { importPath } from './db/import.js';
import { closeDepsDatabase, depsAnalyzer } from './index.js';

// What a production install of a yarn, pnpm 9 or bun lockfile installs, told by walking it from the manifest's
// production fields: a package only devDependencies reach (jsonwebtoken in every fixture) is the audit profile's.
const FIX = join(import.meta.dirname, 'fixtures');
let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-devtree-'));
  dbPath = join(dir, 'osv.sqlite');
  await importPath(dbPath, OSV_DIR);
});
afterAll(() => {
  closeDepsDatabase();
  rmSync(dir, { recursive: true, force: true });
});

const read = (p: string): string => readFileSync(join(FIX, p), 'utf8');

async function scan(path: string, text: string, files: Record<string, string>, profile?: string) {
  const ctx = makeMemoryContext({ [path]: text, ...files }, { dbPath, ...(profile ? { profile } : {}) });
  const declared: DeclaredInventory[] = [];
  ctx.declareInventory = (inv) => void declared.push(inv);
  const all = await depsAnalyzer.analyze(makeSourceFile(path, text), ctx);
  // What a default scan leaves to the audit profile is still made, marked held back (ScanResult.heldBack).
  const findings = all.filter((f) => f.heldBack !== true);
  const nameSet = (fs: typeof all) => [...new Set(fs.map((f) => f.package?.name).filter(Boolean))].sort();
  const heldBack = nameSet(all.filter((f) => f.heldBack === true));
  return {
    findings,
    names: nameSet(findings),
    heldBack,
    warnings: ctx.warnings.join('\n'),
    declared: declared[0]!,
  };
}

const LOCKFILES = ['yarn-v1/yarn.lock', 'yarn-berry/yarn.lock', 'pnpm-v9/pnpm-lock.yaml', 'bun/bun.lock'];
const manifestOf = (lock: string): Record<string, string> => {
  const m = lock.replace(/[^/]+$/, 'package.json');
  return { [m]: read(m) };
};

describe('development-only packages of lockfiles without a dev flag', () => {
  it.each(LOCKFILES)(
    '%s: a devDependency is reported with --profile audit only, with a warning',
    async (lock) => {
      const def = await scan(lock, read(lock), manifestOf(lock));
      expect(def.names).not.toContain('jsonwebtoken');
      expect(def.heldBack).toEqual(['jsonwebtoken']);
      // Reached through a production dependency: lodash and minimist directly, qs through express.
      expect(def.names).toEqual(expect.arrayContaining(['express', 'lodash', 'minimist', 'qs']));
      expect(def.warnings).toMatch(/development-only package\(s\) with advisories not reported/);
      const audit = await scan(lock, read(lock), manifestOf(lock), 'audit');
      expect(audit.names).toContain('jsonwebtoken');
      const jwt = audit.findings.find((f) => f.package?.name === 'jsonwebtoken')!;
      expect(jwt.title).toMatch(/\[dev-only\]$/);
      expect(jwt.message).toMatch(/\(dev-only, direct\)/);
      // The SBOM lists every package, each with its scope.
      const scopes = new Map(def.declared.packages.map((p) => [p.name, p.scope]));
      expect(scopes.get('jsonwebtoken')).toBe('dev');
      expect(scopes.get('jws')).toBe('dev');
      expect(scopes.get('express')).toBe('required');
      expect(scopes.get('qs')).toBe('required');
    },
  );

  it("a production package's chain names production dependencies only", async () => {
    const { findings } = await scan('bun/bun.lock', read('bun/bun.lock'), {});
    const qs = findings.find((f) => f.package?.name === 'qs')!;
    expect(qs.message).toMatch(/Brought in by express@4\.17\.1 → qs@6\.7\.0\./);
    expect(qs.message).not.toMatch(/dev-only|development dependency/);
  });

  it.each(['yarn-v1/yarn.lock', 'yarn-berry/yarn.lock'])(
    '%s without its manifest: nothing is taken as development-only, and a warning says why',
    async (lock) => {
      const { names, warnings, declared } = await scan(lock, read(lock), {});
      expect(names).toContain('jsonwebtoken');
      expect(warnings).toMatch(/development-only packages not told: no package\.json beside it/);
      expect(declared.packages.find((p) => p.name === 'express')!.scope).toBe('unknown');
    },
  );

  it('a manifest dependency the yarn 1 lockfile has no entry for: nothing is taken as development-only', async () => {
    const m = JSON.parse(read('yarn-v1/package.json')) as { dependencies: Record<string, string> };
    m.dependencies['left-pad'] = '^1.3.0';
    const { names, warnings } = await scan('yarn-v1/yarn.lock', read('yarn-v1/yarn.lock'), {
      'yarn-v1/package.json': JSON.stringify(m),
    });
    expect(names).toContain('jsonwebtoken');
    expect(warnings).toMatch(/dependencies left-pad@\^1\.3\.0 has no entry in the lockfile/);
  });

  it('a production package whose dependency has no entry in a pnpm 9 lockfile: nothing is taken as dev', async () => {
    const lock = read('pnpm-v9/pnpm-lock.yaml').replace(
      /^( {2}express@4\.17\.1:\n {4}dependencies:\n)/m,
      '$1      left-pad: 1.3.0\n',
    );
    expect(lock).toContain('left-pad: 1.3.0');
    const { names, warnings } = await scan('pnpm-v9/pnpm-lock.yaml', lock, {});
    expect(names).toContain('jsonwebtoken');
    expect(warnings).toMatch(/express's dependency left-pad@1\.3\.0 has no entry in the lockfile/);
  });

  it('pnpm 6 keeps its own dev flags', async () => {
    const { names, declared } = await scan('pnpm-v6/pnpm-lock.yaml', read('pnpm-v6/pnpm-lock.yaml'), {});
    expect(names).not.toContain('jsonwebtoken');
    expect(names).toContain('lodash');
    expect(declared.packages.find((p) => p.name === 'lodash')!.scope).toBe('required');
  });
});

describe("an example's dependency file", () => {
  it("is the audit profile's: the application's install never reads it", async () => {
    const lock = read('npm-v3/package-lock.json');
    const def = await scan('examples/package-lock.json', lock, {});
    expect(def.findings.filter((f) => f.ruleId === 'deps/vulnerable-package')).toEqual([]);
    expect(def.heldBack.length).toBeGreaterThan(0);
    expect(def.warnings).toMatch(
      /an example's dependency file, which the application's install does not read/,
    );
    const audit = await scan('examples/package-lock.json', lock, {}, 'audit');
    expect(audit.names).toEqual(expect.arrayContaining(['jsonwebtoken', 'lodash', 'minimist']));
  });

  it('the same lockfile at the root is reported', async () => {
    const { names } = await scan('package-lock.json', read('npm-v3/package-lock.json'), {});
    expect(names).toEqual(expect.arrayContaining(['lodash', 'minimist']));
  });
});
