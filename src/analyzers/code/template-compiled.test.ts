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
  const ctx = makeMemoryContext({ 'resource/error.pug': PAGE, ...files }, { profile: 'audit' });
  const found = await codeAnalyzer.analyze(makeSourceFile('resource/error.pug', PAGE), ctx);
  return found.filter((f) => f.ruleId === 'code/template-audit-unescaped').map((f) => f.location.startLine);
}

describe('a template compiled in code and called with object literals', () => {
  it('keeps every output, with a warning, when a file that may name the template cannot be read', async () => {
    const base = makeMemoryContext(
      { 'resource/error.pug': PAGE, 'lib/error.js': CODE, 'lib/other.js': '' },
      { profile: 'audit' },
    );
    const ctx = {
      ...base,
      readFile: (p: string) =>
        p === 'lib/other.js' ? Promise.reject(new Error('ENOENT: gone')) : base.readFile(p),
    };
    const found = await codeAnalyzer.analyze(makeSourceFile('resource/error.pug', PAGE), ctx);
    const unescaped = found.filter((f) => f.ruleId === 'code/template-audit-unescaped');
    expect(unescaped.map((f) => f.location.startLine)).toEqual([5, 6, 7, 9]);
    expect(base.warnings.join('\n')).toContain('lib/other.js could not be read');
  });

  it.each([
    ['more files than the index reads', { files: TEMPLATE_INDEX_FILES.files + 1, size: 0 }],
    ['more code than the index reads', { files: 1, size: TEMPLATE_INDEX_FILES.bytes + 1 }],
  ])('keeps every output, with a warning, when the project holds %s', async (_name, many) => {
    const files: Record<string, string> = { 'resource/error.pug': PAGE, 'lib/error.js': CODE };
    for (let i = 0; i < many.files; i++) files[`lib/gen/part-${i}.js`] = 'x'.repeat(many.size);
    const ctx = makeMemoryContext(files, { profile: 'audit' });
    const found = await codeAnalyzer.analyze(makeSourceFile('resource/error.pug', PAGE), ctx);
    const unescaped = found.filter((f) => f.ruleId === 'code/template-audit-unescaped');
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

const DASHBOARD = [
  '<html>',
  '  <head><style>{{{style}}}</style></head>',
  '  <body>',
  '    <h1>{{title}}</h1>',
  '    {{{healthCheckResults}}}',
  '    <script>{{{script}}}</script>',
  '  </body>',
  '</html>',
  '',
].join('\n');

// The package's own page: its text read into a constant and compiled, called with a constant data object.
const MONITOR = `const fs = require('fs');
const path = require('path');
const Handlebars = require('handlebars');
module.exports = (config) => {
  const data = {
    title: config.title,
    script: fs.readFileSync(path.join(__dirname, '/public/javascripts/app.js')),
    style: fs.readFileSync(path.join(__dirname, '/public/stylesheets/', 'default.css'), 'utf8'),
  };
  const htmlTmpl = fs.readFileSync(path.join(__dirname, '/public/index.html')).toString();
  const render = Handlebars.compile(htmlTmpl);
  module.exports.page = (req, res) => res.send(render(data));
  return (req, res) => {
    data.healthCheckResults = '<p>ok</p>';
    res.send(render(data));
  };
};
`;

/** The lines of the unescaped-output findings in public/index.html, with `code` as lib/monitor.js. */
async function dashboardLines(code: string, more: Record<string, string> = {}): Promise<number[]> {
  const ctx = makeMemoryContext(
    { 'public/index.html': DASHBOARD, 'lib/monitor.js': code, ...more },
    { profile: 'audit' },
  );
  const found = await codeAnalyzer.analyze(makeSourceFile('public/index.html', DASHBOARD), ctx);
  return found.filter((f) => f.ruleId === 'code/template-audit-unescaped').map((f) => f.location.startLine);
}

describe("a template's text read and compiled, called with a constant object", () => {
  it("drops outputs given the package's own files or fixed text, also through members written later", async () => {
    expect(await dashboardLines(MONITOR)).toEqual([]);
    // A module required by the template's stem (`require('../index')`) is not the template.
    const example = "const monitor = require('../index');\nmodule.exports = monitor({ title: 'x' });\n";
    expect(await dashboardLines(MONITOR, { 'examples/index.js': example })).toEqual([]);
  });
  it('keeps every output when the only files that name the template require a module of its stem', async () => {
    const example = "const monitor = require('../index');\nmodule.exports = monitor({ title: 'x' });\n";
    expect(await dashboardLines('', { 'examples/index.js': example })).toEqual([2, 5, 6]);
  });
  it('keeps an output given a file whose path holds anything but literals under the module folder', async () => {
    const themed = MONITOR.replace("'default.css'", 'config.theme');
    expect(await dashboardLines(themed)).toEqual([2]);
    const cwd = MONITOR.replace(
      "path.join(__dirname, '/public/javascripts/app.js')",
      "path.join(process.cwd(), 'app.js')",
    );
    expect(await dashboardLines(cwd)).toEqual([6]);
    const climbs = MONITOR.replace("'/public/javascripts/app.js'", "'../uploads/app.js'");
    expect(await dashboardLines(climbs)).toEqual([6]);
  });
  it('keeps an output a later write fills with request data, or every output when the object is used otherwise', async () => {
    const written = MONITOR.replace(
      "data.healthCheckResults = '<p>ok</p>';",
      'data.healthCheckResults = req.query.msg;',
    );
    expect(await dashboardLines(written)).toEqual([5]);
    const merged = MONITOR.replace(
      "data.healthCheckResults = '<p>ok</p>';",
      'Object.assign(data, req.query);',
    );
    expect(await dashboardLines(merged)).toEqual([2, 5, 6]);
    const computed = MONITOR.replace(
      "data.healthCheckResults = '<p>ok</p>';",
      'data[req.query.k] = req.query.v;',
    );
    expect(await dashboardLines(computed)).toEqual([2, 5, 6]);
    // Line 5 is dropped by the escaped-property stage here (its one write in the project is fixed text).
    const mutable = MONITOR.replace('const data = {', 'let data = {');
    expect(await dashboardLines(mutable)).toEqual([2, 6]);
  });
  it('keeps every output when the read text is used for anything but one compile', async () => {
    const twice = MONITOR.replace(
      'return (req, res) => {',
      'module.exports.text = htmlTmpl;\n  return (req, res) => {',
    );
    expect(await dashboardLines(twice)).toEqual([2, 6]);
  });
});
