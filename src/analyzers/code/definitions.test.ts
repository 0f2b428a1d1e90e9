import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';

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
    const cpu = (n: number): number => {
      const t = process.cpuUsage();
      const r = analyzeText(uses(n), JS, rules, only);
      expect(r.matches).toHaveLength(n);
      const d = process.cpuUsage(t);
      return d.user + d.system;
    };
    cpu(50);
    const small = cpu(400);
    const big = cpu(3200);
    // Eight times the uses: about eight times the time when linear, 64 when quadratic.
    expect(big / small).toBeLessThan(24);
  }, 120_000);
});
