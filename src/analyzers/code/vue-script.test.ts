import { describe, expect, it } from 'vitest';
import { vueValueIsSanitized } from './vue-script.js';

const component = (script: string): string =>
  `<template><div v-html="html"></div></template>\n<script>\n${script}\n</script>\n`;

describe('vueValueIsSanitized', () => {
  it('reads a component whose script nests deeper than the JavaScript stack', () => {
    const n = 20_000;
    const deep = `const deep = ${'[\n'.repeat(n)}${']\n'.repeat(n)};`;
    const sanitized = 'export default { computed: { html() { return DOMPurify.sanitize(this.text); } } };';
    expect(vueValueIsSanitized(component(`${sanitized}\n${deep}`), 'html')).toBe(true);
    expect(
      vueValueIsSanitized(component(`${deep}\n${sanitized.replace('DOMPurify.sanitize', 'marked')}`), 'html'),
    ).toBe(false);
    const inside = `export default { computed: { html() { ${deep} return DOMPurify.sanitize(this.text); } } };`;
    expect(vueValueIsSanitized(component(inside), 'html')).toBe(true);
    const chain = `export default { computed: { html() { return DOMPurify.sanitize(this.text)${'\n.trim()'.repeat(n)}; } } };`;
    expect(vueValueIsSanitized(component(chain), 'html')).toBe(false);
  });

  it('takes sanitized markup with fixed text added as clean, and with data added as not', () => {
    const html = (ret: string) => component(`export default { computed: { html() { return ${ret}; } } };`);
    expect(
      vueValueIsSanitized(html("DOMPurify.sanitize(marked(this.text)).replace(/\\n/g, '<br>')"), 'html'),
    ).toBe(true);
    expect(vueValueIsSanitized(html('sanitizeHtml(this.text).trim()'), 'html')).toBe(true);
    expect(
      vueValueIsSanitized(html("DOMPurify.sanitize(this.text).replace('{name}', this.name)"), 'html'),
    ).toBe(false);
    expect(vueValueIsSanitized(html('DOMPurify.sanitize(this.text).concat(this.footer)'), 'html')).toBe(
      false,
    );
  });
});
