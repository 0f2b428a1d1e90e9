import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { loopSequence, translationNames } from './template-fixed-py.js';

const TEMPLATE = 'app/templates/about.html';
const PAGE = '{% for line in descriptions %}\n  <p>{{ line|safe }}</p>\n{% endfor %}\n';
const VIEW = (imports: string, attribute: string, more = ''): string =>
  `${imports}\nfrom django.views.generic import TemplateView\n\n\nclass AboutView(TemplateView):\n` +
  `    template_name = "about.html"\n    descriptions = ${attribute}\n\n` +
  `    def get_context_data(self, **kwargs):\n        context = super().get_context_data(**kwargs)\n` +
  `        context["descriptions"] = self.descriptions\n        return context\n${more}`;
const DJANGO = 'from django.utils.translation import gettext_lazy as _';

let n = 0;
/** The lines of about.html's unescaped-output findings in a project whose view module is `python`. */
async function lines(python: string, page = PAGE, more: Record<string, string> = {}): Promise<number[]> {
  const files = { 'app/views.py': python, [TEMPLATE]: page, ...more };
  const ctx = makeMemoryContext(files, { profile: 'audit' }, `/virtual-fixed-py-${n++}`);
  const found = await codeAnalyzer.analyze(makeSourceFile(TEMPLATE, page), ctx);
  return found.filter((f) => f.ruleId === 'code/template-audit-unescaped').map((f) => f.location.startLine);
}

describe('translated fixed text walked by a template loop', () => {
  it.each([
    ['a list of translations', VIEW(DJANGO, '[_("One <b>bold</b> line."), _("Two " "parts.")]')],
    ['a tuple of plain literals', VIEW(DJANGO, '("<em>One</em>",)')],
    [
      'pgettext with a context',
      VIEW('from django.utils.translation import pgettext', '[pgettext("menu", "<b>x</b>")]'),
    ],
    ['flask_babel lazy_gettext', VIEW('from flask_babel import lazy_gettext as _l', '[_l("<b>x</b>")]')],
  ])('drops the output: %s', async (_name, python) => {
    expect(await lines(python)).toEqual([]);
  });

  it.each([
    ['a look-alike helper of the project', VIEW('from .texts import _', '[_("<b>x</b>")]')],
    ['a translation of a name', VIEW(DJANGO, '[_(TEXT)]')],
    ['a value formatted in', VIEW(DJANGO, '[_("Hi %s") % NAME]')],
    [
      'the attribute written in a method',
      VIEW(
        DJANGO,
        '[_("x")]',
        '\n    def setup(self, request):\n        self.descriptions = request.GET.getlist("d")\n',
      ),
    ],
  ])('keeps the output: %s', async (_name, python) => {
    expect(await lines(python)).toEqual([2]);
  });

  it('keeps it when a URL pattern gives the view the attribute', async () => {
    const urls = 'from .views import AboutView\n\nurlpatterns = [AboutView.as_view(descriptions=load())]\n';
    expect(await lines(VIEW(DJANGO, '[_("x")]'), PAGE, { 'app/urls.py': urls })).toEqual([2]);
  });

  it('keeps it when a subclass in another module overrides the attribute', async () => {
    const sub = 'from .views import AboutView\n\n\nclass Other(AboutView):\n    descriptions = load()\n';
    expect(await lines(VIEW(DJANGO, '[_("x")]'), PAGE, { 'app/other.py': sub })).toEqual([2]);
  });

  it('keeps it when the loop walks an expression or the name is bound again', async () => {
    const python = VIEW(DJANGO, '[_("x")]');
    expect(
      await lines(python, '{% for line in descriptions|slice:":2" %}{{ line|safe }}{% endfor %}\n'),
    ).toEqual([1]);
    expect(
      await lines(
        python,
        '{% for line in descriptions %}{% with line=request.GET.q %}{{ line|safe }}{% endwith %}{% endfor %}\n',
      ),
    ).toEqual([1]);
  });
});

describe('template-fixed-py helpers', () => {
  it('reads the translation names a module imports', () => {
    const text =
      'from django.utils.translation import (\n    gettext as g,  # short\n    ngettext,\n)\nfrom x import _\n';
    expect([...translationNames(text)]).toEqual(['g']);
  });

  it('finds the innermost loop binding a name', () => {
    const t = '{% for a in outer %}{% for b in inner %}[x]{% endfor %}[y]{% endfor %}';
    expect(loopSequence(t, t.indexOf('[x]'), 'a')).toBe('outer');
    expect(loopSequence(t, t.indexOf('[x]'), 'b')).toBe('inner');
    expect(loopSequence(t, t.indexOf('[y]'), 'b')).toBeUndefined();
    expect(loopSequence('{% for k, v in d %}[z]', 10, 'v')).toBeUndefined();
  });
});
