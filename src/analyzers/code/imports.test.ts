import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { jsImports, mayImportLocally, pyImports } from './imports.js';
import { ensurePython, languageOf } from './languages.js';

const ROOT = join(import.meta.dirname, '../../..');
const DIRS = ['test/fixtures/code-labelled', 'rules/code/tests', 'test/fixtures'].map((d) => join(ROOT, d));

/** Real code of the repository's fixtures, with every file of the tree as a module that exists. */
function modules(): { path: string; text: string; ext: string }[] {
  const out = new Map<string, { path: string; text: string; ext: string }>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const ext = e.name.slice(e.name.lastIndexOf('.') + 1);
        if (languageOf(ext)) out.set(p, { path: relative(ROOT, p), text: readFileSync(p, 'utf8'), ext });
      }
    }
  };
  for (const d of DIRS) walk(d);
  // A small tree whose modules import one another, in each way the readers know.
  const own: [string, string][] = [
    [
      'app/routes.js',
      "const db = require('./db');\nconst { find } = require('../lib/find.js');\ndb.q(find());",
    ],
    ['app/db.js', "import pg from 'pg';\nexport const q = (s) => pg.query(s);"],
    ['lib/find.js', 'module.exports.find = () => 1;'],
    ['app/main.ts', "import * as db from './db';\nimport x = require('../lib/find');\ndb.q(x.find());"],
    ['pkg/views.py', 'from .models import Article\nimport pkg.models as m\nArticle.objects.raw(m.Q)'],
    ['pkg/models.py', 'Q = "select 1"\nclass Article: pass'],
  ];
  for (const [path, text] of own) out.set(path, { path, text, ext: path.slice(path.lastIndexOf('.') + 1) });
  return [...out.values()];
}

describe('imports', () => {
  const all = modules();
  const paths = new Set(all.map((m) => m.path));
  const exists = (p: string): boolean => paths.has(p);

  it('finds no import in a module whose text cannot hold one, and the same with or without the text', () => {
    ensurePython();
    let skipped = 0;
    let resolved = 0;
    for (const m of all) {
      const lang = languageOf(m.ext);
      if (!lang) continue;
      const python = lang.family === 'python';
      const root = parse(lang.lang, m.text).root();
      const ts = lang.family === 'typescript';
      const found = python ? pyImports(root, m.path, exists) : jsImports(root, m.path, exists, ts);
      const size = found.names.size + found.wildcards.length;
      if (!mayImportLocally(m.text, python)) {
        skipped++;
        expect(size, m.path).toBe(0);
      }
      resolved += size;
      if (!python) {
        const withText = jsImports(root, m.path, exists, ts, m.text);
        expect([...withText.names], m.path).toEqual([...found.names]);
      }
    }
    expect(skipped).toBeGreaterThan(50);
    expect(resolved).toBeGreaterThanOrEqual(6);
  });

  it('reads ES imports, then `import = require`, then require declarators, whatever their order in the file', () => {
    const text = [
      "const a = require('./z');",
      "import b = require('./y');",
      "const c = require('./z').c;",
      "import a from './x';",
      "import { b, c } from './x';",
      "import c = require('./y');",
    ].join('\n');
    const found = new Set(['x.ts', 'y.ts', 'z.ts']);
    const root = parse(languageOf('ts')!.lang, text).root();
    const names = jsImports(root, 'm.ts', (p) => found.has(p), true, text).names;
    expect(Object.fromEntries(names)).toEqual({
      a: { module: 'z.ts', name: null },
      b: { module: 'y.ts', name: null },
      c: { module: 'z.ts', name: 'c' },
    });
  });

  it('reads only quoted relative paths as local imports in JavaScript, any import statement in Python', () => {
    expect(mayImportLocally("const db = require('./db')", false)).toBe(true);
    expect(mayImportLocally('import { q } from "../dao/user.js"', false)).toBe(true);
    expect(mayImportLocally("import express from 'express'; const x = `./a`", false)).toBe(false);
    expect(mayImportLocally('const p = path.join(__dirname, "x/./y")', false)).toBe(false);
    expect(mayImportLocally('from .models import User', true)).toBe(true);
    expect(mayImportLocally('x = 1  # nothing brought in', true)).toBe(false);
  });
});
