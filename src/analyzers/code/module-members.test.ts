import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { ModuleMembers } from './module-members.js';

const FS = ['fs', 'fs-extra'];
const FUNCTIONS = ['readFile', 'writeFile', 'unlink'];

/** Whether each call `NAME(...)` of the text whose callee is written `callee` resolves to fs. */
function resolves(code: string, callee: string): boolean {
  const root = parse(Lang.JavaScript, code).root();
  const call = root
    .findAll({ rule: { kind: 'call_expression' } })
    .find((c) => c.field('function')?.text() === callee);
  if (!call) throw new Error(`no call of ${callee}`);
  return new ModuleMembers(root).calls(call.field('function')!, FS, FUNCTIONS);
}

describe('ModuleMembers', () => {
  it('follows require, node: specifiers, promises and destructuring', () => {
    expect(resolves(`const fs = require('fs'); fs.readFile(p)`, 'fs.readFile')).toBe(true);
    expect(resolves(`const x = require('node:fs'); x.writeFile(p)`, 'x.writeFile')).toBe(true);
    expect(resolves(`const one = require('fs').readFile; one(p)`, 'one')).toBe(true);
    expect(resolves(`const p = require('fs/promises'); p.unlink(a)`, 'p.unlink')).toBe(true);
    expect(resolves(`const p = require('fs').promises; p.readFile(a)`, 'p.readFile')).toBe(true);
    expect(resolves(`const fs = require('fs'); fs.promises.readFile(a)`, 'fs.promises.readFile')).toBe(true);
    expect(resolves(`const { readFile: rf } = require('fs'); rf(a)`, 'rf')).toBe(true);
    expect(
      resolves(
        `const fs = require('fs'); function f() { const { unlink } = fs.promises; unlink(a); }`,
        'unlink',
      ),
    ).toBe(true);
    expect(resolves(`require('fs-extra').readFile(a)`, "require('fs-extra').readFile")).toBe(true);
  });

  it('follows imports: default, namespace, named and renamed', () => {
    expect(resolves(`import fs from 'fs'; fs.readFile(a)`, 'fs.readFile')).toBe(true);
    expect(resolves(`import * as f from 'node:fs'; f.readFile(a)`, 'f.readFile')).toBe(true);
    expect(resolves(`import { readFile as r } from 'fs/promises'; r(a)`, 'r')).toBe(true);
    expect(resolves(`import { promises as fsp } from 'fs'; fsp.writeFile(a)`, 'fsp.writeFile')).toBe(true);
  });

  it('resolves nothing for other modules, other functions, unknown or ambiguous names', () => {
    expect(resolves(`const c = require('cache'); c.readFile(a)`, 'c.readFile')).toBe(false);
    expect(resolves(`const fs = require('fs'); fs.stat(a)`, 'fs.stat')).toBe(false);
    expect(resolves(`readFile(a)`, 'readFile')).toBe(false);
    expect(resolves(`const fs = require('./fs'); fs.readFile(a)`, 'fs.readFile')).toBe(false);
    expect(
      resolves(`var a = require('fs').readFile, readFile = require('foo').readFile; readFile(c)`, 'readFile'),
    ).toBe(false);
    // Bound to fs in one place and to something else in another: no guess.
    expect(resolves(`function f() { const r = require('fs').readFile; } const r = load(); r(a)`, 'r')).toBe(
      false,
    );
  });

  it('reads a property chain deeper than the stack without overflowing it (a hostile or generated file)', () => {
    const chain = `a${'\n.b'.repeat(20_000)}`;
    const code = `const fs = require('fs'); const q = ${chain}; ${chain}.readFile(q); fs.readFile(q)`;
    expect(resolves(code, 'fs.readFile')).toBe(true);
    expect(resolves(code, `${chain}.readFile`)).toBe(false);
  });
});
