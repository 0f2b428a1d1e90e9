import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { CycleMemo, frameFor } from './summary-cycles.js';
import type { Frame } from './summary-cycles.js';

const under = (...keys: string[]): Frame[] => keys.map(frameFor);

describe('CycleMemo', () => {
  const memo = new CycleMemo();
  // `v` asked for a, b and c while `a` was under way (met as recursion); x was under way but not asked for.
  const frame = frameFor('v');
  for (const k of ['a', 'b', 'c']) frame.reach.add(k);
  memo.record('v', under('x', 'a'), frame, 'value', 7);

  it('reuses an entry when the same ones it asks for are under way', () => {
    expect(memo.lookup('v', under('a'))?.value).toBe('value');
    expect(memo.lookup('v', under('y', 'a', 'z'))?.own).toBe(7);
  });

  it('computes again when one it asks for is under way now and was not then, or no longer is', () => {
    expect(memo.lookup('v', under('a', 'b'))).toBeUndefined();
    expect(memo.lookup('v', under('x'))).toBeUndefined();
    expect(memo.lookup('v', [])).toBeUndefined();
    expect(memo.lookup('w', under('a'))).toBeUndefined();
  });
});

/** Analyzes one file of an in-memory project the way a scan does (the other files are readable). */
async function scan(files: Record<string, string>, entry: string): Promise<string[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-cycles-${Object.keys(files).join('-')}`);
  const found = await codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
  return found.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`).sort();
}

// A module whose functions call each other in a ring (check -> checkLater -> check), as a validator that
// runs again once an asynchronous step settled: its summaries meet recursion and are not kept on the module.
const RING = `const cp = require('child_process');

function check(input, opts) {
  if (opts.later) return checkLater(input, opts);
  cp.exec('run ' + input);
  return input;
}

function checkLater(input, opts) {
  return Promise.resolve(input).then(() => check(input, { later: false }));
}

function checkAgain(input, opts) {
  return checkLater(check(input, opts), opts);
}

module.exports = { check, checkLater, checkAgain };
`;

describe('recursive summaries reused within a file', () => {
  it('finds the sink through the ring at every call, whichever function of the ring is called first', async () => {
    const route = (calls: string): string => `const express = require('express');
const { check, checkLater, checkAgain } = require('./ring');
const app = express();
app.get('/a', (req, res) => {
${calls}
  res.send('ok');
});
`;
    const first = await scan(
      {
        'app.js': route(
          '  check(req.query.a, {});\n  checkLater(req.query.b, {});\n  checkAgain(req.query.c, {});',
        ),
        'ring.js': RING,
      },
      'app.js',
    );
    const second = await scan(
      {
        'app.js': route(
          '  checkAgain(req.query.c, {});\n  checkLater(req.query.b, {});\n  check(req.query.a, {});',
        ),
        'ring.js': RING,
      },
      'app.js',
    );
    const inj = (xs: string[]): string[] => xs.filter((x) => x.startsWith('code/js-command-injection'));
    expect(inj(first)).toEqual(['code/js-command-injection ring.js:5']);
    expect(inj(second)).toEqual(inj(first));
  });
});
