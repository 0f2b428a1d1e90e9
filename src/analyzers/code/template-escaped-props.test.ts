import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { TEMPLATE_INDEX_FILES } from './template-index.js';

const LAYOUT = '<body{{ data.bodyDataAttributes | safe }}>\n<main>{{ data.html | safe }}</main>\n';

const ESCAPED = `const escapeHtml = require('escape-html');
function addAttribute(req, name, value) {
  const attr = \`\${escapeHtml(name)}='\${escapeHtml(value)}'\`;
  req.data.bodyDataAttributes = (req.data.bodyDataAttributes || '') + ' data-' + attr;
}
function reset(req) {
  req.data = { bodyDataAttributes: '', html: escapeHtml(req.query.html) };
}
module.exports = { addAttribute, reset };
`;

let n = 0;
/** The lines of the unescaped-output findings of views/layout.njk, with `files` beside it. */
async function lines(files: Record<string, string>): Promise<number[]> {
  const ctx = makeMemoryContext(
    { 'views/layout.njk': LAYOUT, ...files },
    { profile: 'audit' },
    `/virtual-escaped-props-${n++}`,
  );
  const found = await codeAnalyzer.analyze(makeSourceFile('views/layout.njk', LAYOUT), ctx);
  return found.filter((f) => f.ruleId === 'code/template-audit-unescaped').map((f) => f.location.startLine);
}

describe('an unescaped output of a property the code builds only from escaped or fixed parts', () => {
  it('is dropped; a generic name (html) is not looked up and stays', async () => {
    expect(await lines({ 'lib/attributes.js': ESCAPED })).toEqual([2]);
  });

  it('is dropped when the write is HTML-entity encoded by an entity library', async () => {
    const code = `${ESCAPED}function theme(req) { req.data.bodyDataAttributes += he.encode(req.query.t); }\n`;
    expect(await lines({ 'lib/attributes.js': code })).toEqual([2]);
  });

  it.each([
    ['no write of it in the code', ESCAPED.replaceAll('bodyDataAttributes', 'otherAttributes')],
    [
      'a write of a request value',
      `${ESCAPED}function theme(req) { req.data.bodyDataAttributes += req.query.t; }\n`,
    ],
    [
      'the name in a string',
      `${ESCAPED}function set(req, v) { _.set(req.data, 'bodyDataAttributes', v); }\n`,
    ],
    [
      'a shorthand property',
      `${ESCAPED}function set(req, bodyDataAttributes) { req.data = { bodyDataAttributes }; }\n`,
    ],
    ['a method called on it', `${ESCAPED}function add(req, v) { req.data.bodyDataAttributes.push(v); }\n`],
    [
      'a write of a character-set encoding',
      `${ESCAPED}function theme(req) { req.data.bodyDataAttributes += iconv.encode(req.query.t, 'latin1'); }\n`,
    ],
    [
      'a write of a bare encode call',
      `${ESCAPED}function theme(req) { req.data.bodyDataAttributes += encode(req.query.t); }\n`,
    ],
    ['a write of another operator', `${ESCAPED}function add(req, v) { req.data.bodyDataAttributes -= v; }\n`],
    [
      'a write by array destructuring',
      `${ESCAPED}function set(req) { [req.data.bodyDataAttributes] = [req.query.a]; }\n`,
    ],
    [
      'a write by object destructuring',
      `${ESCAPED}function set(req) { ({ a: req.data.bodyDataAttributes } = req.query); }\n`,
    ],
    [
      'a write by a default in destructuring',
      `${ESCAPED}function set(req) { [req.data.bodyDataAttributes = req.query.a] = []; }\n`,
    ],
    [
      'a write by a loop',
      `${ESCAPED}function set(req) { for (req.data.bodyDataAttributes of req.query.a); }\n`,
    ],
    [
      'a write in parentheses',
      `${ESCAPED}function set(req) { (req.data.bodyDataAttributes) = req.query.a; }\n`,
    ],
  ])('stays with %s', async (_name, code) => {
    expect(await lines({ 'lib/attributes.js': code })).toEqual([1, 2]);
  });

  it('stays when a Python file names the property in a string', async () => {
    const py = 'def attrs(request):\n    return {"bodyDataAttributes": request.args["a"]}\n';
    expect(await lines({ 'lib/attributes.js': ESCAPED, 'tools/attrs.py': py })).toEqual([1, 2]);
  });

  it('stays, with a warning, when a file of code cannot be read', async () => {
    const files = { 'views/layout.njk': LAYOUT, 'lib/attributes.js': ESCAPED, 'lib/other.js': '' };
    const base = makeMemoryContext(files, { profile: 'audit' }, `/virtual-escaped-props-${n++}`);
    const ctx = {
      ...base,
      readFile: (p: string) =>
        p === 'lib/other.js' ? Promise.reject(new Error('ENOENT: gone')) : base.readFile(p),
    };
    const found = await codeAnalyzer.analyze(makeSourceFile('views/layout.njk', LAYOUT), ctx);
    const unescaped = found.filter((f) => f.ruleId === 'code/template-audit-unescaped');
    expect(unescaped.map((f) => f.location.startLine)).toEqual([1, 2]);
    expect(base.warnings.join('\n')).toContain('lib/other.js could not be read');
  });

  it.each([
    ['more files than the index reads', { files: TEMPLATE_INDEX_FILES.files + 1, size: 0 }],
    ['more code than the index reads', { files: 1, size: TEMPLATE_INDEX_FILES.bytes + 1 }],
  ])('stays, with a warning, when the project holds %s', async (_name, many) => {
    const files: Record<string, string> = { 'views/layout.njk': LAYOUT, 'lib/attributes.js': ESCAPED };
    for (let i = 0; i < many.files; i++) files[`lib/gen/part-${i}.js`] = 'x'.repeat(many.size);
    const ctx = makeMemoryContext(files, { profile: 'audit' }, `/virtual-escaped-props-${n++}`);
    const found = await codeAnalyzer.analyze(makeSourceFile('views/layout.njk', LAYOUT), ctx);
    const unescaped = found.filter((f) => f.ruleId === 'code/template-audit-unescaped');
    expect(unescaped.map((f) => f.location.startLine)).toEqual([1, 2]);
    expect(ctx.warnings.join('\n')).toMatch(/views\/layout\.njk: template review incomplete: .* not read/);
  });

  it('counts comments and reads as neither writes nor unknown mentions', async () => {
    const more = `${ESCAPED}// bodyDataAttributes is built above.\nfunction has(req) { return !!req.data.bodyDataAttributes; }\nfunction get(req, [a = (req.data.bodyDataAttributes)] = []) { return a; }\n`;
    expect(await lines({ 'lib/attributes.js': more })).toEqual([2]);
  });
});

