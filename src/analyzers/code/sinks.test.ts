import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';

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
    const cpu = (n: number): number => {
      const t = process.cpuUsage();
      expect(analyzeText(calls(n), JS, rules, only).matches).toHaveLength(n);
      const d = process.cpuUsage(t);
      return d.user + d.system;
    };
    cpu(50);
    const small = cpu(300);
    const big = cpu(2400);
    expect(big / small).toBeLessThan(24);
  }, 120_000);
});
