import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { routeParamOf, validatedParamAt, validatedParams } from './param-validators.js';

const names = (code: string): string[] =>
  [...validatedParams(parse(Lang.JavaScript, code).root()).keys()].sort();

describe('route parameters validated with app.param / router.param', () => {
  it('takes a callback named for checking, or one written in place that tests the value and can refuse it', () => {
    const code = `
      app.param('package', validate_pkg);
      app.param('tag', Middleware.validate_name);
      app.param('_rev', match(/^-rev$/));
      router.param('id', (req, res, next, id) => /^\\d+$/.test(id) ? next() : res.sendStatus(404));
      router.param('theme', function (req, res, next, t) { if (!THEMES.includes(t)) return next(new Error('no')); next(); });`;
    expect(names(code)).toEqual(['_rev', 'id', 'package', 'tag', 'theme']);
  });

  it('does not take loaders, callbacks that cannot refuse, or other .param calls', () => {
    const code = `
      router.param('user', loadUser);
      router.param('doc', (req, res, next, d) => { req.doc = d; next(); });
      router.param('q', (req, res, next, q) => { if (/x/.test(q)) log(q); next(); });
      url.searchParams.param(name, validate);`;
    expect(names(code)).toEqual([]);
  });

  it('does not take a callback whose test is of something else than the value (a login check)', () => {
    const code = `
      router.param('name', function (req, res, next, name) {
        if (!req.session.user) return res.status(403).send('log in');
        if (config.admins.includes(req.session.user)) req.isAdmin = true;
        next();
      });
      router.param('file', (req, res, next) => (checkLogin(req) ? next() : res.sendStatus(401)));
      router.param('dir', (req, res, next) => (/^\\w+$/.test(req.params.dir) ? next() : next('route')));`;
    expect(names(code)).toEqual(['dir']);
  });

  it("counts on the router that declares the check only: another router's routes are not checked", () => {
    // Express runs a param callback only for the routes of the router it is declared on.
    const root = parse(
      Lang.JavaScript,
      `
      admin.param('file', validateName);
      admin.get('/admin/:file', (req, res) => res.sendFile(req.params.file));
      admin.route('/raw/:file').get((req, res) => res.sendFile(req.params.file));
      pub.get('/dl/:file', (req, res) => res.sendFile(req.params.file));
      function named(req, res) { res.sendFile(req.params.file); }`,
    ).root();
    const validated = validatedParams(root);
    const at = root
      .findAll({ rule: { pattern: 'req.params.file' } })
      .map((n) => validatedParamAt(validated, 'file', n));
    // A handler written apart (registered elsewhere by name) is taken as checked, as before.
    expect(at).toEqual([true, true, false, true]);
  });

  it('reads the parameter off a request access path only', () => {
    expect(routeParamOf('req.params.tag')).toBe('tag');
    expect(routeParamOf('request.params.id')).toBe('id');
    expect(routeParamOf('req.params')).toBeUndefined();
    expect(routeParamOf('req.params.tag.length')).toBeUndefined();
    expect(routeParamOf('req.query.tag')).toBeUndefined();
  });
});
