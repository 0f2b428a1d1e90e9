import { describe, expect, it } from 'vitest';
import type { SgNode } from '@ast-grep/napi';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';
import { singleModule } from './project.js';
import { TaintPrecheck } from './taint-precheck.js';

const JS = languageOf('js')!;

const TEXT = `const { exec } = require('child_process');
const express = require('express');
const app = express();
app.get('/a', (req, res) => {
  const name = req.query.name;
  exec('git log ' + name);
  exec('ls -la');
  exec('wc -c ' + parseInt(req.query.n, 10));
  exec('grep ' + shellQuote(req.query.q));
  res.end();
});
`;

/** The first argument of each `exec(…)` call, in order. */
function execArgs(root: SgNode): SgNode[] {
  return root
    .findAll({ rule: { pattern: 'exec($A)' } })
    .map((c) => c.getMatch('A'))
    .filter((a): a is SgNode => a !== null);
}

function precheckOf(text: string): { pre: TaintPrecheck; root: SgNode; spent: () => number } {
  const fam = rulesFor().family('javascript');
  const view = singleModule('a.js', text, JS);
  const sources = [...fam.sources.values()];
  const pre = new TaintPrecheck(view, sources, fam.sanitizers);
  return { pre, root: view.entry.root, spent: () => view.account.file.spent };
}

describe('TaintPrecheck', () => {
  it('answers no only where nothing but the family sanitizers could stop the data', () => {
    const { pre, root } = precheckOf(TEXT);
    const [named, fixed, parsed, quoted] = execArgs(root);
    expect(pre.mayCarry(named!)).toBe(true);
    expect(pre.mayCarry(fixed!)).toBe(false);
    // parseInt is a sanitizer of every rule.
    expect(pre.mayCarry(parsed!)).toBe(false);
    // An unknown call ends a path for every rule; a rule's own sanitizer is the rule's to apply.
    expect(pre.mayCarry(quoted!)).toBe(false);
  });

  it('runs on steps of its own: the rules are charged as if it had not asked', () => {
    const { pre, root, spent } = precheckOf(TEXT);
    for (const a of execArgs(root)) pre.mayCarry(a);
    expect(spent()).toBe(0);
  });

  it('leaves the findings of every rule as they were', () => {
    const text = `${TEXT}const fs = require('fs');
app.get('/b', (req, res) => {
  const p = req.params.file;
  if (!/^[a-z]+$/.test(p)) return res.end();
  fs.readFile('/srv/' + p, () => {});
  fs.readFile('/srv/' + req.query.f, () => {});
  eval(req.body.code);
});
`;
    const found = analyzeText(text, JS, rulesFor(), undefined, singleModule('a.js', text, JS)).matches;
    // What main gave before the check: the guarded read and the sanitised commands stay unreported.
    expect(found.map((m) => `${m.rule.id}:${m.line}`).sort()).toEqual([
      'code/js-code-injection-audit:18',
      'code/js-code-injection:18',
      'code/js-command-injection-audit:6',
      'code/js-command-injection-audit:9',
      'code/js-command-injection:6',
      'code/js-path-traversal:17',
    ]);
  });
});
