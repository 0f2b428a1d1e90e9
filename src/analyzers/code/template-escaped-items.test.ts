import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { TEMPLATE_INDEX_FILES } from './template-index.js';

// The rule's own example project: a Flask view escaping each result's content before rendering the list.
const DIR = join(
  import.meta.dirname,
  '../../../rules/code/tests/template-audit-unescaped/good.view-escaped-items-py/app',
);
const PROJECT = Object.fromEntries(
  ['webapp.py', 'templates/result.html', 'templates/results.html'].map((p) => [
    `app/${p}`,
    readFileSync(join(DIR, p), 'utf8'),
  ]),
);

let n = 0;
/** The lines of result.html's unescaped-output findings, with `more` files in the project, and the warnings. */
async function review(more: Record<string, string>): Promise<{ lines: number[]; warnings: string }> {
  const path = 'app/templates/result.html';
  const ctx = makeMemoryContext(
    { ...PROJECT, ...more },
    { profile: 'audit' },
    `/virtual-escaped-items-${n++}`,
  );
  const found = await codeAnalyzer.analyze(makeSourceFile(path, PROJECT[path]!), ctx);
  const lines = found
    .filter((f) => f.ruleId === 'code/template-audit-unescaped')
    .map((f) => f.location.startLine);
  return { lines, warnings: ctx.warnings.join('\n') };
}

describe("an item's key the Python view escapes before rendering the list", () => {
  it('is dropped when the project is read', async () => {
    expect((await review({})).lines).toEqual([]);
  });

  it('stays, with a warning, when the project holds more Python files than a template index reads', async () => {
    const more: Record<string, string> = {};
    for (let i = 0; i < TEMPLATE_INDEX_FILES.files + 1; i++) more[`app/gen/m${i}.py`] = '';
    const r = await review(more);
    expect(r.lines).toEqual([2]);
    expect(r.warnings).toMatch(/result\.html: template review incomplete: .* not read/);
  });
});
