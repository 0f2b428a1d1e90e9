import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../core/errors.js';
import { formatFor } from './index.js';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const SAMPLES: [string, string][] = [
  ['package-lock.json', 'npm-v3/package-lock.json'],
  ['package-lock.json', 'npm-v1/package-lock.json'],
  ['yarn.lock', 'yarn-v1/yarn.lock'],
  ['yarn.lock', 'yarn-berry/yarn.lock'],
  ['pnpm-lock.yaml', 'pnpm-v9/pnpm-lock.yaml'],
  ['pnpm-lock.yaml', 'pnpm-v6/pnpm-lock.yaml'],
  ['bun.lock', 'bun/bun.lock'],
  ['package.json', 'package-json/package.json'],
  ['requirements.txt', 'requirements/requirements.txt'],
  ['poetry.lock', 'poetry/poetry.lock'],
  ['uv.lock', 'uv/uv.lock'],
  ['pdm.lock', 'pdm/pdm.lock'],
  ['Pipfile.lock', 'pipenv/Pipfile.lock'],
  ['go.mod', 'go/go.mod'],
  ['Cargo.lock', 'cargo/Cargo.lock'],
  ['Gemfile.lock', 'ruby/Gemfile.lock'],
  ['composer.lock', 'composer/composer.lock'],
  ['pom.xml', 'maven/pom.xml'],
  ['gradle.lockfile', 'gradle/gradle.lockfile'],
  ['packages.lock.json', 'nuget/packages.lock.json'],
];

/** Either an inventory or a ParseError: any other exception is a crash on hostile input. */
function parsesOrParseError(name: string, text: string): boolean {
  try {
    const inv = formatFor(name)!.parse(text);
    return (
      Array.isArray(inv.packages) && inv.packages.every((p) => typeof p.name === 'string' && p.line >= 1)
    );
  } catch (err) {
    if (err instanceof ParseError) return true;
    throw err;
  }
}

describe.each(SAMPLES)('%s (%s) on hostile input', (name, fixture) => {
  const real = readFileSync(join(FIX, fixture), 'utf8');
  it('survives random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (t) => parsesOrParseError(name, t)),
      { numRuns: 200 },
    );
  });
  it('survives mutations of a real lockfile (truncation, deleted and inserted bytes)', () => {
    const mutated = fc
      .tuple(fc.nat(real.length), fc.nat(200), fc.string({ maxLength: 20 }), fc.boolean())
      .map(([at, del, ins, truncate]) =>
        truncate ? real.slice(0, at) : real.slice(0, at) + ins + real.slice(at + del),
      );
    fc.assert(
      fc.property(mutated, (t) => parsesOrParseError(name, t)),
      { numRuns: 150 },
    );
  });
  it('survives structurally valid documents of the wrong shape', () => {
    const json = fc.json({ maxDepth: 4 });
    fc.assert(
      fc.property(json, (t) => parsesOrParseError(name, t)),
      { numRuns: 150 },
    );
  });
});

describe('bounded work', () => {
  it('parses a deeply nested npm v1 tree without recursion limits being hit at realistic depth', () => {
    let tree = '{"version":"1.0.0"}';
    for (let i = 0; i < 200; i++) tree = `{"version":"1.0.${i}","dependencies":{"p${i}":${tree}}}`;
    const text = `{"lockfileVersion":1,"dependencies":{"root":${tree}}}`;
    expect(formatFor('package-lock.json')!.parse(text).packages.length).toBe(201);
  });
  it('rejects absurdly nested YAML and TOML with a ParseError', () => {
    expect(() => formatFor('pnpm-lock.yaml')!.parse('a: ' + '['.repeat(20_000) + ']'.repeat(20_000))).toThrow(
      ParseError,
    );
    expect(() => formatFor('Cargo.lock')!.parse('a = ' + '['.repeat(20_000) + ']'.repeat(20_000))).toThrow(
      ParseError,
    );
  });
  it('rejects absurdly nested JSON', () => {
    const text = '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000);
    expect(() => formatFor('composer.lock')!.parse(text)).toThrow(ParseError);
  });
  it('rejects a hostile nesting depth with a ParseError instead of a stack overflow', () => {
    let tree = '{"version":"1.0.0"}';
    for (let i = 0; i < 3000; i++) tree = `{"version":"1.0.0","dependencies":{"p":${tree}}}`;
    const text = `{"lockfileVersion":1,"dependencies":{"root":${tree}}}`;
    expect(() => formatFor('package-lock.json')!.parse(text)).toThrow(ParseError);
  });
});
