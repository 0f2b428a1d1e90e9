import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

const TEMPLATE = 'views/show.pug';
const PAGE = '#content!= content\n';
const MANIFEST = JSON.stringify({ dependencies: { marked: '^4.3.0' } });
const RENDERER = [
  "const marked = require('marked');",
  'marked.setOptions({ sanitize: true });',
  'module.exports = { render: (text) => marked(text) };',
  '',
].join('\n');
const ROUTE = [
  "const renderer = require('../lib/renderer');",
  "const models = require('../lib/models');",
  "module.exports = (app) => app.get('/wiki/:p', (req, res) =>",
  "  res.render('show', { content: renderer.render(req.query.text) }));",
  '',
].join('\n');
const MODELS = [
  'function gitSpawn(args, cb) { cb(args); }',
  "function Page(n) { this.n = n; this.lastCommand = 'show'; }",
  "Page.prototype.urlFor = function (a) { return '/wiki/' + this.n + '/' + a; };",
  "Page.prototype.fetch = function (cb) { gitSpawn(['show', this.n], cb); return this.urlFor('show'); };",
  'module.exports = { Page };',
  '',
].join('\n');

let n = 0;
/** Whether show.pug's output is still reported in a project of these files. */
async function reported(files: Record<string, string>): Promise<boolean> {
  const all = {
    [TEMPLATE]: PAGE,
    'package.json': MANIFEST,
    'lib/renderer.js': RENDERER,
    'routes/wiki.js': ROUTE,
    'lib/models.js': MODELS,
    ...files,
  };
  const ctx = makeMemoryContext(all, { profile: 'audit' }, `/virtual-template-view-names-${n++}`);
  const found = await codeAnalyzer.analyze(makeSourceFile(TEMPLATE, PAGE), ctx);
  return found.some((f) => f.ruleId === 'code/template-audit-unescaped');
}

describe("a view's name written elsewhere for the project's own code", () => {
  it("drops the output when the word is handed only to the project's own functions", async () => {
    expect(await reported({})).toBe(false);
  });

  it('passes over a test that names the word for something else', async () => {
    const test =
      "const { Page } = require('../lib/models');\nconst page = new Page('a');\npage.urlFor('show');\n";
    expect(await reported({ 'test/models.test.js': test })).toBe(false);
  });

  it.each([
    [
      'a render whose view is a name, through a renamed response',
      'function page(rs, v) { rs.render(v, {}); }\n',
    ],
    ['a view name joined at run time', "module.exports = (rs, kind) => rs.render('item-' + kind, {});\n"],
    [
      'a view compiled from its file by name',
      "const pug = require('pug');\nmodule.exports = (v) => pug.compile(require('fs').readFileSync(v + '.pug', 'utf8'));\n",
    ],
    [
      'a dependency whose render takes a name (not a fixed string)',
      "const md = require('markdown-it')();\nmd.render(text);\n",
    ],
  ])('keeps it when the project holds %s', async (_label, code) => {
    expect(await reported({ 'lib/other.js': code })).toBe(true);
  });

  it.each([
    [
      'a dependency given the word in an object',
      "const pages = require('error-pages');\nmodule.exports = pages({ notFound: 'show' });\n",
    ],
    [
      'a method of a dependency',
      "const mail = require('mail-queue');\nmodule.exports = () => mail.add('show', {});\n",
    ],
    ['a method reached through a property', "module.exports = (app) => app.mailer.send('show', {});\n"],
    ['a variable', "const view = 'show';\nmodule.exports = view;\n"],
    [
      "a method of `this` a dependency's class gives",
      "const Base = require('view-base');\nclass Pages extends Base {\n  open() {\n    return this.display('show', {});\n  }\n}\nmodule.exports = Pages;\n",
    ],
  ])('keeps it when the word is handed to %s', async (_label, code) => {
    expect(await reported({ 'lib/other.js': code })).toBe(true);
  });
});
