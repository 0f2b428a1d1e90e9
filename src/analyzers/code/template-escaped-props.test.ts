import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

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
    {},
    `/virtual-escaped-props-${n++}`,
  );
  const found = await codeAnalyzer.analyze(makeSourceFile('views/layout.njk', LAYOUT), ctx);
  return found.filter((f) => f.ruleId === 'code/template-unescaped-output').map((f) => f.location.startLine);
}

describe('an unescaped output of a property the code builds only from escaped or fixed parts', () => {
  it('is dropped; a generic name (html) is not looked up and stays', async () => {
    expect(await lines({ 'lib/attributes.js': ESCAPED })).toEqual([2]);
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
    ['a write of another operator', `${ESCAPED}function add(req, v) { req.data.bodyDataAttributes -= v; }\n`],
  ])('stays with %s', async (_name, code) => {
    expect(await lines({ 'lib/attributes.js': code })).toEqual([1, 2]);
  });

  it('stays when code the check does not read names the property', async () => {
    const py = 'def attrs(request):\n    return {"bodyDataAttributes": request.args["a"]}\n';
    expect(await lines({ 'lib/attributes.js': ESCAPED, 'tools/attrs.py': py })).toEqual([1, 2]);
  });

  it('counts comments and reads as neither writes nor unknown mentions', async () => {
    const more = `${ESCAPED}// bodyDataAttributes is built above.\nfunction has(req) { return !!req.data.bodyDataAttributes; }\n`;
    expect(await lines({ 'lib/attributes.js': more })).toEqual([2]);
  });
});
