import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';
import { cpuGrowth } from '../../../test/helpers/scaling.js';

const JS = languageOf('js')!;

describe('sink matches', () => {
  it('tell a call of a function the module declares from the sink of that name in linear time', () => {
    // A function named `exec` declared anywhere makes every `exec(…)` ask whether a block around it declares
    // that name: the blocks around one call are those around the next (2,000 calls took 12 CPU-s).
    const calls = (n: number): string =>
      [
        "const { exec } = require('child_process');",
        "const app = require('express')();",
        'function other() { function exec() {} return exec; }',
        "app.get('/', (req, res) => {",
        ...Array.from({ length: n }, (_, i) => `  exec('ls ' + req.query.a${i});`),
        '});',
        '',
      ].join('\n');
    const only = new Set(['code/js-command-injection']);
    const rules = rulesFor();
    // Eight times the input: about eight times the time when linear, 64 when quadratic.
    expect(
      cpuGrowth((n) => expect(analyzeText(calls(n), JS, rules, only).matches).toHaveLength(n), 300, 2400),
    ).toBeLessThan(24);
  }, 120_000);

  it("reads a file's calls of its own checksum helper in linear time", () => {
    // js-weak-hash reports a call of the file's own `md5sum` helper; an alternative that took every call
    // (`$H($$$)`) and searched the whole file for the helper's declaration made a bundle quadratic (vite's
    // 1.4 MB node.js: 5 s to a stopped worker).
    const calls = (n: number): string =>
      [
        "const crypto = require('crypto');",
        "function md5sum(d) { return crypto.createHash('md5').update(d).digest('hex'); }",
        ...Array.from({ length: n }, (_, i) => `f${i}(a${i}, b${i});`),
        'const signature = md5sum(body);',
      ].join('\n');
    const only = new Set(['code/js-weak-hash']);
    const rules = rulesFor();
    expect(
      cpuGrowth((n) => expect(analyzeText(calls(n), JS, rules, only).matches).toHaveLength(1), 500, 4000),
    ).toBeLessThan(24);
  }, 120_000);

  it("tells a nested helper's caller that hands it a subscript-bound name in linear time", () => {
    // js-prototype-key-write keeps a one-level write in a nested helper when a call hands it a name bound to a
    // subscript (`const g = store[req.params.g]; apply(g, req.body)`). Searched from each binding over its
    // whole block, a handler of 3,000 such bindings took 30 CPU-s.
    const bindings = (n: number): string =>
      [
        'module.exports = (store) => {',
        '  function apply(target, values) {',
        '    for (const k in values) target[k] = values[k];',
        '  }',
        '  return (req, res) => {',
        ...Array.from({ length: n }, (_, i) => `    const g${i} = store[req.params.g${i}];`),
        `    apply(g${n - 1}, req.body);`,
        '    res.end();',
        '  };',
        '};',
        '',
      ].join('\n');
    const only = new Set(['code/js-prototype-key-write']);
    // The rule runs in the opt-in audit profile.
    const rules = rulesFor([], 'audit');
    expect(
      cpuGrowth((n) => expect(analyzeText(bindings(n), JS, rules, only).matches).toHaveLength(1), 300, 2400),
    ).toBeLessThan(24);
  }, 120_000);
});
