import { parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { callArguments } from './sinks.js';
import { ensurePython } from './languages.js';
import { dictLoggedArguments } from './log-dict-args.js';

/** The texts of the positional arguments of the module's last log call that are names bound only to dicts. */
function dicts(code: string): string[] {
  ensurePython();
  const calls = parse('python', code)
    .root()
    .findAll({ rule: { kind: 'call', regex: '^log\\.' } });
  const c = calls[calls.length - 1]!;
  const args = callArguments(c, true);
  const ids = dictLoggedArguments(c, args);
  return args.filter((a) => ids.has(a.id())).map((a) => a.text());
}

describe('dictLoggedArguments', () => {
  it('takes a name bound only to dict literals, comprehensions and dict()', () => {
    expect(dicts('def f(r):\n    d = {}\n    d[r.k] = r.v\n    log.debug(d)')).toEqual(['d']);
    expect(dicts('def f(r):\n    d = {k: v for k, v in r}\n    log.info("got %s", d)')).toEqual(['d']);
    expect(dicts('def f(r):\n    d = dict(r.args)\n    log.info("got %s", d)')).toEqual(['d']);
  });
  it('takes the answer of a module function whose every return is a dict literal', () => {
    const helper = 'def parse(p):\n    if not p:\n        return {}\n    return {"a": p.get("a")}\n';
    expect(dicts(`${helper}def f(r):\n    ps = parse(r.POST)\n    log.debug("bad: %s", ps)`)).toEqual(['ps']);
    const mixed = 'def parse(p):\n    if p:\n        return p.get("a")\n    return {}\n';
    expect(dicts(`${mixed}def f(r):\n    ps = parse(r.POST)\n    log.debug("bad: %s", ps)`)).toEqual([]);
  });
  it('keeps a name bound to anything else too, or a parameter', () => {
    expect(dicts('def f(r):\n    d = {}\n    if r.raw:\n        d = r.raw\n    log.debug(d)')).toEqual([]);
    expect(dicts('def f(r):\n    d = {}\n    for d in r.items:\n        pass\n    log.debug(d)')).toEqual([]);
    expect(dicts('def f(d):\n    d = {}\n    log.debug(d)')).toEqual([]);
    expect(dicts('def f(r):\n    d = {}\n    d += r.x\n    log.debug(d)')).toEqual([]);
    expect(dicts('def f(r):\n    a, d = r.pair\n    log.debug(d)')).toEqual([]);
  });
  it('keeps a dict a named placeholder or an unreadable format picks values from', () => {
    expect(dicts('def f(r):\n    d = {"u": r.u}\n    log.info("user %(u)s", d)')).toEqual([]);
    expect(dicts('def f(r):\n    d = {"u": r.u}\n    log.info(fmt, d)')).toEqual([]);
  });
});
