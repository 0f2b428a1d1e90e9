import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

const TEMPLATE = 'app/templates/summary.html';
const PAGE = [
  '{% load markdown %}',
  '<p>{{ mlist.description }}</p>',
  '{% autoescape off %}',
  '  {% markdown_value mlist.info %}',
  '{% endautoescape %}',
  '',
].join('\n');
const HEAD = 'from django import template\n\nregister = template.Library()\n\n';
const README = `from django import template\nfrom readme_renderer import markdown as md_render\n\nregister = template.Library()\n\n`;

let n = 0;
/**
 * The lines of summary.html's autoescape-off findings in a project whose tags module is `python` (an audit-profile
 * rule since stop 57).
 */
async function lines(python: string, page = PAGE): Promise<number[]> {
  const files = { 'app/templatetags/markdown.py': python, [TEMPLATE]: page };
  const ctx = makeMemoryContext(files, { profile: 'audit' }, `/virtual-autoescape-tags-${n++}`);
  const found = await codeAnalyzer.analyze(makeSourceFile(TEMPLATE, page), ctx);
  return found.filter((f) => f.ruleId === 'code/template-autoescape-off').map((f) => f.location.startLine);
}

describe('autoescape off around a project tag that writes sanitized markup', () => {
  it.each([
    [
      'readme_renderer through an import alias',
      `${README}@register.simple_tag()\ndef markdown_value(value):\n    return md_render.render(value)\n`,
    ],
    [
      'readme_renderer by its module path',
      `${HEAD}import readme_renderer.markdown\n\n@register.simple_tag()\ndef markdown_value(value):\n    return readme_renderer.markdown.render(value)\n`,
    ],
    [
      'nh3 after a Markdown render',
      `${HEAD}import markdown\nimport nh3\n\n@register.simple_tag()\ndef markdown_value(value):\n    return nh3.clean(markdown.markdown(value))\n`,
    ],
  ])('is dropped for %s', async (_, python) => {
    expect(await lines(python)).toEqual([]);
  });

  it('stays when the tag keeps raw HTML, or the block writes anything else', async () => {
    // Python-Markdown keeps raw HTML: `<script>` in the text runs.
    expect(
      await lines(
        `${HEAD}import markdown\n\n@register.simple_tag()\ndef markdown_value(value):\n    return markdown.markdown(value)\n`,
      ),
    ).toEqual([3]);
    const sanitizing = `${README}@register.simple_tag()\ndef markdown_value(value):\n    return md_render.render(value)\n`;
    // A variable beside the tag is written raw.
    expect(
      await lines(sanitizing, PAGE.replace('{% markdown_value', '{{ mlist.info }}{% markdown_value')),
    ).toEqual([3]);
    // An include writes another template's outputs raw.
    expect(
      await lines(sanitizing, PAGE.replace('{% markdown_value mlist.info %}', '{% include "info.html" %}')),
    ).toEqual([3]);
    // A name the project also assigns is not only the sanitizing function.
    expect(await lines(`${sanitizing}\nmarkdown_value = lambda value: value\n`)).toEqual([3]);
    // An import alias of another module under the same name.
    expect(
      await lines(
        sanitizing.replace(
          'from readme_renderer import markdown as md_render',
          'import markdown as md_render',
        ),
      ),
    ).toEqual([3]);
  });
});
