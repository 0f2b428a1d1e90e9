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
});
