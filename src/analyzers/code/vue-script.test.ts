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
  });
});
