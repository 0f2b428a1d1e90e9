import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { unguardedRoutes } from './route-guards.js';

function routes(src: string): { route: string; guard: string; guarded: number; siblings: number }[] {
  const root = parse(Lang.JavaScript, src).root();
  const calls = root.findAll({
    rule: { pattern: '$R.$M($P, $$$A)' },
    constraints: { M: { regex: '^(get|post|put|patch|delete|all)$' } },
  });
  return unguardedRoutes(calls).map(({ route, guard, guarded, siblings }) => ({
    route,
    guard,
    guarded,
    siblings,
  }));
}

describe('unguardedRoutes', () => {
  it('names the guard the siblings share and how many use it', () => {
    const src = [
      "r.post('/a', auth.required, h);",
      "r.post('/b', auth.required, h);",
      "r.post('/c', [auth.required, canEdit], h);",
      "r.post('/d', h);",
    ].join('\n');
    expect(routes(src)).toEqual([{ route: 'POST /d', guard: 'auth.required', guarded: 3, siblings: 3 }]);
  });

  it('compares each receiver and each kind of route on its own', () => {
    const src = [
      "a.post('/a', requireLogin, h);",
      "a.post('/b', requireLogin, h);",
      "a.post('/c', requireLogin, h);",
      "b.post('/d', h);",
      "a.get('/e', h);",
    ].join('\n');
    expect(routes(src)).toEqual([]);
  });

  it('needs three guarded routes and three quarters of the group', () => {
    const two = "r.put('/a', isAdmin, h);\nr.put('/b', isAdmin, h);\nr.put('/c', h);";
    expect(routes(two)).toEqual([]);
    const half =
      "r.put('/a', isAdmin, h);\nr.put('/b', isAdmin, h);\nr.put('/c', isAdmin, h);\nr.put('/d', h);\nr.put('/e', h);";
    expect(routes(half)).toEqual([]);
  });

  it('leaves out the routes a guard given to use() covers, with or without a prefix', () => {
    const covered = [
      "r.use('/admin', ensureAuth);",
      "r.post('/admin/a', isAdmin, h);",
      "r.post('/admin/b', isAdmin, h);",
      "r.post('/admin/c', isAdmin, h);",
      "r.post('/admin/d', h);",
    ].join('\n');
    expect(routes(covered)).toEqual([]);
    const whole = covered.replace("r.use('/admin', ensureAuth);", 'r.use(ensureAuth);');
    expect(routes(whole)).toEqual([]);
    const elsewhere = covered.replace("r.use('/admin', ensureAuth);", "r.use('/api', ensureAuth);");
    expect(routes(elsewhere)).toEqual([
      { route: 'POST /admin/d', guard: 'isAdmin', guarded: 3, siblings: 3 },
    ]);
  });

  it('does not take set-up middleware given to use() for a guard: sessions, passport set-up, mounted routers', () => {
    const routes4 = [
      "app.post('/admin/a', isAdmin, h);",
      "app.post('/admin/b', isAdmin, h);",
      "app.post('/admin/c', isAdmin, h);",
      "app.post('/admin/d', h);",
    ].join('\n');
    const open = [{ route: 'POST /admin/d', guard: 'isAdmin', guarded: 3, siblings: 3 }];
    for (const setup of [
      'app.use(session({ secret: process.env.SECRET }));',
      'app.use(expressSession({ secret: process.env.SECRET }));',
      'app.use(cookieSession({ keys }));',
      'app.use(sessionMiddleware);',
      'app.use(passport.initialize());',
      'app.use(passport.session());',
      "app.use(require('./routes/public'));",
      "app.use(require('./routes/auth'));",
      "app.use(require('./admin-router'));",
      "app.use(require('cookie-session'));",
      'app.use(adminRouter);',
      'app.use(authRoutes);',
      'app.use(accessLogger);',
    ])
      expect(routes(`${setup}\n${routes4}`), setup).toEqual(open);
    // A guard given to use() still covers the routes, also a middleware module required in place.
    for (const guard of [
      "app.use(require('./middleware/require-auth'));",
      "app.use(require('../lib/ensure-logged-in'));",
      'app.use(requireSession);',
      "app.use(passport.authenticate('jwt'));",
      'app.use(auth.required);',
    ])
      expect(routes(`${guard}\n${routes4}`), guard).toEqual([]);
  });

  it("leaves out the npm registry protocol's sign-up and sign-in, not the user routes beside them", () => {
    const src = [
      "r.put('/:name', login, publishable, save);",
      "r.put('/:name/:tag', login, editable, tag);",
      "r.put('/:name/-rev/:rev', login, editable, update);",
      "r.put('/-/user/org.couchdb.user::name', addUser);",
      "r.post('/_session', createSession);",
    ].join('\n');
    expect(routes(src)).toEqual([]);
    const profile = src.replace(
      "r.post('/_session', createSession);",
      "r.put('/-/user/:name/profile', saveProfile);",
    );
    expect(routes(profile)).toEqual([
      { route: 'PUT /-/user/:name/profile', guard: 'login', guarded: 3, siblings: 3 },
    ]);
  });

  it("reads a Koa 1 generator handler's own check of this.user, and names a handler given by name", () => {
    const guarded = ["r.put('/a', login, a);", "r.put('/b', login, b);", "r.put('/c', login, c);"].join('\n');
    const inline = `${guarded}\nr.put('/d', function* () { if (!this.user.isAdmin) this.status = 403; });`;
    expect(routes(inline)).toEqual([]);
    const unchecked = `${guarded}\nr.put('/d', function* () { this.body = yield run(this.params); });`;
    expect(routes(unchecked)).toEqual([{ route: 'PUT /d', guard: 'login', guarded: 3, siblings: 3 }]);
    const root = parse(Lang.JavaScript, `${guarded}\nr.put('/d', sync.sync);`).root();
    const calls = root.findAll({ rule: { pattern: '$R.put($P, $$$A)' } });
    expect(unguardedRoutes(calls).map((u) => u.handlerName)).toEqual(['sync.sync']);
  });
});
