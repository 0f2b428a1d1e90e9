import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { changesContext, needsArgument, sectionsAround } from './template-sections.js';

const at = (text: string, marker: string) => sectionsAround(text, text.indexOf(marker));

describe('the Handlebars and Mustache blocks around a place', () => {
  it('reads each, sections, else parts and inverted sections, outermost first', () => {
    const t = '{{#if a}}{{#each items}}X{{/each}}{{else}}Y{{/if}}{{^none}}Z{{/none}}{{#people}}W{{/people}}';
    expect(at(t, 'X')).toEqual([
      { helper: 'if', arg: 'a', inverse: false },
      { helper: 'each', arg: 'items', inverse: false },
    ]);
    expect(at(t, 'Y')).toEqual([{ helper: 'if', arg: 'a', inverse: true }]);
    expect(at(t, 'Z')).toEqual([{ helper: '^', arg: 'none', inverse: true }]);
    expect(at(t, 'W')).toEqual([{ helper: 'people', arg: 'people', inverse: false }]);
  });

  it('skips comments and raw outputs, and gives up on blocks that do not nest', () => {
    expect(at('{{!-- {{#each x}} --}}{{{a}}}X', 'X')).toEqual([]);
    expect(at('{{#each items}}{{/if}}X', 'X')).toBeUndefined();
  });

  it('says which blocks change the context and which need their argument', () => {
    const [each] = at('{{#each this.items as |item|}}X{{/each}}', 'X')!;
    expect(each).toEqual({ helper: 'each', arg: 'items', inverse: false });
    expect(changesContext(each!)).toBe(true);
    expect(needsArgument(each!)).toBe(true);
    const [unless] = at('{{#unless x}}X{{/unless}}', 'X')!;
    expect(changesContext(unless!)).toBe(false);
    expect(needsArgument(unless!)).toBe(false);
    const [helper] = at('{{#list (filter items)}}X{{/list}}', 'X')!;
    expect(helper!.arg).toBeUndefined();
    expect(needsArgument(helper!)).toBe(false);
  });
});

const LIST = [
  '{{#each items}}<li>{{{this.html}}}</li>{{/each}}',
  '{{#if banner}}<div>{{{banner}}}</div>{{/if}}',
  '{{#each options}}<li>{{{this.opt}}}</li>{{/each}}',
  '',
].join('\n');

/** The lines of the unescaped-output findings in views/list.hbs, with `files` beside it. */
async function lines(files: Record<string, string>): Promise<number[]> {
  const ctx = makeMemoryContext({ 'views/list.hbs': LIST, ...files }, { profile: 'audit' });
  const found = await codeAnalyzer.analyze(makeSourceFile('views/list.hbs', LIST), ctx);
  return found.filter((f) => f.ruleId === 'code/template-audit-unescaped').map((f) => f.location.startLine);
}

describe('outputs inside blocks of a template whose callers pass object literals', () => {
  const compiled = (data: string) =>
    `const fs = require('fs');\nconst Handlebars = require('handlebars');\n` +
    `const page = Handlebars.compile(fs.readFileSync(__dirname + '/views/list.hbs', 'utf8'));\n` +
    `module.exports.show = (req, res) => res.send(page(${data}));\n`;

  it("keeps an item's output, which no call's object shows, and drops a block no call passes", async () => {
    expect(await lines({ 'app.js': compiled('{ items: req.body.items }') })).toEqual([1]);
  });

  it('keeps a block whose argument a call passes', async () => {
    expect(
      await lines({ 'app.js': compiled('{ items: [], banner: req.query.b, options: req.body.o }') }),
    ).toEqual([1, 2, 3]);
  });

  it("reads Express's res.render only when no script names locals or renders a view named at run time", async () => {
    const route = `module.exports = (req, res) => res.render('list', { items: req.body.items });\n`;
    expect(await lines({ 'routes/list.js': route })).toEqual([1]);
    const locals = `module.exports = (req, res, next) => { res.locals.banner = req.query.b; next(); };\n`;
    expect(await lines({ 'routes/list.js': route, 'lib/banner.js': locals })).toEqual([1, 2, 3]);
    const dynamic =
      'module.exports = (req, res) => res.render(`${req.params.dir}/list`, { options: req.body });\n';
    expect(await lines({ 'routes/list.js': route, 'routes/any.js': dynamic })).toEqual([1, 2, 3]);
    const other = 'module.exports = (req, res) => res.render(`${req.params.dir}/checkout`, {});\n';
    expect(await lines({ 'routes/list.js': route, 'routes/checkout.js': other })).toEqual([1]);
  });
});
