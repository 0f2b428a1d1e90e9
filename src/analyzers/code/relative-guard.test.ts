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
