import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { confinedByRoute, groupConfines } from './route-pattern.js';

/** Whether each `req.params[n]` in `code` is confined for `sinkClass`, in source order. */
function confined(code: string, sinkClass: string): boolean[] {
  const root = parse(Lang.JavaScript, code).root();
  return root
    .findAll({ rule: { kind: 'subscript_expression', regex: '^req\\.params\\[' } })
    .map((n) => confinedByRoute(n, sinkClass));
}

describe('capture groups of RegExp routes', () => {
  it('confines a group whose alphabet leaves out the sink class metacharacters and %', () => {
    expect(groupConfines('[a-z0-9-]+', 'i', 'log')).toBe(true);
    expect(groupConfines('[a-zA-Z0-9:.-]+', '', 'log')).toBe(true);
    expect(groupConfines('\\w+\\.\\w+', '', 'path')).toBe(true);
    expect(groupConfines('[\\w%]+', '', 'log')).toBe(false);
    expect(groupConfines('.+', '', 'log')).toBe(false);
    expect(groupConfines('\\S+', '', 'log')).toBe(false);
    expect(groupConfines('[^\\s%]+', '', 'log')).toBe(true);
    expect(groupConfines('\\S+', '', 'path')).toBe(false);
    expect(groupConfines('[\\w.]+', '', 'path')).toBe(false);
    expect(groupConfines('a|b', '', 'log')).toBe(false);
    expect(groupConfines('\\w+\\x0a', '', 'log')).toBe(false);
    expect(groupConfines('[\\w\\x0a]+', '', 'log')).toBe(false);
    expect(groupConfines('\\w+', '', 'redirect')).toBe(false);
  });

  it('confines nothing, and does not throw, for a route literal the engine rejects', () => {
    // Tree-sitter parses these; `new RegExp` throws on `\-` under `u` and on an unknown flag.
    expect(groupConfines('\\-\\w+', 'u', 'path')).toBe(false);
    expect(groupConfines('\\w+', 'q', 'path')).toBe(false);
  });

  it('numbers groups by their opening parenthesis and skips non-capturing ones', () => {
    const code = `
      app.get(/^\\/(?:a|b)\\/([a-z]+)\\/(.+)$/, (req, res) => { log(req.params[0]); log(req.params[1]); });
      router.post(/^\\/x\\/(?<id>\\d+)$/, auth, function (req, res) { fs.stat(p, () => log(req.params[0])); });`;
    expect(confined(code, 'log')).toEqual([true, false, false]);
  });

  it('reads no group of a pattern that names one: Express versions number them differently', () => {
    // Express 4.21 numbers unnamed groups only: here req.params[0] is `(.*)`.
    const code = `app.get(/^\\/(?<kind>\\w+)\\/(.*)$/, (req, res) => log(req.params[0]));
      app.get(/^\\/(?<=x)(\\w+)$/, (req, res) => log(req.params[0]));`;
    expect(confined(code, 'log')).toEqual([false, true]);
  });

  it('needs the handler written in place in a route registration with a RegExp path', () => {
    const code = `
      app.get('/a/:x', (req, res) => log(req.params[0]));
      function h(req, res) { log(req.params[0]); }
      app.get(/^\\/b\\/(\\w+)$/, h);
      queue.process(/^(\\w+)$/, (req) => log(req.params[0]));
      app.get(/^\\/c\\/((\\w+)\\/x)$/, (req, res) => log(req.params[0]));`;
    expect(confined(code, 'log')).toEqual([false, false, false, false]);
  });
});
