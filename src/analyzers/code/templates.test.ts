import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { keyRepeats, processFindings } from '../../core/stages.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { BUILTIN_RULES_DIR } from './load-rules.js';
import { exampleDirName } from './rule-examples.js';
import { templateRules } from './template-rules.js';
import { unescapedOutputs } from './templates.js';
import { autoescapeOff, namesIn, templateEngineOf } from './templates.js';

const EXAMPLES = join(BUILTIN_RULES_DIR, 'tests');

/** Lines after a `ruleid: <id>` marker, whatever the template's comment syntax. */
function marked(text: string, id: string): number[] {
  const lines = text.split('\n');
  return lines.flatMap((l, i) => (l.includes(`ruleid: ${id}`) ? [i + 2] : []));
}

describe('which template files are read', () => {
  const ref = (path: string) => {
    const f = makeSourceFile(path, '<p>{{{payload}}}</p>\n');
    return { path: f.path, name: f.name, ext: f.ext, size: f.size };
  };
  it('reads the templates an app renders', () => {
    expect(codeAnalyzer.matches(ref('views/page.html'))).toBe(true);
    expect(codeAnalyzer.matches(ref('nodes/core/80-template.html'))).toBe(true);
  });
  it('reads a .tmpl, an extension several engines share, only when its text writes Handlebars output', async () => {
    expect(codeAnalyzer.matches(ref('public/templates/index.tmpl'))).toBe(true);
    const found = async (text: string) =>
      (
        await codeAnalyzer.analyze(
          makeSourceFile('public/templates/index.tmpl', text),
          makeMemoryContext({}, { profile: 'audit' }),
        )
      ).length;
    expect(await found('<a href="/x{{&key_query}}">x</a>\n')).toBe(1);
    expect(await found('<a href="{{.URL}}">{{.Name}}</a>\n<%= raw %>\n')).toBe(0);
  });
  it('skips translation catalogues (help text that shows the syntax)', () => {
    expect(codeAnalyzer.matches(ref('locales/en-US/function/80-template.html'))).toBe(false);
    expect(codeAnalyzer.matches(ref('app/i18n/de/help.hbs'))).toBe(false);
  });
});

/** The files under `dir`, by path relative to it. */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out[relative(dir, full)] = readFileSync(full, 'utf8');
  }
  return out;
}

describe('template rules against their examples', () => {
  for (const rule of templateRules().values()) {
    if (rule.kind === 'request-data') continue;
    const dir = join(EXAMPLES, exampleDirName(rule.id));
    const files = readdirSync(dir).filter((n) => /^(bad|good)\./.test(n));
    it(`${rule.id} has bad and good examples`, () => {
      expect(files.some((f) => f.startsWith('bad.'))).toBe(true);
      expect(files.some((f) => f.startsWith('good.'))).toBe(true);
    });
    for (const name of files) {
      if (statSync(join(dir, name)).isDirectory()) {
        // A folder example is a small project: each template in it is analyzed with the others beside it.
        it(`${rule.id}: ${name}/`, async () => {
          const project = filesUnder(join(dir, name));
          const ctx = makeMemoryContext(
            project,
            { profile: rule.profile ?? 'default' },
            `/virtual-example-${rule.id}-${name}`,
          );
          const templates = Object.keys(project).filter((p) => templateEngineOf(extname(p).slice(1)));
          expect(templates.length).toBeGreaterThan(0);
          for (const path of templates) {
            const text = project[path]!;
            const found = (await codeAnalyzer.analyze(makeSourceFile(path, text), ctx))
              .filter((f) => f.ruleId === rule.id)
              .map((f) => f.location.startLine);
            expect(found, path).toEqual(name.startsWith('bad.') ? marked(text, rule.id) : []);
          }
        });
        continue;
      }
      it(`${rule.id}: ${name}`, async () => {
        const text = readFileSync(join(dir, name), 'utf8');
        const file = makeSourceFile(`views/${name}`, text);
        expect(extname(name)).not.toBe('');
        const found = (
          await codeAnalyzer.analyze(file, makeMemoryContext({}, { profile: rule.profile ?? 'default' }))
        )
          .filter((f) => f.ruleId === rule.id)
          .map((f) => f.location.startLine);
        expect(found).toEqual(name.startsWith('bad.') ? marked(text, rule.id) : []);
      });
    }
  }
});

describe('template expressions', () => {
  it.each([
    ['q', ['q']],
    ['user.bio', ['user']],
    ['locals.q', ['q']],
    ["format(name, 'x.y')", ['name']],
    ['a if b else "c"', ['a', 'b']],
  ])('%s reads %j', (expr, names) => {
    expect(namesIn(expr)).toEqual(names);
  });
});

async function scan(files: Record<string, string>, entry: string): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, { profile: 'audit' }, `/virtual-tpl-${Object.keys(files).join('-')}`);
  return codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
}

const EXPRESS_ROUTE = (locals: string): string => `const express = require('express');
const router = express.Router();

router.get('/search', (req, res) => {
  const q = req.query.q;
  res.render('search', ${locals});
});
module.exports = router;
`;

