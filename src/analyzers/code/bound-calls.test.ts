import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';

const JS = languageOf('js')!;
const CMD = new Set(['code/js-command-injection']);

/** The lines js-command-injection reports in `lines` (1-based). */
function commandLines(lines: string[]): number[] {
  return analyzeText(lines.join('\n'), JS, rulesFor(), CMD)
    .matches.map((m) => m.line)
    .sort((a, b) => a - b);
}

const head = ["const cp = require('child_process');", "const app = require('express')();"];

describe('functions handed around as values', () => {
  it('fill a parameter with what a bind fixes', () => {
    const lines = [
      ...head,
      'function run(cmd) { cp.exec(cmd); }',
      "app.get('/a', (req, res) => { setImmediate(run.bind(null, req.query.c)); res.end(); });",
    ];
    expect(commandLines(lines)).toEqual([3]);
  });

  it('fill the parameters after the bound ones from calls of the bound function kept in a name', () => {
    const lines = [
      ...head,
      'function run(prefix, cmd) { cp.exec(prefix + cmd); }',
      "app.get('/b', (req, res) => { const go = run.bind(null, 'nice '); go(req.query.c); res.end(); });",
      "app.get('/c', (req, res) => { const go = run.bind(null, req.query.p); go('ls'); res.end(); });",
    ];
    expect(commandLines(lines)).toEqual([3]);
    // Only the constant reaches the parameter after the bound one.
    expect(
      commandLines([
        ...head,
        lines[2]!,
        "app.get('/d', (req, res) => { const go = run.bind(null, 'x'); go('ls'); res.end(); });",
      ]),
    ).toEqual([]);
  });

  it('reach a function through the parameter of the function it is handed to', () => {
    const viaParam = [
      ...head,
      'function execute(cmd) { cp.exec(cmd); }',
      'function dispatch(fn, value) { fn(value); }',
      "app.get('/e', (req, res) => { dispatch(execute, req.query.c); res.end(); });",
    ];
    expect(commandLines(viaParam)).toEqual([3]);
    const fixed = [...viaParam.slice(0, 3), "function dispatch(fn, value) { fn('uptime'); }", viaParam[4]!];
    expect(commandLines(fixed)).toEqual([]);
  });
});
