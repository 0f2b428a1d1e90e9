import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';

const rules = rulesFor();

function ids(code: string, ext: string, rule: string): number[] {
  const lang = languageOf(ext)!;
  return analyzeText(code, lang, rules, new Set([rule])).matches.map((m) => m.line);
}

const jsXss = (expr: string): string =>
  `app.get('/x', (req, res) => {\n  const q = req.query.q;\n  res.send('<p>' + ${expr} + '</p>');\n});\n`;
const pySql = (expr: string): string =>
  `import re\nfrom flask import request\n\n\ndef view():\n    q = request.args.get('q')\n    cursor.execute("SELECT * FROM t WHERE n = '" + ${expr} + "'")\n`;

describe('a replacement is a sanitizer only when it provably removes the sink class metacharacters', () => {
  it.each([
    ['an allowlist removal', `q.replace(/[^a-zA-Z0-9 ]/g, '')`],
    ['a removal of every HTML metacharacter', `q.replace(/[<>"']/g, '')`],
    ['a non-word removal', `q.replace(/\\W+/g, '')`],
    [
      'an escaping chain',
      `q.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')`,
    ],
  ])('JavaScript XSS: %s cleans', (_name, expr) => {
    expect(ids(jsXss(expr), 'js', 'code/js-xss-response')).toEqual([]);
  });

  it.each([
    ['a removal of < only', `q.replace(/</g, '')`],
    ['a first-occurrence replace', `q.replace(/[<>"']/, '')`],
    ['a string pattern', `q.replace('<', '')`],
    ['a replacement that reinserts the match', `q.replace(/[<>"']/g, '$&')`],
    ['an escaping chain that forgets quotes', `q.replace(/</g, '&lt;').replace(/>/g, '&gt;')`],
    ['a truncation', `q.slice(0, 20)`],
    ['a truncation utility', `_.truncate(q, { length: 20 })`],
  ])('JavaScript XSS: %s does not clean', (_name, expr) => {
    expect(ids(jsXss(expr), 'js', 'code/js-xss-response')).toEqual([3]);
  });

  it.each([
    ['re.sub of every non-word character', `re.sub(r'[^\\w]', '', q)`],
    ['re.sub of a negated allowlist', `re.sub('[^a-z0-9]+', '', q)`],
  ])('Python SQL: %s cleans', (_name, expr) => {
    expect(ids(pySql(expr), 'py', 'code/py-sql-injection')).toEqual([]);
  });

  it.each([
    ['re.sub of quotes only (spaces, dashes and parentheses survive)', `re.sub(r"['\\"]", '', q)`],
    ['re.sub with a count', `re.sub(r'[^\\w]', '', q, count=1)`],
    ['re.sub of a word', `re.sub(r'select', '', q)`],
    ['a slice', `q[:20]`],
  ])('Python SQL: %s does not clean', (_name, expr) => {
    expect(ids(pySql(expr), 'py', 'code/py-sql-injection')).toEqual([7]);
  });
});

describe('a path name with both separators removed is one name in its folder', () => {
  const jsPath = (decl: string, expr: string): string =>
    `${decl}\napp.get('/x', (req, res) => {\n  const name = req.query.name;\n  fs.readFile(path.join(DIR, ${expr}), () => res.end());\n});\n`;
  const line = (decl: string): number => decl.split('\n').length + 3;

  it.each([
    ['a class with both separators', '', `name.replace(/[\\\\/]/g, '')`],
    ['a regex bound once to a name', `const BAD = /[<>:"\\\\/|?*]+/g;`, `name.replace(BAD, '')`],
    [
      'a class written with code escapes',
      `const BAD = /[\\u001e\\u200e'<>:"\\\\/|?*]+/g;`,
      `name.replace(BAD, '_')`,
    ],
  ])('%s cleans', (_name, decl, expr) => {
    expect(ids(jsPath(decl, expr), 'js', 'code/js-path-traversal')).toEqual([]);
  });

  it.each([
    ['a removal of / only (Windows takes \\ too)', '', `name.replace(/\\//g, '')`],
    ['a regex name assigned again', `let BAD = /[\\\\/]/g;\nBAD = /x/g;`, `name.replace(BAD, '')`],
    ['a regex without g (first separator only)', `const BAD = /[\\\\/]/;`, `name.replace(BAD, '')`],
    [
      'a regex name declared again with other text',
      `const BAD = /[\\\\/]/g;\nfunction f() {\n  const BAD = '/';\n}`,
      `name.replace(BAD, '')`,
    ],
    ['a range to a code escape (not read)', `const BAD = /[^ -\\u007e]/g;`, `name.replace(BAD, '')`],
    ['a replacement that puts a separator back', '', `name.replace(/[\\\\/]/g, '/')`],
  ])('%s does not clean', (_name, decl, expr) => {
    expect(ids(jsPath(decl, expr), 'js', 'code/js-path-traversal')).toEqual([line(decl)]);
  });
  // What boundRegex learns of a file's names is kept for the file: asked again, the answers are the same.
  it('answers each use of the same names alike', () => {
    const code = [
      `const BAD = /[\\\\/]/g;`,
      `const ONE = /\\//g;`,
      `app.get('/x', (req, res) => {`,
      `  const { a, b, c, d, e } = req.query;`,
      `  fs.readFile(path.join(DIR, a.replace(BAD, '')), () => res.end());`,
      `  fs.readFile(path.join(DIR, b.replace(ONE, '')), () => res.end());`,
      `  fs.readFile(path.join(DIR, c.replace(BAD, '')), () => res.end());`,
      `  fs.readFile(path.join(DIR, d.replace(ONE, '')), () => res.end());`,
      `  fs.readFile(path.join(DIR, e.replace(NONE, '')), () => res.end());`,
      `});`,
    ].join('\n');
    expect(ids(code, 'js', 'code/js-path-traversal')).toEqual([6, 8, 9]);
  });
});
