import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';

// The built-in command-injection rule: what reaches `cp.execSync(…)` from request data.
const rules = rulesFor();
const only = new Set(['code/js-command-injection']);

function lines(body: string): number[] {
  const text = [
    "const cp = require('child_process');",
    "const app = require('express')();",
    "app.get('/a', (req, res) => {",
    body,
    '});',
  ].join('\n');
  return analyzeText(text, languageOf('js')!, rules, only).matches.map((m) => m.line);
}

describe("a promise chain's step gives the next step what it returns", () => {
  it('follows request data a step returns from its closure into the next step', () => {
    expect(lines('load().then(() => req.query.a).then((v) => cp.execSync(v));')).toEqual([4]);
    expect(lines('load().then(function () { return req.query.a; }).then((v) => cp.execSync(v));')).toEqual([
      4,
    ]);
    expect(lines('load().catch(() => req.query.a).then((v) => cp.execSync(v));')).toEqual([4]);
    expect(lines('(load().then(() => req.query.a)).then((v) => cp.execSync(v));')).toEqual([4]);
  });

  it('follows the first promise through a step that returns its value', () => {
    expect(lines('Promise.resolve(req.query.a).then((x) => x.trim()).then((v) => cp.execSync(v));')).toEqual([
      4,
    ]);
  });

  it('adds nothing when neither the step nor the first promise carries request data', () => {
    expect(lines("load().then(() => 'ls').then((v) => cp.execSync(v));")).toEqual([]);
    expect(lines('load().then(() => req.query.a).catch((e) => cp.execSync(String(e)));')).toEqual([]);
  });

  it('keeps what the first promise resolves with when the step gives nothing (as before)', () => {
    expect(lines('Promise.resolve(req.query.a).then(log).then((v) => cp.execSync(v));')).toEqual([4]);
  });
});
