import { describe, expect, it } from 'vitest';
import { Lang, parse } from '@ast-grep/napi';
import {
  absoluteAlsoRefused,
  dotdotCheck,
  exposedAlong,
  pyRootExposed,
  regexOnlyDotdot,
  rootExposed,
} from './dotdot-guard.js';
import { ensurePython } from './languages.js';

ensurePython();
const PY = 'python' as Lang;

const first = (code: string, kind: string) => {
  const n = parse(Lang.JavaScript, code).root().find({ rule: { kind } });
  if (!n) throw new Error(`no ${kind} in ${code}`);
  return n;
};

describe('regexOnlyDotdot', () => {
  it('reads a regular expression that asks only for `..`', () => {
    expect(regexOnlyDotdot('\\.\\.')).toBe(true);
    expect(regexOnlyDotdot('(^|\\/)\\.\\.(\\/|$)')).toBe(true);
    expect(regexOnlyDotdot('(?:^|[\\\\/])\\.\\.(?:[\\\\/]|$)')).toBe(true);
  });

  it('does not take a check that also refuses a separator, or a list of allowed characters, for one', () => {
    expect(regexOnlyDotdot('\\.\\.|^\\/')).toBe(false);
    expect(regexOnlyDotdot('^[\\w.-]+$')).toBe(false);
    expect(regexOnlyDotdot('\\.\\.|[\\\\/]')).toBe(false);
    expect(regexOnlyDotdot('\\.\\.\\w+')).toBe(false);
  });
});

describe('dotdotCheck', () => {
  it('reads the one literal outside the checked value', () => {
    expect(dotdotCheck(first('/\\.\\./.test(m[1])', 'call_expression'), 'm[1]')).toBe(true);
    expect(dotdotCheck(first("name.includes('../')", 'call_expression'), 'name')).toBe(true);
    expect(dotdotCheck(first("name.split('/').includes('..')", 'call_expression'), "name.split('/')")).toBe(
      true,
    );
    expect(dotdotCheck(first("name.includes('.')", 'call_expression'), 'name')).toBe(false);
    expect(dotdotCheck(first('/^[\\w-]+$/.test(name)', 'call_expression'), 'name')).toBe(false);
  });
});

describe('dotdotCheck beside an absolute-path refusal', () => {
  const check = (code: string) => {
    const m = parse(Lang.JavaScript, code)
      .root()
      .find({ rule: { kind: 'call_expression', regex: '\\.\\.' } });
    if (!m) throw new Error(`no check in ${code}`);
    return dotdotCheck(m, 'name');
  };

  it('is a full check when the same side also refuses an absolute name', () => {
    expect(check("if (name.includes('..') || path.isAbsolute(name)) return;")).toBe(false);
    expect(check("if (!name.includes('..') && !(path.isAbsolute(name))) use(name);")).toBe(false);
    expect(check("if (a || (name.includes('..') || isAbsolute(name))) return;")).toBe(false);
  });

  it('stays a `..` check when the refusal does not hold on that side, or tests another value', () => {
    expect(check("if (name.includes('..') && path.isAbsolute(name)) return;")).toBe(true);
    expect(check("if (!name.includes('..') || !path.isAbsolute(name)) use(name);")).toBe(true);
    expect(check("if (name.includes('..') || path.isAbsolute(dir)) return;")).toBe(true);
    expect(check("if (name.includes('..') || name.startsWith('/')) return;")).toBe(true);
  });
});

describe('rootExposed', () => {
  const use = (code: string) =>
    parse(Lang.JavaScript, code)
      .root()
      .findAll({ rule: { kind: 'identifier', regex: '^name$' } })[0]!;

  it('counts a value handed as it is to path.resolve, the first place of path.join, or an fs call', () => {
    expect(rootExposed(use('path.resolve(base, name)'))).toBe(true);
    expect(rootExposed(use("path.join(name, 'HEAD')"))).toBe(true);
    expect(rootExposed(use('fs.readFile(name, cb)'))).toBe(true);
  });

  it('not a value joined after a base, nor a promise settled with it', () => {
    expect(rootExposed(use('path.join(base, name)'))).toBe(false);
    expect(rootExposed(use("base + '/' + name"))).toBe(false);
    expect(rootExposed(use('resolve(name)'))).toBe(false);
  });
});

