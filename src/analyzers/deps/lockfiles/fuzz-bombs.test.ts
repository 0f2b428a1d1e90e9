import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams, nestedValue, nestingDepth, yamlAliasBomb } from '../../../../test/helpers/fuzz.js';
import { ParseError } from '../../../core/errors.js';
import { PLAIN_LIMITS } from '../../../parse/yaml/bounds.js';
import { formatFor } from './index.js';

// Generated hostile lockfiles (issue #18): alias bombs and deep nesting placed where each parser
// reads (a package's dependencies, a package entry itself, the top level). Each parser must return
// an inventory or throw the project's ParseError (a per-file error): never a RangeError from a
// recursion, never an expanded bomb. The vitest timeout is the watchdog against a hang.

type Outcome = { ok: true; packages: number } | { ok: false; error: ParseError };

/** The parser's outcome; any exception other than ParseError fails the property. */
function outcome(name: string, text: string): Outcome {
  try {
    const inv = formatFor(name)!.parse(text);
    expect(inv.packages.every((p) => typeof p.name === 'string' && p.line >= 1)).toBe(true);
    return { ok: true, packages: inv.packages.length };
  } catch (err) {
    if (err instanceof ParseError) return { ok: false, error: err };
    throw err;
  }
}

const lines = (text: string): number => text.split('\n').length;

const YAML_LOCKS: Record<string, (defs: string, value: string) => string> = {
  'pnpm-lock.yaml': (defs, value) =>
    `lockfileVersion: '9.0'\n${defs}\nimporters:\n  .:\n    dependencies: ${value}\npackages:\n  foo@1.0.0:\n    resolution: {integrity: sha512-AAAA}\n    dependencies: ${value}\n  bar@2.0.0: ${value}\n`,
  'yarn.lock': (defs, value) =>
    `__metadata:\n  version: 10\n  cacheKey: 10c0\n${defs}\n"foo@npm:1.0.0":\n  version: 1.0.0\n  resolution: "foo@npm:1.0.0"\n  dependencies: ${value}\n"bar@npm:2.0.0": ${value}\n`,
};

describe.each(Object.keys(YAML_LOCKS))('%s with generated alias bombs and nesting', (name) => {
  const doc = YAML_LOCKS[name]!;

  it('refuses every bomb that expands past the bound, and never expands one into packages', () => {
    fc.assert(
      fc.property(yamlAliasBomb(), (bomb) => {
        const text = doc(bomb.defs, bomb.top);
        const r = outcome(name, text);
        // Far past the bound (ten times what plain data may grow by): a ParseError, named as a bomb.
        if (bomb.expanded > 10 * PLAIN_LIMITS.maxExpansion) {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.message).toMatch(/alias|bomb/);
        }
        if (r.ok) expect(r.packages).toBeLessThanOrEqual(lines(text));
      }),
      fuzzParams(`${name} alias bombs`, 150),
    );
  });

  it('reads or refuses deep flow and block nesting anywhere, without a RangeError', () => {
    // yaml's lexer reads deep flow nesting in linear time before the depth limit refuses it
    // (about 3 s for 10,000 levels on a loaded machine): 20,000 levels keep the test short.
    const nesting = fc.record({
      depth: nestingDepth(20_000),
      shape: fc.constantFrom<'array' | 'object' | 'mixed' | 'block'>('array', 'object', 'mixed', 'block'),
    });
    fc.assert(
      fc.property(nesting, ({ depth, shape }) => {
        // A block sequence nests one level per `- ` on one line: hostile depth in linear text.
        const value =
          shape === 'block' ? `\n      ${'- '.repeat(depth)}x` : nestedValue(depth, 'yaml', shape);
        const r = outcome(name, doc('', value));
        if (r.ok) expect(r.packages).toBeLessThanOrEqual(3);
      }),
      fuzzParams(`${name} nesting`, 25),
    );
  });
});

const JSON_LOCKS: Record<string, (value: string) => string> = {
  'package-lock.json': (v) =>
    `{"lockfileVersion":3,"x":${v},"packages":{"":{"name":"app","dependencies":${v}},"node_modules/foo":{"version":"1.0.0","dependencies":${v}}}}`,
  'composer.lock': (v) =>
    `{"x":${v},"packages":[{"name":"a/b","version":"1.0.0","require":${v}}],"packages-dev":[]}`,
  'Pipfile.lock': (v) => `{"_meta":${v},"default":{"foo":{"version":"==1.0.0","markers":${v}}},"develop":{}}`,
  'packages.lock.json': (v) =>
    `{"version":1,"dependencies":{"net8.0":{"Foo":{"type":"Direct","resolved":"1.0.0","dependencies":${v}}}}}`,
  'bun.lock': (v) => `{"lockfileVersion":1,"workspaces":{"":${v}},"packages":{"foo":["foo@1.0.0",${v},],},}`,
  'package.json': (v) => `{"name":"app","version":"1.0.0","dependencies":${v},"x":${v}}`,
};

const TOML_LOCKS: Record<string, (value: string) => string> = {
  'Cargo.lock': (v) =>
    `version = 3\nx = ${v}\n\n[[package]]\nname = "foo"\nversion = "1.0.0"\ndependencies = ${v}\n`,
  'poetry.lock': (v) =>
    `[[package]]\nname = "foo"\nversion = "1.0.0"\nextras = ${v}\n\n[metadata]\nx = ${v}\n`,
  'uv.lock': (v) => `version = 1\n\n[[package]]\nname = "foo"\nversion = "1.0.0"\nsource = ${v}\n`,
  'pdm.lock': (v) => `[metadata]\nx = ${v}\n\n[[package]]\nname = "foo"\nversion = "1.0.0"\nx = ${v}\n`,
};

const shapes = fc.constantFrom<'array' | 'object' | 'mixed'>('array', 'object', 'mixed');

describe.each(Object.keys(JSON_LOCKS))('%s with generated deep nesting', (name) => {
  it('reads or refuses it as a ParseError, never a RangeError', () => {
    fc.assert(
      fc.property(nestingDepth(), shapes, (depth, shape) => {
        const r = outcome(name, JSON_LOCKS[name]!(nestedValue(depth, 'json', shape)));
        if (r.ok) expect(r.packages).toBeLessThanOrEqual(2);
      }),
      fuzzParams(`${name} nesting`, 30),
    );
  });
});

describe.each(Object.keys(TOML_LOCKS))('%s with generated deep nesting', (name) => {
  it('reads or refuses nested values, dotted keys and table headers as a ParseError', () => {
    const place = fc.constantFrom('value', 'dotted', 'header');
    fc.assert(
      fc.property(nestingDepth(), shapes, place, (depth, shape, where) => {
        const path = Array<string>(depth).fill('a').join('.');
        const text =
          where === 'value'
            ? TOML_LOCKS[name]!(nestedValue(depth, 'toml', shape))
            : where === 'dotted'
              ? `${TOML_LOCKS[name]!('1')}${path} = 1\n`
              : `${TOML_LOCKS[name]!('1')}[${path}]\nb = 1\n`;
        const r = outcome(name, text);
        if (r.ok) expect(r.packages).toBeLessThanOrEqual(1);
      }),
      fuzzParams(`${name} nesting`, 30),
    );
  });
});
