import { describe, expect, it } from 'vitest';
import { SecretEngine } from './engine.js';
import { endsInsideDocstring } from './python-docstring.js';
import { SECRET_RULES } from './rules.js';
import { expandTemplate, seededRandom } from './test-tokens.js';

const HERE = '<<HERE>>';
const inside = (code: string): boolean => endsInsideDocstring(code.slice(0, code.indexOf(HERE)));

describe('endsInsideDocstring', () => {
  it.each([
    [
      'a method under a decorator',
      '@staticmethod\ndef f(url):\n    """\n    For example ' + HERE + '\n    """\n',
    ],
    ['a signature over lines', 'def f(url,\n      asset=None) -> bool:\n    r"""Takes ' + HERE + '"""\n'],
    ['a class', "class A(B):\n    '''\n    " + HERE + "\n    '''\n"],
    ['the module', '#!/usr/bin/env python3\n# A comment\n\n"""Tool.\n\n' + HERE + '\n"""\nimport os\n'],
    ['after an earlier closed string', 'X = """a"""\n\ndef f():\n    """Doc ' + HERE + '"""\n'],
  ])('%s', (_, code) => {
    expect(inside(code)).toBe(true);
  });
  it.each([
    ['an assigned template', 'CONF = """\n[db]\n' + HERE + '\n"""\n'],
    ['a call argument', 'def f():\n    cur.execute(\n        """\n        ' + HERE + '\n        """)\n'],
    ['a dictionary value', 'def f():\n    d = {\n        \'conf\':\n            """' + HERE + '"""}\n'],
    ['an if block', 'def f():\n    x = 1\n    if x:\n        """' + HERE + '"""\n'],
    ['after the docstring closed', 'def f():\n    """Doc."""\n    x = "' + HERE + '"\n'],
    ['a quote inside a comment', 'def f():\n    # say """\n    x = "' + HERE + '"\n'],
    ['a triple quote inside a one-line string', 'def f():\n    q = \'"""\'\n    x = "' + HERE + '"\n'],
  ])('not %s', (_, code) => {
    expect(inside(code)).toBe(false);
  });
});

describe('weak passwords in a Python docstring', () => {
  const engine = new SecretEngine(SECRET_RULES);
  const scan = (text: string, path = 'pkg/notify.py') =>
    engine.scan(Buffer.from(text), { path, name: 'notify.py', ext: 'py', productNames: [] });
  // A made-up weak password, built here so the repository's own scan does not read one in this file.
  const weak = ['my', 'password'].join('');
  const doc = (example: string) =>
    `class Notify:\n    @staticmethod\n    def instantiate(url):\n        """\n        The URL may be written as\n          ${example}\n        """\n        return url\n`;
  it('drops a weak password in a method docstring (an example URL or dictionary)', () => {
    expect(scan(doc(`mailto://user:${weak}@google.com`))).toEqual([]);
    expect(scan(doc("{ 'user': 'myuser', 'password': 'password1' }"))).toEqual([]);
  });
  it('keeps a strong one there, and a weak one in a template or a default the code sets', () => {
    const strong = expandTemplate('<<a62:14>>#9', seededRandom(7));
    expect(scan(doc(`mailto://user:${strong}@google.com`)).length).toBeGreaterThan(0);
    const template = `CONF = """\n[smtp]\nurl = mailto://user:${weak}@google.com\n"""\n`;
    expect(scan(template).map((d) => d.ruleId)).toContain('secrets/weak-password');
    const code =
      "class Notify:\n    def login(self):\n        return connect(user='admin', password='password1')\n";
    expect(scan(code).map((d) => d.ruleId)).toContain('secrets/weak-password');
  });
});
