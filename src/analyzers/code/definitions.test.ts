import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';
import { cpuGrowth } from '../../../test/helpers/scaling.js';

const JS = languageOf('js')!;

describe('definition lookups', () => {
  it('find the definitions of a name used thousands of times in one function in linear time', () => {
    // Each `req` asks where `req` is defined; the answer must not walk every other `req` of the handler
    // again (2,000 uses took 16 CPU-s, and a worker was stopped at 5,000, every finding lost).
    const uses = (n: number): string =>
      [
        "const { exec } = require('child_process');",
        "const app = require('express')();",
        "app.get('/', (req, res) => {",
        ...Array.from({ length: n }, (_, i) => `  exec('ls ' + req.query.a${i});`),
        '});',
        '',
      ].join('\n');
    const only = new Set(['code/js-command-injection']);
    const rules = rulesFor();
    // Eight times the input: about eight times the time when linear, 64 when quadratic.
    expect(
      cpuGrowth((n) => expect(analyzeText(uses(n), JS, rules, only).matches).toHaveLength(n), 400, 3200),
    ).toBeLessThan(24);
  }, 120_000);
});
