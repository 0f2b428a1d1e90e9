import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { confinedByRoute, confinedByStringRoute, groupConfines } from './route-pattern.js';

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

/** Whether each `req.params.NAME` in `code` is confined for `sinkClass` by its string route, in source order. */
function confinedNamed(code: string, sinkClass: string): boolean[] {
  const root = parse(Lang.JavaScript, code).root();
  return root
    .findAll({ rule: { kind: 'member_expression', regex: '^req\\.params\\.\\w+$' } })
    .map((n) => confinedByStringRoute(n, n.field('property')!.text(), sinkClass));
}

describe('parameters a string route gives their own pattern', () => {
  // The route texts as written in JavaScript source: `'[\\w]+'` is the pattern [\w]+.
  it('confines a parameter whose pattern admits no path or log metacharacter', () => {
    const code = String.raw`
      app.get('/:id/sprite:scale(@[23]x)?.:format([\\w]+)', (req, res) => {
        fs.readFile(item.sprite + req.params.scale + '.' + req.params.format, done);
        fs.readFile(req.params.id, done);
      });
      router.get(${'`'}/fonts/:range(\\d+-\\d+).pbf${'`'}, function (req, res) { log(req.params.range); });`;
    expect(confinedNamed(code, 'path')).toEqual([true, true, false, true]);
    expect(confinedNamed(code, 'log')).toEqual([true, true, false, true]);
  });

  it('does not confine a pattern that admits a dot, a slash or %, repeats over segments, or nests a group', () => {
    const code = String.raw`
      app.get('/f/:name([\\w.]+)', (req, res) => send(req.params.name));
      app.get('/g/:p(\\w+)*', (req, res) => send(req.params.p));
      app.get('/h/:q([^/]+)', (req, res) => send(req.params.q));
      app.get('/i/:r((\\w+))', (req, res) => send(req.params.r));
      app.get('/j/:s([\\w%]+)', (req, res) => send(req.params.s));`;
    expect(confinedNamed(code, 'path')).toEqual([false, false, false, false, false]);
  });

  it('needs the pattern on the same name, in a string route whose handler holds the read', () => {
    const code = String.raw`
      app.get('/a/:form([\\w]+)/:format', (req, res) => send(req.params.format));
      app.get(${'`'}/b/${'$'}{base}/:t(\\w+)${'`'}, (req, res) => send(req.params.t));
      function h(req, res) { send(req.params.u); }
      app.get('/c/:u(\\w+)', h);`;
    expect(confinedNamed(code, 'path')).toEqual([false, false, false]);
  });
});
