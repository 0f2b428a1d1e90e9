import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { TEMPLATE_INDEX_FILES } from './template-index.js';

const PAGE = [
  'html',
  '  body',
  '    h1 #{title}',
  '    if tip',
  '      p!= tip',
  '    div!= explain',
  '    div!= detail',
  '    each item in items',
  '      li!= item',
  '',
].join('\n');

const CODE = `const path = require('path');
const pug = require('pug');
const page = pug.compileFile(path.join(__dirname, '../resource/error.pug'));
function render(error, items) {
  let explain = 'The certificate is not issued by a known agency.';
  if (error.code === 'SELF_SIGNED') explain = 'Run with <strong>--ignore-ssl</strong> to continue.';
  return page({ title: error.code, explain: explain, detail: error.message, items });
}
module.exports = render;
`;

/** The lines of the unescaped-output findings in resource/error.pug, with `files` beside it. */
async function lines(files: Record<string, string>): Promise<number[]> {
  const ctx = makeMemoryContext({ 'resource/error.pug': PAGE, ...files });
  const found = await codeAnalyzer.analyze(makeSourceFile('resource/error.pug', PAGE), ctx);
  return found.filter((f) => f.ruleId === 'code/template-unescaped-output').map((f) => f.location.startLine);
}

describe('a template compiled in code and called with object literals', () => {
  it('keeps every output, with a warning, when a file that may name the template cannot be read', async () => {
    const base = makeMemoryContext({ 'resource/error.pug': PAGE, 'lib/error.js': CODE, 'lib/other.js': '' });
    const ctx = {
      ...base,
      readFile: (p: string) =>
        p === 'lib/other.js' ? Promise.reject(new Error('ENOENT: gone')) : base.readFile(p),
    };
    const found = await codeAnalyzer.analyze(makeSourceFile('resource/error.pug', PAGE), ctx);
    const unescaped = found.filter((f) => f.ruleId === 'code/template-unescaped-output');
    expect(unescaped.map((f) => f.location.startLine)).toEqual([5, 6, 7, 9]);
    expect(base.warnings.join('\n')).toContain('lib/other.js could not be read');
  });

  it.each([
    ['more files than the index reads', { files: TEMPLATE_INDEX_FILES.files + 1, size: 0 }],
    ['more code than the index reads', { files: 1, size: TEMPLATE_INDEX_FILES.bytes + 1 }],
  ])('keeps every output, with a warning, when the project holds %s', async (_name, many) => {
    const files: Record<string, string> = { 'resource/error.pug': PAGE, 'lib/error.js': CODE };
    for (let i = 0; i < many.files; i++) files[`lib/gen/part-${i}.js`] = 'x'.repeat(many.size);
    const ctx = makeMemoryContext(files);
    const found = await codeAnalyzer.analyze(makeSourceFile('resource/error.pug', PAGE), ctx);
    const unescaped = found.filter((f) => f.ruleId === 'code/template-unescaped-output');
    expect(unescaped.map((f) => f.location.startLine)).toEqual([5, 6, 7, 9]);
    expect(ctx.warnings.join('\n')).toMatch(/resource\/error\.pug: template review incomplete: .* not read/);
  });

  it('drops outputs no call passes and outputs every call fills with fixed text', async () => {
    // tip: never passed; explain: constant markup; detail: a run-time value; item: the template's own loop.
    expect(await lines({ 'lib/error.js': CODE })).toEqual([7, 9]);
  });
  it('keeps every output when nothing compiles the template, or it is named any other way', async () => {
    expect(await lines({})).toEqual([5, 6, 7, 9]);
    const rendered = CODE.replace(
      'module.exports = render;',
      "app.get('/e', (req, res) => res.render('error'));",
    );
    expect(await lines({ 'lib/error.js': rendered })).toEqual([5, 6, 7, 9]);
    const exported = CODE.replace('module.exports = render;', 'module.exports = { render, page };');
    expect(await lines({ 'lib/error.js': exported })).toEqual([5, 6, 7, 9]);
    const spread = CODE.replace('detail: error.message', '...error');
    expect(await lines({ 'lib/error.js': spread })).toEqual([5, 6, 7, 9]);
    const included = 'html\n  include ../resource/error.pug\n';
    expect(await lines({ 'lib/error.js': CODE, 'views/other.pug': included })).toEqual([5, 6, 7, 9]);
  });
});
