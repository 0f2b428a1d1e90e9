import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * package.json says what users install: every runtime dependency must be used by the shipped code,
 * and everything the shipped code imports must be a runtime dependency (a devDependency is missing
 * from `npm install vanguard`).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// Declared for the server and dashboard, which are being built on other branches (issue #11 onwards).
// An entry here is never an error; remove it once the code that uses it has landed.
const FOR_THE_PLATFORM = new Set([
  'fastify',
  '@fastify/cookie',
  '@fastify/helmet',
  '@fastify/rate-limit',
  '@fastify/swagger',
  'kysely',
  'pg',
  'pg-boss',
  'preact',
  'htm',
  'uplot',
]);

// Test material, not shipped (see tsconfig.build.json).
const NOT_SHIPPED = /\.test\.ts$|(^|\/)(examples|fixtures)\/|(^|\/)examples\.ts$|(^|\/)test-[^/]*\.ts$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js|mjs)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((p) => !NOT_SHIPPED.test(p));
}

function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0]!;
  return builtinModules.includes(name) ? undefined : name;
}

function importsOf(files: string[]): Map<string, string> {
  const used = new Map<string, string>();
  const re = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (const f of files) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    for (const m of text.matchAll(re)) {
      const name = packageOf(m[1]!);
      if (name !== undefined && !used.has(name)) used.set(name, f);
    }
  }
  return used;
}

describe('declared dependencies', () => {
  const shipped = importsOf(sources(join(ROOT, 'src')));

  it('every package the shipped code imports is a runtime dependency', () => {
    const missing = [...shipped].filter(([name]) => !Object.hasOwn(pkg.dependencies, name));
    expect(missing.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([]);
  });

  it('every runtime dependency is imported by the shipped code', () => {
    const unused = Object.keys(pkg.dependencies).filter((d) => !shipped.has(d) && !FOR_THE_PLATFORM.has(d));
    expect(unused).toEqual([]);
  });
});