describe('pyRootExposed', () => {
  const use = (code: string) =>
    parse(PY, code)
      .root()
      .findAll({ rule: { kind: 'identifier', regex: '^name$' } })[0]!;

  it('counts any part of os.path.join, a Path, a path after `/`, and the first argument of open', () => {
    expect(pyRootExposed(use('os.path.join(base, name)'))).toBe(true);
    expect(pyRootExposed(use("os.path.join(base, 'sub', name, 'x')"))).toBe(true);
    expect(pyRootExposed(use('Path(base) / name'))).toBe(true);
    expect(pyRootExposed(use('open(name)'))).toBe(true);
    expect(pyRootExposed(use('shutil.rmtree(name)'))).toBe(true);
  });

  it('not text joined after a base, nor a later argument of open', () => {
    expect(pyRootExposed(use("base + '/' + name"))).toBe(false);
    expect(pyRootExposed(use('open(base, name)'))).toBe(false);
    expect(pyRootExposed(use('name / 2'))).toBe(false);
  });
});

describe('exposedAlong', () => {
  const at = (code: string) => {
    const root = parse(Lang.JavaScript, code).root();
    const fns = (n: string) =>
      root
        .findAll({
          rule: {
            any: [
              { kind: 'function_declaration' },
              { kind: 'method_definition' },
              { kind: 'arrow_function' },
            ],
          },
        })
        .filter((f) => (f.field('name')?.text() ?? f.parent()?.field('left')?.text().split('.').pop()) === n);
    const use = root.find({ rule: { kind: 'subscript_expression', regex: '^m\\[1\\]$' } })!;
    return exposedAlong(use, fns);
  };

  it('follows a copy and a helper of the file to the path.resolve it hands the value to', () => {
    expect(
      at(
        'var repo = m[1]; self.exists(repo); class R { exists(n) { fs.exists(this.dir(n)) } }; this.dir = (d) => path.resolve(b, d);',
      ),
    ).toBe(true);
    expect(at('function open(n) { return fs.readFileSync(n) } open(m[1]);')).toBe(true);
  });

  it('not a helper that joins the value after its base', () => {
    expect(
      at('var repo = m[1]; self.exists(repo); class R { exists(n) { fs.exists(path.join(b, n)) } }'),
    ).toBe(false);
    expect(at("const f = '/srv/' + m[1];")).toBe(false);
  });
});

describe('absoluteAlsoRefused', () => {
  /** The `..` check of `name` in a Python condition. */
  const check = (code: string) => {
    const n = parse(PY, code)
      .root()
      .find({ rule: { kind: 'comparison_operator', regex: "^'\\.\\.'" } });
    if (!n) throw new Error(`no check in ${code}`);
    return n;
  };

  it('reads an absolute check of the same value beside the `..` one', () => {
    expect(absoluteAlsoRefused(check("'..' in name or name.startswith('/')"), 'name')).toBe(true);
    expect(absoluteAlsoRefused(check("'..' in name or os.path.isabs(name)"), 'name')).toBe(true);
    expect(absoluteAlsoRefused(check("not ('..' in name or os.path.isabs(name))"), 'name')).toBe(true);
    expect(absoluteAlsoRefused(check("len(name) > 9 or '..' in name or name[0] == '/'"), 'name')).toBe(true);
  });

  it('not an `and`, a negated absolute check, another value, nor a check in another alternative', () => {
    expect(absoluteAlsoRefused(check("'..' in name and os.path.isabs(name)"), 'name')).toBe(false);
    expect(absoluteAlsoRefused(check("'..' in name or os.path.isabs(other)"), 'name')).toBe(false);
    expect(absoluteAlsoRefused(check("'..' in name or not os.path.isabs(name)"), 'name')).toBe(false);
    expect(absoluteAlsoRefused(check("'..' in name or (debug and os.path.isabs(name))"), 'name')).toBe(false);
    expect(absoluteAlsoRefused(check("('..' in name and strict) or os.path.isabs(name)"), 'name')).toBe(
      false,
    );
  });
});
