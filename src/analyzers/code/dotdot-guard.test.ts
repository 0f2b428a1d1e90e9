import { describe, expect, it } from 'vitest';
import { Lang, parse } from '@ast-grep/napi';
import { dotdotCheck, regexOnlyDotdot, rootExposed } from './dotdot-guard.js';

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
