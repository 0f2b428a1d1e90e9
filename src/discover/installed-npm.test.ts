import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInstalledNpm } from './installed-npm.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-installed-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function install(at: string, name: string, version: unknown): void {
  mkdirSync(join(at, name), { recursive: true });
  writeFileSync(join(at, name, 'package.json'), JSON.stringify({ name, version }));
}

describe('what npm installed beside a manifest', () => {
  it('prefers npm hidden lockfile', () => {
    install(join(dir, 'node_modules'), 'express', '4.18.2');
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(readInstalledNpm(dir, '', 1 << 20)).toEqual({
      kind: 'hidden-lockfile',
      path: 'node_modules/.package-lock.json',
      text: '{"lockfileVersion":3,"packages":{}}',
    });
  });

  it('reads every top-level package, scoped ones too, in a sub-project', () => {
    const nm = join(dir, 'web', 'node_modules');
    install(nm, 'express', '4.18.2');
    install(nm, '@babel/core', '7.24.0');
    install(nm, 'broken', 42);
    mkdirSync(join(nm, 'empty'));
    mkdirSync(join(nm, '.bin'));
    const r = readInstalledNpm(dir, 'web', 1 << 20);
    expect(r).toMatchObject({ kind: 'packages', path: 'web/node_modules', truncated: false });
    expect(r?.kind === 'packages' && Object.fromEntries(r.versions)).toEqual({
      express: '4.18.2',
      '@babel/core': '7.24.0',
    });
  });

  it('follows links inside node_modules (pnpm) but not out of it', () => {
    const nm = join(dir, 'node_modules');
    install(join(nm, '.pnpm', 'lodash@4.17.21', 'node_modules'), 'lodash', '4.17.21');
    symlinkSync(join(nm, '.pnpm', 'lodash@4.17.21', 'node_modules', 'lodash'), join(nm, 'lodash'));
    install(join(dir, 'elsewhere'), 'secret-lib', '9.9.9');
    symlinkSync(join(dir, 'elsewhere', 'secret-lib'), join(nm, 'secret-lib'));
    symlinkSync(join(dir, 'nowhere'), join(nm, 'dangling'));
    const r = readInstalledNpm(dir, '', 1 << 20);
    expect(r?.kind === 'packages' && Object.fromEntries(r.versions)).toEqual({ lodash: '4.17.21' });
  });

  it('ignores a node_modules that is a link or absent, and a package.json that is a link', () => {
    expect(readInstalledNpm(dir, '', 1 << 20)).toBeUndefined();
    install(join(dir, 'real'), 'x', '1.0.0');
    symlinkSync(join(dir, 'real'), join(dir, 'node_modules'));
    expect(readInstalledNpm(dir, '', 1 << 20)).toBeUndefined();
    mkdirSync(join(dir, 'a', 'node_modules', 'y'), { recursive: true });
    symlinkSync(join(dir, 'real', 'x', 'package.json'), join(dir, 'a', 'node_modules', 'y', 'package.json'));
    const r = readInstalledNpm(dir, 'a', 1 << 20);
    expect(r?.kind === 'packages' && r.versions.size).toBe(0);
  });
});