const ROW = '<tr{{ row.attr_string|safe }}>\n<td>{{ row.cell_html|safe }}</td></tr>\n';
const ELEMENT = `from django.forms.utils import flatatt
from django.utils.html import format_html


class Element:
    @property
    def attr_string(self):
        if not self.attrs:
            return ""
        return flatatt(self.attrs) if self.ok else format_html(' class="{}"', self.css)
`;

/** The lines of the unescaped-output findings of a Django template, with `files` beside it. */
async function rowLines(files: Record<string, string>): Promise<number[]> {
  const path = 'app/templates/app/row.html';
  const ctx = makeMemoryContext(
    { [path]: ROW, ...files },
    { profile: 'audit' },
    `/virtual-escaped-props-py-${n++}`,
  );
  const found = await codeAnalyzer.analyze(makeSourceFile(path, ROW), ctx);
  return found.filter((f) => f.ruleId === 'code/template-audit-unescaped').map((f) => f.location.startLine);
}

describe('an unescaped output of a Python property whose every return is escaped markup', () => {
  it('is dropped, read elsewhere or not; a short name (cell_html) is not looked up', async () => {
    const reader = 'def cells(row):\n    # attr_string is escaped\n    return [row.attr_string]\n';
    expect(await rowLines({ 'app/html.py': ELEMENT, 'app/tables.py': reader })).toEqual([2]);
  });

  it.each([
    ['a return of request data', ELEMENT.replace('return ""', 'return request.GET["a"]')],
    ['a formatted return', ELEMENT.replace('return ""', 'return " %s" % self.css')],
    ['an f-string return', ELEMENT.replace('return ""', 'return f" {self.css}"')],
    ['an assignment to it', `${ELEMENT}\n\ndef set(row, v):\n    row.attr_string = v\n`],
    ['a write by a list pattern', `${ELEMENT}\n\ndef set(row, v):\n    [row.attr_string] = [v]\n`],
    ['a loop over values', `${ELEMENT}\n\ndef set(row, vs):\n    for row.attr_string in vs:\n        pass\n`],
    ['a context target', `${ELEMENT}\n\ndef set(row, f):\n    with f() as row.attr_string:\n        pass\n`],
    ['a class attribute', `${ELEMENT}\n\nclass Row(Element):\n    attr_string = ' id="x"'\n`],
    ['a keyword argument', `${ELEMENT}\n\ndef make(v):\n    return Element(attr_string=v)\n`],
    ['a docstring naming it', ELEMENT.replace('if not', '"""Builds attr_string."""\n        if not')],
    ['no definition', 'def cells(row):\n    return [row.attr_string]\n'],
    ["a regex's escaping", ELEMENT.replace('return ""', 'return re.escape(self.raw)')],
    ["a form's clean()", ELEMENT.replace('return ""', 'return self.clean()')],
  ])('stays with %s', async (_name, code) => {
    expect(await rowLines({ 'app/html.py': code })).toEqual([1, 2]);
  });
});
