import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

// The rule's own example projects: a layout writing configuration settings raw, and the code that sets them.
const EXAMPLES = join(import.meta.dirname, '../../../rules/code/tests/template-unescaped-output');

function project(name: string): Record<string, string> {
  return Object.fromEntries(
    ['views/layout.html', 'lib/config.js'].map((p) => [p, readFileSync(join(EXAMPLES, name, p), 'utf8')]),
  );
}

let n = 0;
/** The lines of the layout's unescaped-output findings, and the lines its `ruleid` comments mark. */
async function review(name: string): Promise<{ found: number[]; marked: number[] }> {
  const files = project(name);
  const layout = files['views/layout.html']!;
  const ctx = makeMemoryContext(files, {}, `/virtual-config-setting-${n++}`);
  const found = (await codeAnalyzer.analyze(makeSourceFile('views/layout.html', layout), ctx))
    .filter((f) => f.ruleId === 'code/template-unescaped-output')
    .map((f) => f.location.startLine);
  const marked = layout
    .split('\n')
    .flatMap((l, i) => (/ruleid: code\/template-unescaped-output/.test(l) ? [i + 2] : []));
  return { found, marked };
}

describe('a configuration setting the project writes only with fixed text', () => {
  it('is dropped, also when a number from a date is joined to it', async () => {
    expect((await review('good.config-setting')).found).toEqual([]);
  });

  it('stays when a route writes it from the request, its name is short, or it is not a setting', async () => {
    const r = await review('bad.config-setting');
    expect(r.marked).toHaveLength(3);
    expect(r.found).toEqual(r.marked);
  });
});
