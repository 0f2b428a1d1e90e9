import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

const FIELD = `import React from 'react';
import coloredSwatch from './colored-swatch';
import { tick } from './icons';
const { label } = require('./labels');

export function Swatch({ value }) {
  if (value) return <span dangerouslySetInnerHTML={{ __html: coloredSwatch }} />;
  return <i dangerouslySetInnerHTML={{ __html: tick }} />;
}
export function Label() {
  return <b dangerouslySetInnerHTML={{ __html: label }} />;
}
`;

/** The rules the code analyzer reports on fields/color.js beside `modules`, as `rule line`. */
async function findings(modules: Record<string, string>): Promise<string[]> {
  const files = { 'fields/color.js': FIELD, ...modules };
  const found = await codeAnalyzer.analyze(
    makeSourceFile('fields/color.js', FIELD),
    // js-dangerously-set-inner-html, the rule these fields exercise, runs in the opt-in audit profile.
    makeMemoryContext(files, { profile: 'audit' }),
  );
  return found.map((f) => `${f.ruleId} ${f.location.startLine}`);
}

describe("a name imported from another module is what that module's text binds it to", () => {
  it('drops markup the module fixes: module.exports, an exported const, exports.name', async () => {
    expect(
      await findings({
        'fields/colored-swatch.js':
          'module.exports = (\n  `<svg width="24"><rect fill="currentColor" /></svg>`\n);\n',
        'fields/icons.js': 'export const tick = \'<svg viewBox="0 0 10 10"></svg>\';\n',
        'fields/labels.js': "exports.label = '<em>' + 'new' + '</em>';\n",
      }),
    ).toEqual([]);
  });

  it('keeps the match when the module builds the value at run time, or cannot be read', async () => {
    expect(
      await findings({
        'fields/colored-swatch.js': 'module.exports = window.location.hash.slice(1);\n',
        'fields/icons.js': 'export let tick = "<b>";\ntick = document.title;\n',
      }),
    ).toEqual([
      'code/js-dangerously-set-inner-html 7',
      'code/js-dangerously-set-inner-html 8',
      'code/js-dangerously-set-inner-html 11',
    ]);
  });
});
