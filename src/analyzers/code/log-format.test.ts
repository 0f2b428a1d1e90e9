import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { callArguments } from './sinks.js';
import { ensurePython } from './languages.js';
import { escapedLogArguments, formatConversions, unescapedFStringParts } from './log-format.js';

/** The first call of a line of Python. */
function call(code: string): SgNode {
  ensurePython();
  const node = parse('python', code)
    .root()
    .find({ rule: { kind: 'call' } });
  if (!node) throw new Error(code);
  return node;
}

/** The texts of the positional arguments a logging call's format writes escaped. */
function escaped(code: string): string[] {
  const c = call(code);
  const args = callArguments(c, true);
  const ids = escapedLogArguments(c, args);
  return args.filter((a) => ids.has(a.id())).map((a) => a.text());
}

describe('formatConversions', () => {
  it('reads the conversions of a literal format in order, %% left out', () => {
    const first = (code: string) => formatConversions(callArguments(call(code), true)[0]!);
    expect(first('log.info("%s at 100%% by %r, %5.2f", a, b, c)')).toEqual(['s', 'r', 'f']);
    expect(first("log.info('plain')")).toEqual([]);
  });
  it('gives up on what it cannot map to arguments', () => {
    const first = (code: string) => formatConversions(callArguments(call(code), true)[0]!);
    expect(first('log.info(f"{a} %r", b)')).toBeUndefined();
    expect(first('log.info("%(name)r", {"name": a})')).toBeUndefined();
    expect(first('log.info("%*d %r", w, n, b)')).toBeUndefined();
    expect(first('log.info(fmt, a)')).toBeUndefined();
  });
});

describe('escapedLogArguments', () => {
  it('takes the arguments written with %r, %a or a number conversion', () => {
    expect(escaped('log.debug("Bad JSON: %r", body)')).toEqual(['body']);
    expect(escaped('log.warning("%s asked %r for %d bytes", user, path, size)')).toEqual(['path', 'size']);
    expect(escaped('log.warning("%a", name)')).toEqual(['name']);
  });
  it('keeps %s arguments, extra arguments and a splatted list', () => {
    expect(escaped('log.info("login for %s", user)')).toEqual([]);
    expect(escaped('log.info("%r", a, b)')).toEqual(['a']);
    expect(escaped('log.info("%s %r", *args)')).toEqual([]);
    expect(escaped('log.info(msg, a)')).toEqual([]);
  });
  it('reads a format string marked for translation', () => {
    expect(escaped("LOG.error(_LE('Failed to proxy to %r: %s'), url, e)")).toEqual(['url']);
    expect(escaped("log.info(_('%s asked %r'), user, path)")).toEqual(['path']);
    expect(escaped("log.info(gettext('%r'), a)")).toEqual(['a']);
  });
  it('keeps the arguments of any other call or a marker with more than the message', () => {
    expect(escaped("log.info(fmt('%r'), a)")).toEqual([]);
    expect(escaped("log.info(_('%r', extra), a)")).toEqual([]);
    expect(escaped("log.info(_('%s'), a)")).toEqual([]);
  });
});

describe('unescapedFStringParts', () => {
  /** The texts of the values an f-string (the call's first argument) still writes as they are. */
  const parts = (code: string) =>
    unescapedFStringParts(callArguments(call(code), true)[0]!)?.map((n) => n.text());
  it('leaves out interpolations written with !r, !a or a number format', () => {
    expect(parts('log.warning(f"Not allowing {url!r}")')).toEqual([]);
    expect(parts('log.warning(f"{n:d} bytes for {url!a} by {user}")')).toEqual(['user']);
    expect(parts('log.warning(f"{size:>8.2f} {path!r} {req.host}")')).toEqual(['req.host']);
  });
  it('checks the whole string when nothing is escaped or it is no f-string', () => {
    expect(parts('log.warning(f"{url} {body!s} {name:>20}")')).toBeUndefined();
    expect(parts('log.warning("%r" % url)')).toBeUndefined();
    expect(parts('log.warning(msg)')).toBeUndefined();
  });
});
