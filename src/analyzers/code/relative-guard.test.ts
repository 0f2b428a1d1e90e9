import { describe, expect, it } from 'vitest';
import { ruleLines } from '../../../test/helpers/rule-lines.js';
import { relativeTargetNames } from './relative-guard.js';

const head = [
  "const app = require('express')();",
  "const fs = require('fs');",
  "const path = require('path');",
  "const root = path.resolve(__dirname, 'static');",
];
const lines = (body: string[]): number[] =>
  ruleLines('code/js-path-traversal', [...head, "app.get('/f/*', (req, res) => {", ...body, '});']);

describe('a path.relative containment check', () => {
  it('covers a resolved file when the climb and the absolute path are both refused', () => {
    const checks = [
      "if (rel.startsWith('..') || path.isAbsolute(rel)) return res.sendStatus(404);",
      "if (rel.includes('..') || path.isAbsolute(rel)) return res.sendStatus(404);",
      "if (path.isAbsolute(rel) || rel.startsWith('..')) return res.sendStatus(404);",
    ];
    for (const c of checks)
      expect(
        lines([
          '  const file = path.resolve(root, req.params[0]);',
          '  const rel = path.relative(root, file);',
          `  ${c}`,
          '  res.sendFile(file);',
        ]),
        c,
      ).toEqual([]);
  });

  it('leaves a check without the absolute refusal (another drive on Windows) and an unresolved file', () => {
    expect(
      lines([
        '  const file = path.resolve(root, req.params[0]);',
        "  if (path.relative(root, file).includes('..')) return res.sendStatus(404);",
        '  res.sendFile(file);',
      ]),
    ).toEqual([8]);
    expect(
      lines([
        '  const name = req.query.name;',
        '  const rel = path.relative(root, name);',
        "  if (rel.startsWith('..') || path.isAbsolute(rel)) return res.sendStatus(404);",
        '  res.send(fs.readFileSync(path.join(root, name)));',
      ]),
    ).toEqual([9]);
  });

  it('is no guard on a raw name that only starts with `..`', () => {
    expect(
      lines([
        '  const name = req.query.name;',
        "  if (name.startsWith('..') || path.isAbsolute(name)) return res.sendStatus(404);",
        '  res.send(fs.readFileSync(path.join(root, name)));',
      ]),
    ).toEqual([8]);
  });
});

describe('relativeTargetNames', () => {
  it('reads the file argument of a relative call, written in the check or bound to its name', () => {
    expect(relativeTargetNames('path.relative(root, file)', '')).toEqual(['file']);
    expect(relativeTargetNames('(0, path_1.relative)(a.dir, path.resolve(p))', '')).toEqual(['p']);
    expect(relativeTargetNames('rel', 'const rel = path.relative(base, target);')).toEqual(['target']);
    expect(relativeTargetNames('rel', 'const rel = other(base, target);')).toEqual([]);
  });
});

describe('relativeTargetNames', () => {
  // The binding's pattern over the whole text, as it was read before the text was cut to its `relative` parts.
  const targets = (s: string): string[] =>
    [
      ...s.matchAll(
        /\brelative\s*\)?\s*\([^(),]*(?:\([^()]*\)[^(),]*)*,\s*(?:[\w$.]*resolve\s*\)?\s*\(\s*)?([\w$]+)/g,
      ),
    ].map((m) => m[1] as string);
  const whole = (x: string, text: string): string[] =>
    [
      ...text.matchAll(
        new RegExp(`\\b${x.replace(/\$/g, '\\$')}\\s*=\\s*([^;\\n]*\\brelative\\b[^;\\n]*)`, 'g'),
      ),
    ].flatMap((m) => targets(m[1] as string));

  it('finds in the parts of a text what the pattern finds in the whole of it', () => {
    const pieces = [
      'a',
      'b',
      '$',
      ' ',
      '\n',
      ';',
      '=',
      '==',
      'relative',
      'path.relative(r, f)',
      ',',
      '(',
      ')',
      'resolve(',
      '\t',
    ];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let j = 1 + next(12); j > 0; j--) text += pieces[next(pieces.length)];
      for (const x of ['a', 'b', 'a$b', 'f'])
        expect(relativeTargetNames(x, text), JSON.stringify(text)).toEqual(whole(x, text));
    }
    expect(relativeTargetNames('rel', 'const rel =\n  path.relative(root, file);\nuse(rel)')).toEqual([
      'file',
    ]);
    expect(relativeTargetNames('rel', 'let rel\n= relative(root, path.resolve(p));')).toEqual(['p']);
  });
});
