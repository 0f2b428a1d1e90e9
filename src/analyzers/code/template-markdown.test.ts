import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

const TEMPLATE = 'views/preview.ejs';
const PAGE = '<div id="content"><%- content %></div>\n';
const manifest = (marked: string): string =>
  JSON.stringify({ dependencies: { marked, 'markdown-it': '^13.0.1' } });
const route = (value: string): string =>
  [
    "const express = require('express');",
    "const renderer = require('../lib/renderer');",
    'const router = express.Router();',
    `router.post('/preview', (req, res) => res.render('preview', { content: ${value} }));`,
    'module.exports = router;',
    '',
  ].join('\n');
const RENDERER = [
  "const marked = require('marked');",
  'marked.setOptions({ sanitize: true });',
  'module.exports = { render: (text) => marked(text) };',
  '',
].join('\n');

let n = 0;
/** Whether preview.ejs's output is still reported in a project of these files. */
async function reported(files: Record<string, string>): Promise<boolean> {
  const all = { [TEMPLATE]: PAGE, ...files };
  const ctx = makeMemoryContext(all, { profile: 'audit' }, `/virtual-template-markdown-${n++}`);
  const found = await codeAnalyzer.analyze(makeSourceFile(TEMPLATE, PAGE), ctx);
  return found.some((f) => f.ruleId === 'code/template-audit-unescaped');
}

describe('an output every render gives an escaping Markdown render', () => {
  it.each([
    [
      'a project renderer returning sanitizing marked',
      { 'lib/renderer.js': RENDERER },
      route('renderer.render(req.body.data)'),
    ],
    [
      'markdown-it with its default options, in the route',
      {},
      "const md = require('markdown-it')();\n" + route('md.render(req.body.data)'),
    ],
    [
      'marked with sanitize in the call',
      {},
      "const { marked } = require('marked');\n" + route('marked(req.body.data, { sanitize: true })'),
    ],
    [
      'markdown-it whose render, not the object, its module exports',
      {
        'lib/renderer.js':
          "const md = require('markdown-it')();\nmodule.exports = { render: (text) => md.render(text) };\n",
      },
      route('renderer.render(req.body.data)'),
    ],
    [
      'sanitizing marked with a renderer of its own for code blocks only',
      {
        'lib/renderer.js': RENDERER.replace(
          'marked.setOptions({ sanitize: true });',
          'const r = new marked.Renderer();\nr.code = (code) => `<pre>${code.length}</pre>`;\nmarked.setOptions({ sanitize: true, renderer: r });',
        ),
      },
      route('renderer.render(req.body.data)'),
    ],
  ])('drops %s', async (_label, extra, code) => {
    const files = { 'package.json': manifest('^0.3.19'), 'routes/pages.js': code, ...extra };
    expect(await reported(files)).toBe(false);
  });

  it.each([
    [
      'marked 5, which ignores sanitize',
      manifest('^5.0.0'),
      { 'lib/renderer.js': RENDERER },
      'renderer.render(req.body.data)',
    ],
    [
      'no package.json saying the version',
      undefined,
      { 'lib/renderer.js': RENDERER },
      'renderer.render(req.body.data)',
    ],
    [
      'a renderer whose sanitize comes from the request',
      manifest('^4.0.0'),
      { 'lib/renderer.js': RENDERER.replace('sanitize: true', 'sanitize: !req.query.raw') },
      'renderer.render(req.body.data)',
    ],
    ['a raw value', manifest('^4.0.0'), {}, 'req.body.data'],
    [
      'a render of another function of the module',
      manifest('^4.0.0'),
      { 'lib/renderer.js': RENDERER },
      'renderer.raw(req.body.data)',
    ],
    [
      'sanitizing marked with a link renderer of its own (no javascript: filter)',
      manifest('^4.0.0'),
      {
        'lib/renderer.js': RENDERER.replace(
          'marked.setOptions({ sanitize: true });',
          'const r = new marked.Renderer();\nr.link = (href, t, text) => `<a href="${href}">${text}</a>`;\nmarked.setOptions({ sanitize: true, renderer: r });',
        ),
      },
      'renderer.render(req.body.data)',
    ],
    [
      'markdown-it exported whole (its importer may add plugins)',
      manifest('^4.0.0'),
      {
        'lib/renderer.js':
          "const md = require('markdown-it')();\nmodule.exports = { md, render: (text) => md.render(text) };\n",
      },
      'renderer.render(req.body.data)',
    ],
  ])('keeps %s', async (_label, pkg, extra, value) => {
    const files: Record<string, string> = { 'routes/pages.js': route(value), ...extra };
    if (pkg !== undefined) files['package.json'] = pkg;
    expect(await reported(files)).toBe(true);
  });

  it('keeps a template another template includes', async () => {
    const files = {
      'package.json': manifest('^4.0.0'),
      'routes/pages.js': route('renderer.render(req.body.data)'),
      'lib/renderer.js': RENDERER,
      'views/page.ejs': "<%- include('preview') %>\n",
    };
    expect(await reported(files)).toBe(true);
  });
});
