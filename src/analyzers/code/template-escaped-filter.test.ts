import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

const TEMPLATE = 'app/templates/page.html';
const PAGE = '<p>{{ note|nl2br|safe }}</p>\n<p>{{ note|nl2br(2)|safe }}</p>\n';
const ESCAPING = 'def nl2br(text, n=1):\n    return Markup(escape(text).replace("\\n", Markup("<br>")))\n';
const RAW = 'def raw_br(text):\n    return text.replace("\\n", "<br>")\n';

let n = 0;
/** The lines of page.html's unescaped-output findings in a project of `python` (app/filters.py). */
async function lines(python: string, page = PAGE): Promise<number[]> {
  const files = { 'app/filters.py': python, [TEMPLATE]: page };
  const ctx = makeMemoryContext(files, { profile: 'audit' }, `/virtual-escaped-filter-${n++}`);
  const found = await codeAnalyzer.analyze(makeSourceFile(TEMPLATE, page), ctx);
  return found.filter((f) => f.ruleId === 'code/template-audit-unescaped').map((f) => f.location.startLine);
}

const HEAD =
  'from django import template\nfrom markupsafe import Markup, escape\n\nregister = template.Library()\n\n';

describe('|safe after a project filter that returns escaped markup', () => {
  it.each([
    ['a Django library decorator', `${HEAD}@register.filter\n${ESCAPING}`],
    [
      'a decorator naming the filter',
      `${HEAD}@register.filter(name="nl2br", is_safe=True)\n${ESCAPING.replace('nl2br', 'lines')}`,
    ],
    ['a blueprint decorator', `${HEAD}@bp.app_template_filter()\n${ESCAPING}`],
    [
      'a registering call',
      `${HEAD}${ESCAPING.replace('nl2br', 'lines')}\n\nregister.filter("nl2br", lines)\n`,
    ],
  ])('is dropped when registered by %s', async (_, python) => {
    expect(await lines(python)).toEqual([]);
  });

  it('stays when the function is not escaping, or is not the one the name registers', async () => {
    const multiplied = ESCAPING.replace('Markup("<br>")', 'Markup("<br>") * n');
    // `*` is not read: not understood, kept.
    expect(await lines(`${HEAD}@register.filter\n${multiplied}`)).toEqual([1, 2]);
    expect(await lines(`${HEAD}@register.filter("nl2br")\n${RAW}`)).toEqual([1, 2]);
    // An entity put back as its character (`html.escape` gives a plain str): the escaping undone.
    const restored = 'def nl2br(text, n=1):\n    return Markup(html.escape(text).replace("&lt;", "<"))\n';
    expect(await lines(`import html\n${HEAD}@register.filter\n${restored}`)).toEqual([1, 2]);
    // The escaping function exists, but the name registers another one.
    expect(await lines(`${HEAD}${ESCAPING}\n${RAW}\nregister.filter("nl2br", raw_br)\n`)).toEqual([1, 2]);
  });

  it('stays when the name is written anywhere else as a string', async () => {
    const also = `${HEAD}@register.filter\n${ESCAPING}\n\nFILTERS = {"nl2br": raw_br}\n${RAW}`;
    expect(await lines(also)).toEqual([1, 2]);
    const table = `${HEAD}@register.filter\n${ESCAPING}\n\nenv.filters["nl2br"] = make_filter()\n`;
    expect(await lines(table)).toEqual([1, 2]);
  });

  it('stays when the escaping filter is not the last before |safe', async () => {
    const page = '<p>{{ note|nl2br|replace("&lt;", "<")|safe }}</p>\n';
    expect(await lines(`${HEAD}@register.filter\n${ESCAPING}`, page)).toEqual([1]);
  });
});

describe('request data through a project filter that returns escaped markup', () => {
  const VIEW =
    'from flask import Flask, render_template, request\nfrom markupsafe import Markup, escape\n\n' +
    'app = Flask(__name__)\n\n' +
    '@app.template_filter("nl2br")\n' +
    ESCAPING +
    '\n@app.template_filter("raw_br")\n' +
    RAW +
    '\n@app.route("/")\ndef index():\n    return render_template("page.html", note=request.args.get("note"))\n';

  /** The lines of page.html's taint-confirmed findings when views.py renders it with request data. */
  async function flowLines(page: string): Promise<number[]> {
    const files = { 'app/views.py': VIEW, [TEMPLATE]: page };
    const ctx = makeMemoryContext(files, { profile: 'audit' }, `/virtual-escaped-filter-flow-${n++}`);
    const found = await codeAnalyzer.analyze(makeSourceFile('app/views.py', VIEW), ctx);
    return found.filter((f) => f.ruleId === 'code/template-xss').map((f) => f.location.startLine);
  }

  it('is not reported when the escaping filter is the last before |safe', async () => {
    expect(await flowLines('<p>{{ note|nl2br|safe }}</p>\n<p>{{ note | nl2br(2) | safe }}</p>\n')).toEqual(
      [],
    );
  });

  it('is reported through a filter that returns the text raw, or with nothing after the escaping one', async () => {
    const page = '<p>{{ note|raw_br|safe }}</p>\n<p>{{ note|nl2br|replace("&lt;", "<")|safe }}</p>\n';
    expect(await flowLines(page)).toEqual([1, 2]);
    expect(await flowLines('<p>{{ note|safe }}</p>\n')).toEqual([1]);
  });
});