describe('render calls that pass request data into an unescaped template output', () => {
  const views = {
    'views/search.ejs': '<h1>Search</h1>\n<p>Results for <%- q %></p>\n<p><%= title %></p>\n',
    'views/layout.ejs': '<%- body %>\n',
  };

  it('Express + EJS: one taint finding in the template, with the flow from the route', async () => {
    const files = { 'routes/search.js': EXPRESS_ROUTE('{ q, title: "Search" }'), ...views };
    const found = (await scan(files, 'routes/search.js')).filter((f) => f.ruleId === 'code/template-xss');
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(f.location).toMatchObject({ path: 'views/search.ejs', startLine: 2 });
    expect(f.confidence).toBe('high');
    expect(f.flow?.map((s) => `${s.kind} ${s.path}:${s.line}`)).toEqual([
      'source routes/search.js:5',
      'step routes/search.js:5',
      'step routes/search.js:6',
      'sink views/search.ejs:2',
    ]);
  });

  it.each([
    ['an escaped value', '{ q: escapeHtml(q) }'],
    ['a constant', '{ q: "fixed" }'],
    ['a variable the template escapes', '{ title: q }'],
  ])('stays quiet on %s', async (_name, locals) => {
    const files = { 'routes/search.js': EXPRESS_ROUTE(locals), ...views };
    expect((await scan(files, 'routes/search.js')).filter((f) => f.ruleId === 'code/template-xss')).toEqual(
      [],
    );
  });

  it('Flask + Jinja2 (|safe) and Django (autoescape off)', async () => {
    const flask = {
      'app/views.py': `from flask import request, render_template\n\n\n@app.route('/s')\ndef search():\n    return render_template('search.html', q=request.args.get('q'), n=1)\n`,
      'app/templates/search.html': '<p>{{ q|safe }}</p>\n<p>{{ n|safe }}</p>\n',
    };
    const a = (await scan(flask, 'app/views.py')).filter((f) => f.ruleId === 'code/template-xss');
    expect(a.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual([
      'app/templates/search.html:1',
    ]);
    const django = {
      'shop/views.py': `from django.shortcuts import render\n\n\ndef search(request):\n    return render(request, 'shop/search.html', {'q': request.GET['q'], 'n': 1})\n`,
      'shop/templates/shop/search.html':
        '{% autoescape off %}\n<p>{{ q }}</p>\n<p>{{ n }}</p>\n{% endautoescape %}\n',
    };
    const b = (await scan(django, 'shop/views.py')).filter((f) => f.ruleId === 'code/template-xss');
    expect(b.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual([
      'shop/templates/shop/search.html:2',
    ]);
  });
});

describe('one problem, one finding', () => {
  it('the template audit and the taint flow into the same output become one finding naming both rules', async () => {
    const files = {
      'routes/search.js': EXPRESS_ROUTE('{ q, title: "Search" }'),
      'views/search.ejs': '<h1>Search</h1>\n<p>Results for <%- q %></p>\n<p><%- title %></p>\n',
    };
    const ctx = makeMemoryContext(files, { profile: 'audit' }, '/virtual-one-problem');
    const raw = [
      ...(await codeAnalyzer.analyze(makeSourceFile('routes/search.js', files['routes/search.js']), ctx)),
      ...(await codeAnalyzer.analyze(makeSourceFile('views/search.ejs', files['views/search.ejs']), ctx)),
    ];
    // Each analysis on its own reports line 2: the route's flow (taint) and the template's audit.
    expect(raw.filter((f) => f.location.startLine === 2).map((f) => f.ruleId)).toEqual([
      'code/template-xss',
      'code/template-audit-unescaped',
    ]);
    const out = processFindings(raw).filter((f) => f.location.path === 'views/search.ejs');
    expect(out.map((f) => `${f.ruleId}:${f.location.startLine}:${f.tier}`)).toEqual([
      'code/template-xss:2:taint',
      // The constant title is only an audit finding, on its own line: not merged with anything.
      'code/template-audit-unescaped:3:audit',
    ]);
    expect(out[0]?.message).toContain('Also matched: code/template-audit-unescaped.');
    expect(out[0]?.flow?.length).toBeGreaterThan(1);
  });
});

describe('one expression written raw on several lines', () => {
  const page = [
    '<link href="{{{base}}}/reset.css">',
    '{{#scripts}}<script src="{{{.}}}"></script>{{/scripts}}',
    '<script src="{{{ base }}}/app.js"></script>',
    '{{#styles}}<link href="{{{.}}}">{{/styles}}',
    '<img src="{{{base}}}/logo.png"><a href="{{{base}}}/">home</a>',
    '',
  ].join('\n');

  it('is one finding at its first line naming the others; the current item of each block stays its own', async () => {
    const found = (
      await codeAnalyzer.analyze(
        makeSourceFile('lib/page.html', page),
        makeMemoryContext({}, { profile: 'audit' }),
      )
    )
      .filter((f) => f.ruleId === 'code/template-audit-unescaped')
      .map((f) => `${f.location.startLine}: ${f.message}`);
    expect(found).toEqual([
      '1: Audit lead (not proven): template writes base without HTML escaping ({{{ }}}); it is written raw on lines 3 and 5 too. Check who writes it.',
      '2: Audit lead (not proven): template writes . without HTML escaping ({{{ }}}). Check who writes it.',
      '4: Audit lead (not proven): template writes . without HTML escaping ({{{ }}}). Check who writes it.',
    ]);
  });

  it('the two blocks’ outputs stay two findings through the scan’s stages', async () => {
    const raw = await codeAnalyzer.analyze(
      makeSourceFile('lib/page.html', page),
      makeMemoryContext({}, { profile: 'audit' }),
    );
    keyRepeats(raw);
    expect(processFindings(raw).map((f) => f.location.startLine)).toEqual([1, 2, 4]);
  });
});

describe('unescaped outputs of a template with one long line', () => {
  it('reads every `!=` of the line once, and still skips a code line', () => {
    // Blank lines keep it from reading as minified; the long line's 60000 attributes were each read back to
    // the line's start, which took seconds.
    const pug = `${'\n'.repeat(6000)}- if (a != b)\np ${'a(x!=y) '.repeat(60000)}\n`;
    const outputs = unescapedOutputs(pug, 'pug');
    expect(outputs).toHaveLength(60000);
    expect(outputs[0]).toMatchObject({ line: 6002, column: 8 });
  }, 3000);
});

describe('autoescape blocks that write only literals', () => {
  const block = (body: string): number =>
    autoescapeOff(`{% autoescape false %}${body}{% endautoescape %}`, 'jinja').length;

  it('reads each output up to its own end, blanks and nesting as written', () => {
    expect(block(`{{- _('Go to %(p)s.',\n   p='<a href="{}">x</a>'.format(url_for('index'))) -}}`)).toBe(0);
    expect(block("{{ _('a') }} {{ name }}")).toBe(1);
    expect(block("{{ _('a') }} {{ _('b'")).toBe(1);
    expect(block(`{{ ${'_('.repeat(8)}'x'${')'.repeat(8)} }}`)).toBe(0);
  });

  it('stays linear on hostile blocks: long blank runs, unclosed outputs, deep nesting', () => {
    const t0 = Date.now();
    expect(block(`{{ ''.format(''${' '.repeat(200_000)}x }}`)).toBe(1);
    expect(block(`{{ _(''${' '.repeat(200_000)}x }}`)).toBe(1);
    expect(block('{{'.repeat(200_000))).toBe(1);
    expect(block(`{{ ${'_('.repeat(30_000)}''${')'.repeat(30_000)} }}`)).toBe(1);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('Pug names bound to fixed text', () => {
  it('reads a list or loop variable named with `$` as the name it is', () => {
    // The list is given data the second time: its loop variable is not the template's own text.
    const reassigned = "- var $cols = ['name', 'size'];\n- $cols = columns;\neach col in $cols\n  th!= col\n";
    expect(unescapedOutputs(reassigned, 'pug')).toHaveLength(1);
    const rebound = "each $c in ['a', 'b']\n  - $c = label\n  span!= $c\n";
    expect(unescapedOutputs(rebound, 'pug')).toHaveLength(1);
    // Fixed when it is not.
    expect(
      unescapedOutputs("- var $cols = ['name', 'size'];\neach col in $cols\n  th!= col\n", 'pug'),
    ).toHaveLength(0);
  });
});

describe('which profile reports an unescaped output', () => {
  const page = [
    '{% autoescape off %}',
    '<div>{{ readme }}</div>',
    '{% endautoescape %}',
    '<p>{{ comment|safe }}</p>',
    '',
  ].join('\n');
  const found = async (profile: string) =>
    (
      await codeAnalyzer.analyze(
        makeSourceFile('templates/index.html', page),
        makeMemoryContext({}, { profile }),
      )
    )
      .map((f) => `${f.ruleId}:${f.location.startLine}`)
      .sort();

  it('reports a value written in a block with escaping off in every scan, the block’s tag and a `|safe` only in the audit profile', async () => {
    expect(await found('default')).toEqual(['code/template-unescaped-output:2']);
    expect(await found('audit')).toEqual([
      'code/template-audit-unescaped:4',
      'code/template-autoescape-off:1',
      'code/template-unescaped-output:2',
    ]);
  });

  it('lists the audit rule in the audit profile only', () => {
    const rules = new Map(codeAnalyzer.rules.map((r) => [r.id, r]));
    expect(rules.get('code/template-audit-unescaped')?.profile).toBe('audit');
    expect(rules.get('code/template-audit-unescaped')?.confidence).toBe('low');
    expect(rules.get('code/template-unescaped-output')?.profile).toBeUndefined();
    expect(rules.get('code/template-autoescape-off')).toMatchObject({ profile: 'audit', confidence: 'low' });
  });
});
