import { describe, expect, it } from 'vitest';
import { behindShellLogin, routesBehindLogin } from './shell-login.js';
import { scanAll, AUTH, SERVER, ROUTER, APP, traversal } from './test-shell-app.js';

describe('routes behind the login that opens the shell (shell-login.ts)', () => {
  it('does not report a route behind the shell’s login, and says why; keeps one before the guard, lowered', async () => {
    const found = await scanAll(APP);
    const own = traversal(found, 'server/index.js', 13);
    expect(own?.suppression?.kind).toBe('by-design');
    expect(own?.suppression?.reason).toContain('behind the login (authenticateToken)');
    expect(own?.suppression?.reason).toContain('shell at server/index.js:20');
    // Kept at its severity: only its report is withheld.
    expect(own?.severity).toBe('high');
    const mounted = traversal(found, 'server/routes/files.js', 5);
    expect(mounted?.suppression?.kind).toBe('by-design');
    // Registered before the guard: reachable without the login, reported as before (lowered, with the note).
    const early = traversal(found, 'server/index.js', 9);
    expect(early?.suppression).toBeUndefined();
    expect(early?.severity).toBe('medium');
    expect(early?.message).toContain('shell at server/index.js:20');
  });

  it('proves nothing behind a cookie login when the application does nothing against cross-site requests', async () => {
    // The session cookie goes with a request another site's page makes: the path in it is that page's.
    const session = `function authenticateToken(req, res, next) {
  if (req.session && req.session.user) return next();
  res.sendStatus(401);
}
function authenticateWebSocket(token) { return Boolean(token); }
module.exports = { authenticateToken, authenticateWebSocket };
`;
    const open = await scanAll({ ...APP, 'server/middleware/auth.js': session });
    const own = traversal(open, 'server/index.js', 13);
    expect(own?.suppression).toBeUndefined();
    expect(own?.severity).toBe('medium');
    expect(own?.message).toContain('shell at server/index.js:20');
    expect(traversal(open, 'server/routes/files.js', 5)?.suppression).toBeUndefined();
    // Cookies that stay on their own site, or a CSRF token, keep other sites' pages out: by design again.
    for (const defence of [
      "module.exports = { cookie: { httpOnly: true, sameSite: 'strict' } };\n",
      "const csrf = require('csurf');\nmodule.exports = csrf({ cookie: true });\n",
      // A token compared or verified by hand.
      'module.exports = (req, res, next) => (req.body._csrf !== req.session.csrfSecret ? res.sendStatus(403) : next());\n',
      'module.exports = (req, res, next) => (security.csrf.validate(req) ? next() : res.sendStatus(403));\n',
    ]) {
      const defended = await scanAll({
        ...APP,
        'server/middleware/auth.js': session,
        'server/security.js': defence,
      });
      expect(traversal(defended, 'server/index.js', 13)?.suppression?.kind).toBe('by-design');
    }
    // What only looks like a defence: an Origin reflected into CORS headers (it lets every page read the
    // replies), a CSRF check switched off, a comment naming one.
    for (const none of [
      "module.exports = (req, res, next) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*'); next(); };\n",
      'module.exports = { csrf: false, xsrfProtection: false };\n',
      '/* TODO: add csrf protection */\nmodule.exports = {};\n',
      // CSRF only named: an error text, a template variable left empty, a setting compared with false.
      "module.exports = (err, req, res, next) => res.status(403).send('possible CSRF attack');\n",
      "module.exports = (req, res, next) => { res.locals.csrfToken = ''; if (conf.csrf === false) warn(); next(); };\n",
    ]) {
      const open2 = await scanAll({
        ...APP,
        'server/middleware/auth.js': session,
        'server/security.js': none,
      });
      expect(traversal(open2, 'server/index.js', 13)?.suppression, none).toBeUndefined();
    }
    // An Origin compared, directly or through a name bound to it, is a defence.
    for (const check of [
      "module.exports = (req, res, next) => (req.headers.origin && req.headers.origin !== 'https://app.example.com' ? res.sendStatus(403) : next());\n",
      "module.exports = (req, res, next) => { const origin = req.get('origin'); if (origin && !ALLOWED.includes(origin)) return res.sendStatus(403); next(); };\n",
    ]) {
      const defended = await scanAll({
        ...APP,
        'server/middleware/auth.js': session,
        'server/security.js': check,
      });
      expect(traversal(defended, 'server/index.js', 13)?.suppression?.kind, check).toBe('by-design');
    }
    // A login by a header the page sets (the JWT above) needs no such defence.
    expect(traversal(await scanAll(APP), 'server/index.js', 13)?.suppression?.kind).toBe('by-design');
  });

  it('proves nothing for a router also mounted without the guard, or handed on', async () => {
    const twice = await scanAll({
      ...APP,
      'server/index.js': SERVER.replace(
        "app.use('/api/files', authenticateToken, filesRoutes);",
        "app.use('/api/files', authenticateToken, filesRoutes);\napp.use('/open', filesRoutes);",
      ),
    });
    expect(traversal(twice, 'server/routes/files.js', 5)?.suppression).toBeUndefined();
    const handed = await scanAll({
      ...APP,
      'server/index.js': SERVER.replace(
        "app.use('/api/files', authenticateToken, filesRoutes);",
        "app.use('/api/files', authenticateToken, filesRoutes);\nmountAll(app, [filesRoutes]);",
      ),
    });
    expect(traversal(handed, 'server/routes/files.js', 5)?.suppression).toBeUndefined();
  });

  it('proves nothing for another login, an optional one, or a shell given to admins only', async () => {
    // An API key checked in the app's own file is not the login that opens the shell.
    const apiKey = await scanAll({
      ...APP,
      'server/index.js': SERVER.replace(
        "app.get('/api/own', authenticateToken,",
        "const requireApiKey = (req, res, next) => (req.headers.key === process.env.KEY ? next() : res.end());\napp.get('/api/own', requireApiKey,",
      ),
    });
    expect(traversal(apiKey, 'server/index.js', 14)?.suppression).toBeUndefined();
    expect(traversal(apiKey, 'server/index.js', 14)?.message).toContain('shell at');
    const optional = await scanAll({
      ...APP,
      'server/middleware/auth.js': `${AUTH}module.exports.optionalAuth = authenticateToken;\n`,
      'server/index.js': SERVER.replace(
        '{ authenticateToken, authenticateWebSocket }',
        '{ authenticateToken, optionalAuth, authenticateWebSocket }',
      ).replace("app.get('/api/own', authenticateToken,", "app.get('/api/own', optionalAuth,"),
    });
    expect(traversal(optional, 'server/index.js', 13)?.suppression).toBeUndefined();
    const admins = await scanAll({
      ...APP,
      'server/index.js': SERVER.replace(
        'authenticateWebSocket(info.req.headers.token)',
        'authenticateWebSocket(info.req.headers.token).isAdmin',
      ),
    });
    for (const f of admins) expect(f.suppression).toBeUndefined();
  });

  it('keeps every finding at full severity in an application without a login', async () => {
    const open = await scanAll({
      'package.json': '{}',
      'server/index.js': SERVER.replace(
        "const { authenticateToken, authenticateWebSocket } = require('./middleware/auth');\n",
        '',
      )
        .replace(
          "app.use('/api/files', authenticateToken, filesRoutes);",
          "app.use('/api/files', filesRoutes);",
        )
        .replace("app.get('/api/own', authenticateToken,", "app.get('/api/own',")
        .replace(', verifyClient: (info) => authenticateWebSocket(info.req.headers.token)', ''),
      'server/routes/files.js': ROUTER,
    });
    const all = open.filter((f) => f.ruleId === 'code/js-path-traversal');
    expect(all).toHaveLength(3);
    for (const f of all) {
      expect(f.suppression).toBeUndefined();
      expect(f.severity).toBe('high');
    }
  });

  it('reads router.use(guard) in order, under its path', () => {
    const router = `const express = require('express');
const { requireLogin } = require('../auth');
const r = express.Router();
r.get('/a', (req, res) => res.send(req.query.x));
r.use('/admin', requireLogin);
r.get('/admin/b', (req, res) => res.send(req.query.x));
r.get('/c', (req, res) => res.send(req.query.x));
r.use(requireLogin);
r.get('/d', (req, res) => res.send(req.query.x));
module.exports = r;
`;
    const shell = `const { checkLogin } = require('./auth');\nconst r = require('./routes/r');\napp.use(r);\nwss.on('connection', (ws) => { if (!checkLogin(ws)) return; });\n`;
    const files = [
      { path: 'auth.js', text: 'module.exports = { requireLogin, checkLogin };' },
      { path: 'routes/r.js', text: router },
      { path: 'server.js', text: shell },
    ];
    const login = routesBehindLogin('server.js', files, (p) => files.some((f) => f.path === p));
    expect(login?.guard).toBe('requireLogin');
    const behind = [4, 6, 7, 9].map((line) => behindShellLogin(login!, 'routes/r.js', line));
    expect(behind).toEqual([false, true, false, true]);
    // A guard used only under a condition covers nothing after it.
    const maybe = files.map((f) =>
      f.path === 'routes/r.js'
        ? { ...f, text: f.text.replace('r.use(requireLogin);', 'if (process.env.AUTH) r.use(requireLogin);') }
        : f,
    );
    const m = routesBehindLogin('server.js', maybe, (p) => files.some((f) => f.path === p));
    expect(behindShellLogin(m!, 'routes/r.js', 9)).toBe(false);
    // A login module whose guards look at the route asked for may let some routes through.
    const skips = files.map((f) =>
      f.path === 'auth.js' ? { ...f, text: `${f.text}\nif (req.path === '/d') next();` } : f,
    );
    expect(routesBehindLogin('server.js', skips, (p) => files.some((f) => f.path === p))).toBeUndefined();
    // The shell's file takes no login function from the guard's module: nothing is proven.
    const other = files.map((f) =>
      f.path === 'server.js' ? { ...f, text: f.text.replace("require('./auth')", "require('./other')") } : f,
    );
    expect(routesBehindLogin('server.js', other, (p) => p !== 'other.js')).toBeUndefined();
  });

  it('takes a use(guard) to cover only later routes of its receiver in the same function', () => {
    const router = `const { requireLogin } = require('../auth');
function admin() { const r = express.Router(); r.use(requireLogin); r.get('/a', (req, res) => res.send(req.query.x)); return r; }
function open() {
  const r = express.Router();
  r.get('/p', (req, res) => res.send(req.query.x));
  return r;
}
const r = express.Router();
function secure() { r.use(requireLogin); }
r.get('/b', (req, res) => res.send(req.query.y));
secure();
module.exports = { admin, open, r };
`;
    const files = [
      { path: 'auth.js', text: 'module.exports = { requireLogin, checkLogin };' },
      { path: 'routes/r.js', text: router },
      {
        path: 'server.js',
        text: `const { checkLogin } = require('./auth');\nwss.on('connection', (ws) => { if (!checkLogin(ws)) return; });\n`,
      },
    ];
    const login = routesBehindLogin('server.js', files, (p) => files.some((f) => f.path === p));
    expect(login && behindShellLogin(login, 'routes/r.js', 2)).toBe(true);
    // Another function's router of the same name, and a route after a function that would add the guard.
    expect(login && behindShellLogin(login, 'routes/r.js', 5)).toBe(false);
    expect(login && behindShellLogin(login, 'routes/r.js', 10)).toBe(false);
  });

  it('reads every mount of a router module: another export, a member, a factory, a require in place', () => {
    const router = `const router = express.Router();
const api = express.Router();
router.get('/p', (req, res) => res.send(req.query.x));
api.get('/q', (req, res) => res.send(req.query.x));
module.exports = router;
module.exports.api = api;
`;
    const check = (open: string): boolean | undefined => {
      const server = `const { checkLogin, requireLogin } = require('./auth');
const files = require('./routes/r');
${open.includes('{ api }') ? '' : "const { api } = require('./routes/r');\n"}app.use('/x', requireLogin, files);
app.use('/y', requireLogin, api);
${open}
wss.on('connection', (ws) => { if (!checkLogin(ws)) return; });
`;
      const files = [
        { path: 'auth.js', text: 'module.exports = { requireLogin, checkLogin };' },
        { path: 'routes/r.js', text: router },
        { path: 'server.js', text: server },
      ];
      const login = routesBehindLogin('server.js', files, (p) => files.some((f) => f.path === p));
      return login && behindShellLogin(login, 'routes/r.js', 4);
    };
    // Every mount behind the guard: proven.
    expect(check('')).toBe(true);
    for (const open of [
      "app.use('/open', require('./routes/r'));",
      "app.use('/open', require('./routes/r').api);",
      "app.use('/open', files.api);",
      "const { api: publicApi } = require('./routes/r');\napp.use('/open', publicApi);",
    ])
      expect(check(open), open).toBeFalsy();
  });

  it('does not tell apart a handler behind the guard from an open one on the same line', () => {
    const router = `const { requireLogin } = require('../auth');
const r = express.Router();
r.get('/a', requireLogin, (req, res) => res.send(req.query.x)); r.get('/b', (req, res) => res.send(req.query.y));
r.get('/c', requireLogin, (req, res) => res.send(req.query.x));
module.exports = r;
`;
    const files = [
      { path: 'auth.js', text: 'module.exports = { requireLogin, checkLogin };' },
      { path: 'routes/r.js', text: router },
      {
        path: 'server.js',
        text: `const { checkLogin } = require('./auth');\nwss.on('connection', (ws) => { if (!checkLogin(ws)) return; });\n`,
      },
    ];
    const login = routesBehindLogin('server.js', files, (p) => files.some((f) => f.path === p));
    expect(login && behindShellLogin(login, 'routes/r.js', 3)).toBe(false);
    expect(login && behindShellLogin(login, 'routes/r.js', 4)).toBe(true);
  });

  it('takes no middleware of the login module that lets guests through, or a guard built to let them', () => {
    const check = (use: string): boolean | undefined => {
      const router = `const auth = require('../auth');
const { requireLogin, allowGuest, refreshToken } = require('../auth');
const r = express.Router();
r.get('/a', ${use}, (req, res) => res.send(req.query.x));
module.exports = r;
`;
      const files = [
        { path: 'auth.js', text: 'module.exports = { requireLogin, checkLogin, allowGuest, refreshToken };' },
        { path: 'routes/r.js', text: router },
        {
          path: 'server.js',
          text: `const { checkLogin } = require('./auth');\nwss.on('connection', (ws) => { if (!checkLogin(ws)) return; });\n`,
        },
      ];
      const login = routesBehindLogin('server.js', files, (p) => files.some((f) => f.path === p));
      return login && behindShellLogin(login, 'routes/r.js', 4);
    };
    expect(check('requireLogin')).toBe(true);
    expect(check('auth.requireLogin()')).toBe(true);
    for (const use of [
      'allowGuest',
      'refreshToken',
      'auth.requireLogin({ required: false })',
      "auth.requireLogin('anonymous')",
    ])
      expect(check(use), use).toBeFalsy();
  });

  it('proves nothing when the login function that opens the shell admits admins only', () => {
    const auth = (check: string): string => `const jwt = require('jsonwebtoken');
function requireLogin(req, res, next) { req.user = jwt.verify(req.headers.token, KEY); next(); }
function requireAdmin(req, res, next) { if (!req.user.isAdmin) return res.end(); next(); }
function checkLogin(token) {
  const user = jwt.verify(token, KEY);
  ${check}
  return user;
}
module.exports = { requireLogin, requireAdmin, checkLogin };
`;
    const router = `const { requireLogin } = require('../auth');
const r = express.Router();
r.get('/a', requireLogin, (req, res) => res.send(req.query.x));
module.exports = r;
`;
    const check = (body: string): boolean | undefined => {
      const files = [
        { path: 'auth.js', text: auth(body) },
        { path: 'routes/r.js', text: router },
        {
          path: 'server.js',
          text: `const { checkLogin } = require('./auth');\nwss.on('connection', (ws) => { if (!checkLogin(ws)) return; });\n`,
        },
      ];
      const login = routesBehindLogin('server.js', files, (p) => files.some((f) => f.path === p));
      return login && behindShellLogin(login, 'routes/r.js', 3);
    };
    // Another function of the module checking admins does not matter.
    expect(check('')).toBe(true);
    expect(check("if (user.role !== 'admin') throw new Error('no');")).toBeFalsy();
  });

  it('reads a hostile file’s deep nesting without overflowing the stack', () => {
    const server = `const { checkLogin, requireLogin } = require('./auth');
const files = require('./routes/r');
app.use(${'['.repeat(20000)}requireLogin${']'.repeat(20000)});
app.use(files${'.a'.repeat(20000)});
wss.on('connection', (ws) => { if (!checkLogin(ws)) return; });
`;
    const files = [
      { path: 'auth.js', text: 'module.exports = { requireLogin, checkLogin };' },
      {
        path: 'routes/r.js',
        text: "const r = express.Router();\nr.get('/p', (req, res) => res.send(req.query.x));\nmodule.exports = r;\n",
      },
      { path: 'server.js', text: server },
    ];
    const login = routesBehindLogin('server.js', files, (p) => files.some((f) => f.path === p));
    // The member chain is a mount of the router module, without the guard.
    expect(login && behindShellLogin(login, 'routes/r.js', 2)).toBeFalsy();
  });

  it('takes a use(guard) under a path with a wildcard inside it to cover nothing', () => {
    const router = `const { requireLogin } = require('../auth');
const r = express.Router();
r.use('/files/*/private', requireLogin);
r.get('/files/public', (req, res) => res.send(req.query.x));
r.use('/api/*', requireLogin);
r.get('/api/x', (req, res) => res.send(req.query.x));
module.exports = r;
`;
    const files = [
      { path: 'auth.js', text: 'module.exports = { requireLogin, checkLogin };' },
      { path: 'routes/r.js', text: router },
      {
        path: 'server.js',
        text: `const { checkLogin } = require('./auth');\nwss.on('connection', (ws) => { if (!checkLogin(ws)) return; });\n`,
      },
    ];
    const login = routesBehindLogin('server.js', files, (p) => files.some((f) => f.path === p));
    expect(login && behindShellLogin(login, 'routes/r.js', 4)).toBe(false);
    expect(login && behindShellLogin(login, 'routes/r.js', 6)).toBe(true);
  });

  it('proves nothing when the shell’s file uses the login function only in its routes', () => {
    const check = (shell: string): boolean | undefined => {
      const files = [
        { path: 'auth.js', text: 'module.exports = { requireLogin };' },
        { path: 'server.js', text: shell },
      ];
      const login = routesBehindLogin('server.js', files, (p) => files.some((f) => f.path === p));
      return login && behindShellLogin(login, 'server.js', 3);
    };
    const routes = `const { requireLogin } = require('./auth');
app.use(requireLogin);
app.get('/a', (req, res) => res.send(req.query.x));
`;
    // The shell's socket is open to anyone: the routes' login does not open it.
    expect(check(`${routes}wss.on('connection', (ws) => pty.spawn('bash'));\n`)).toBeFalsy();
    expect(
      check(
        `${routes}wss.on('connection', (ws) => { if (!requireLogin(ws)) return; pty.spawn('bash'); });\n`,
      ),
    ).toBe(true);
  });
});
