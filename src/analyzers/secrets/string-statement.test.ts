import { describe, expect, it } from 'vitest';
import { inStringStatement } from './string-statement.js';

/** Whether the marker `@@` of `src` (removed) lies in a string statement. */
const at = (src: string) => inStringStatement(src.replace('@@', ''), src.indexOf('@@'));

describe('inStringStatement', () => {
  it('finds docstrings and bare triple-quoted strings', () => {
    expect(at('"""Module @@help."""\nimport os\n')).toBe(true);
    expect(at("class A:\n    r'''\n    @@x\n    '''  # note\n")).toBe(true);
    expect(at('def f(a=")", b=[1]):\n    """Use @@it."""\n')).toBe(true);
  });

  it('reads comments, escapes and one-line strings as the tokenizer does', () => {
    // A triple quote in a comment or inside another string opens nothing.
    expect(at('# say """\nx = 1  # @@not a string\n')).toBe(false);
    expect(at('x = "\\"\\"\\""\ny = f(@@)\n')).toBe(false);
    expect(at('s = \'"""\'\nt = """\n@@v\n"""\n')).toBe(false);
  });

  it('leaves out strings the program uses', () => {
    expect(at('T = """\n@@v\n"""\n')).toBe(false);
    expect(at('f(\n    """\n@@v\n""")\n')).toBe(false);
    expect(at('def f():\n    """\n@@v\n""".strip()\n')).toBe(false);
    expect(at('def f():\n    f"""\n@@v\n"""\n')).toBe(false);
    expect(at('def f():\n    """\n@@v\n')).toBe(false);
  });
});
