import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { withoutLiteralMacroArgs } from './template-macro-args.js';
import { unescapedOutputs } from './templates.js';

let n = 0;
/** The lines of the raw outputs of `path` that the stage keeps, with `files` as the project. */
async function kept(path: string, files: Record<string, string>): Promise<number[]> {
  const text = files[path]!;
  const findings = unescapedOutputs(text, 'html').map((o) => ({
    ruleId: 'code/template-audit-unescaped',
    location: { startLine: o.line, startColumn: o.column },
  }));
  const ctx = makeMemoryContext(files, { profile: 'audit' }, `/virtual-macro-args-${n++}`);
  const out = await withoutLiteralMacroArgs(findings as never, makeSourceFile(path, text), ctx);
  return (out as typeof findings).map((f) => f.location.startLine);
}

const MACRO = `{% macro link(label) %}\n<a>{{ label|safe }}</a>\n{% endmacro %}\n`;

describe('macro parameters written raw', () => {
  it('drops the output when every call passes fixed text, keeps it when one passes a value', async () => {
    expect(await kept('t/_m.html', { 't/_m.html': MACRO, 't/a.html': "{{ m.link('<b>x</b>') }}" })).toEqual(
      [],
    );
    expect(
      await kept('t/_m.html', { 't/_m.html': MACRO, 't/a.html': "{{ m.link('x') }}{{ m.link(q) }}" }),
    ).toEqual([2]);
  });

  it('reads a file of many macros in time proportional to its size', async () => {
    // 4000 macros, each writing its parameter raw, every call passing a value: all kept. Reading each
    // macro's lines from the start of the file and every output for every macro took seconds here.
    const many = Array.from({ length: 4000 }, (_, k) => `{% macro m${k}(a) %}{{ a|safe }}{% endmacro %}`);
    const text = many.join('\n') + '\n' + many.map((_, k) => `{{ m${k}(q) }}`).join('\n');
    const lines = await kept('t/many.html', { 't/many.html': text });
    expect(lines).toHaveLength(4000);
  }, 3000);
});
