import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { appConditionHolds, appFolderOf, browserChunk, withoutLineComments } from './app-scope.js';
import { codeAnalyzer } from './index.js';
import { compileTrigger } from './sources.js';

let seq = 0;

/** Every file of an in-memory project analyzed as a scan does; the findings of one rule. */
async function scanAll(files: Record<string, string>, rule: string): Promise<RawFinding[]> {
  // A root of its own per call: application facts are kept per root and folder.
  const ctx = makeMemoryContext(files, {}, `/virtual-app-${++seq}`);
  const out: RawFinding[] = [];
  for (const [path, text] of Object.entries(files)) {
    // A script without an extension is analyzed when its #! line runs Node (as the walk decides).
    if (!/\.(js|ts)$/.test(path) && !(/^[^.]+$/.test(path.split('/').pop()!) && text.startsWith('#!')))
      continue;
    out.push(...(await codeAnalyzer.analyze(makeSourceFile(path, text), ctx)));
  }
  return out.filter((f) => f.ruleId === rule);
}

const APP = `const express = require('express');
const session = require('express-session');
const routes = require('./routes');
const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SECRET, resave: false, saveUninitialized: false }));
app.use('/', routes);
app.listen(3000);
`;

const ROUTES = `const router = require('express').Router();
router.post('/cart/add', (req, res) => {
  req.session.cart.push(req.body.product);
  res.redirect('/cart');
});
module.exports = router;
`;

describe('application-wide rules (code/js-missing-csrf)', () => {
  it('reports sessions set up in one file when another registers a POST route and nothing checks CSRF', async () => {
    const found = await scanAll(
      { 'package.json': '{}', 'app.js': APP, 'routes/index.js': ROUTES },
      'code/js-missing-csrf',
    );
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual(['app.js:6']);
  });

  it('reads a Node script without an extension (bin/www) as a file of its application', async () => {
    const www = `#!/usr/bin/env node\n${APP}`;
    const found = await scanAll(
      { 'package.json': '{}', 'bin/www': www, 'routes/index.js': ROUTES, LICENSE: 'MIT' },
      'code/js-missing-csrf',
    );
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual(['bin/www:7']);
    const csrf = `#!/usr/bin/env node\nconst lusca = require('lusca');\nrequire('../app').use(lusca.csrf());\n`;
    const files = { 'package.json': '{}', 'app.js': APP, 'routes/index.js': ROUTES, 'bin/www': csrf };
    expect(await scanAll(files, 'code/js-missing-csrf')).toEqual([]);
  });

  it('stays quiet when any file of the application adds CSRF middleware', async () => {
    const csrf = `const lusca = require('lusca');\nmodule.exports = (app) => app.use(lusca.csrf());\n`;
    const files = { 'package.json': '{}', 'app.js': APP, 'routes/index.js': ROUTES, 'lib/security.js': csrf };
    expect(await scanAll(files, 'code/js-missing-csrf')).toEqual([]);
  });

  it('is not fooled by a comment that only names CSRF', async () => {
    const todo = `// TODO: add CSRF protection\n${ROUTES}`;
    const found = await scanAll(
      { 'package.json': '{}', 'app.js': APP, 'routes/index.js': todo },
      'code/js-missing-csrf',
    );
    expect(found).toHaveLength(1);
  });

  it('needs a state-changing route somewhere in the application', async () => {
    const reads = ROUTES.replace('router.post', 'router.get');
    expect(
      await scanAll(
        { 'package.json': '{}', 'app.js': APP, 'routes/index.js': reads },
        'code/js-missing-csrf',
      ),
    ).toEqual([]);
  });

  it('needs a body a cross-site form can send: an application that parses only JSON is left out', async () => {
    const json = APP.replace('express.urlencoded({ extended: false })', 'express.json()');
    expect(
      await scanAll(
        { 'package.json': '{}', 'app.js': json, 'routes/index.js': ROUTES },
        'code/js-missing-csrf',
      ),
    ).toEqual([]);
  });

  it("reads only the application's own code: a minified client bundle that mentions urlencoded is not a parser", async () => {
    const json = APP.replace('express.urlencoded({ extended: false })', 'express.json()');
    const bundle = `!function(e){var t="application/x-www-form-urlencoded";${'e.a=1;'.repeat(900)}}(window);\n`;
    const files = {
      'package.json': '{}',
      'app.js': json,
      'routes/index.js': ROUTES,
      'public/js/app.min.js': bundle,
    };
    expect(await scanAll(files, 'code/js-missing-csrf')).toEqual([]);
  });

  it('gives one finding per application: the source file before a test that sets up sessions too', async () => {
    const files = {
      'package.json': '{}',
      'test/app.test.js': APP,
      'server/app.js': APP,
      'routes/index.js': ROUTES,
    };
    const found = await scanAll(files, 'code/js-missing-csrf');
    expect(found.map((f) => f.location.path)).toEqual(['server/app.js']);
  });

  it('reports in the first file where the rule matches, not where its words only occur', async () => {
    // A TypeScript augmentation names the module and sorts first, but sets nothing up.
    const augment = `import 'express-session';\ndeclare module 'express-session' {\n  interface SessionData {\n    user: string;\n  }\n}\n`;
    const files = {
      'package.json': '{}',
      'index.js': augment.replace(/declare[\s\S]*/, "require('./server/app');\n"),
      'server/app.js': APP,
      'routes/index.js': ROUTES,
    };
    const found = await scanAll(files, 'code/js-missing-csrf');
    expect(found.map((f) => f.location.path)).toEqual(['server/app.js']);
  });

  it('decides on the files it can read when another file of the application cannot be read', async () => {
    const files = {
      'package.json': '{}',
      'app.js': APP,
      'routes/index.js': ROUTES,
      'lib/gone.js': 'x = 1;\n',
    };
    const ctx = makeMemoryContext(files, {}, `/virtual-app-${++seq}`);
    const read = ctx.readFile.bind(ctx);
    // A file removed or grown past the size limit after the walk: the core's read throws.
    ctx.readFile = (p) => (p === 'lib/gone.js' ? Promise.reject(new Error('ENOENT')) : read(p));
    const found = await codeAnalyzer.analyze(makeSourceFile('app.js', APP), ctx);
    expect(found.map((f) => f.ruleId)).toContain('code/js-missing-csrf');
  });

  it('decides each package of a monorepo on its own files', async () => {
    const files = {
      'package.json': '{}',
      'shop/package.json': '{}',
      'shop/app.js': APP,
      'shop/routes/index.js': ROUTES,
      'admin/package.json': '{}',
      'admin/app.js': APP,
      'admin/routes/index.js': ROUTES,
      'admin/csrf.js': "module.exports = require('csurf')({ cookie: false });\n",
    };
    const found = await scanAll(files, 'code/js-missing-csrf');
    expect(found.map((f) => f.location.path)).toEqual(['shop/app.js']);
  });

  it("reads a package's compiled dist/ as its own code when it is the only copy (a defence there counts)", async () => {
    // TypeScript compiled to dist/ with its declaration files, no src/: the scan reads dist/ as the program.
    const files: Record<string, string> = {
      'package.json': '{}',
      'dist/app.js': APP,
      'dist/app.d.ts': 'export {};\n',
      'dist/routes/index.js': ROUTES,
      'dist/routes/index.d.ts': 'export {};\n',
    };
    const found = await scanAll(files, 'code/js-missing-csrf');
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual(['dist/app.js:6']);
    files['dist/csrf.js'] = "module.exports = require('csurf')({ cookie: false });\n";
    files['dist/csrf.d.ts'] = 'export {};\n';
    expect(await scanAll(files, 'code/js-missing-csrf')).toEqual([]);
    // A build that is not the only copy (its src/ beside it) is still not read: its defence is not the program's.
    files['src/app.ts'] = APP;
    files['src/routes/index.ts'] = ROUTES;
    const again = await scanAll(files, 'code/js-missing-csrf');
    expect(again.map((f) => f.location.path)).toContain('src/app.ts');
  });

  it('finds the application folder of a file and strips whole-line comments only', () => {
    const paths = new Set(['package.json', 'a/package.json', 'a/b/c.js']);
    expect(appFolderOf('a/b/c.js', paths)).toBe('a');
    expect(appFolderOf('x/y.js', paths)).toBe('');
    expect(withoutLineComments("// csrf\n  * csrf\nconst t = req.get('x-csrf-token'); // csrf")).toBe(
      "\n\nconst t = req.get('x-csrf-token'); ",
    );
    expect(withoutLineComments("app.use(session()); // no csrf yet\nconst u = 'http://x/csrf';")).toBe(
      "app.use(session()); \nconst u = 'http://x/csrf';",
    );
  });

  it('strips a block comment that opens a line, down to its end, keeping its line breaks', () => {
    const text =
      "/* template:\n  if (socket.request.headers.cookie) next()\n*/ io.use(mw);\nconst g = '/*'; // x\n";
    expect(withoutLineComments(text)).toBe("\n\n io.use(mw);\nconst g = '/*'; \n");
    // One left open is left to the line rules: its own line goes, the next stays.
    expect(withoutLineComments('  /* open\nrun();')).toBe('\nrun();');
    const t0 = Date.now();
    const many = '/* a */\n'.repeat(50_000) + '/*\n'.repeat(50_000);
    expect(withoutLineComments(many).length).toBeLessThan(many.length);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('strips trailing comments in linear time (a scanned file is hostile input)', () => {
    expect(withoutLineComments("a(); // x // y\nb('//'); // z 'q'\nc(); //d\r\n")).toBe(
      "a(); \nb('//'); // z 'q'\nc(); \n",
    );
    const t0 = Date.now();
    const line = `x${' //'.repeat(100_000)}'`;
    expect(withoutLineComments(line)).toBe(line);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('a check given by a name (unlessNamed)', () => {
  const app = {
    requires: [compileTrigger('io\\.listen')],
    unlessNamed: {
      regex: String.raw`\.set\(\s*'origins'\s*,\s*(?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\)`,
      refuses: String.raw`'\*`,
    },
  };
  const holds = (...texts: string[]) => appConditionHolds(app, ['io.listen(server);', ...texts]);

  it('counts unless some file gives the name a refused value, also as a default', () => {
    expect(holds("var allowed = 'a.example:443';\nio.set('origins', allowed);")).toBe(false);
    expect(holds("var allowed = '*:*';\nio.set('origins', allowed);")).toBe(true);
    expect(holds("io.set('origins', conf.origins);", "module.exports = { origins: env.O || '*:*' };")).toBe(
      true,
    );
    expect(holds("io.set('origins', conf.origins);", "conf.origins = 'a.example:443';")).toBe(false);
    // A comparison is no assignment, and a longer name is another one.
    expect(holds("io.set('origins', allowed);\nif (allowed == '*:*') warn();")).toBe(false);
    expect(holds("var allowedAll = '*:*';\nio.set('origins', allowed);")).toBe(false);
  });
  it('takes a value written in place for no name', () => {
    expect(holds("io.set('origins', true);")).toBe(true);
    expect(holds("io.set('origins', null);")).toBe(true);
  });
});

const MODEL_ROUTES = `const express = require('express');
const Product = require('./models/product');
const app = express();
app.use(express.json());
app.post('/check', async (req, res) => {
  res.json(await Product.count({ permalink: req.body.permalink }));
});
app.post('/remove', async (req, res) => {
  res.json(await Product.deleteMany({ owner: req.body.owner }));
});
`;

describe('a taint rule kept where the application says so (app.each: code/js-nosql-injection)', () => {
  it('keeps every finding of a file when another file of the application names MongoDB', async () => {
    const model = `const mongoose = require('mongoose');\nmodule.exports = mongoose.model('Product', new mongoose.Schema({}));\n`;
    const found = await scanAll(
      { 'package.json': '{}', 'app.js': MODEL_ROUTES, 'models/product.js': model },
      'code/js-nosql-injection',
    );
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual(['app.js:6', 'app.js:9']);
  });

  it('drops them in an application whose own models sit over SQL and that names no MongoDB client', async () => {
    const model = `const db = require('./db');\nmodule.exports = { count: (where) => db.count('products', where) };\n`;
    const found = await scanAll(
      { 'package.json': '{}', 'app.js': MODEL_ROUTES, 'models/product.js': model },
      'code/js-nosql-injection',
    );
    expect(found).toEqual([]);
  });

  // The filter is written in a helper module that a route of another file gives the request body: the
  // finding sits in the helper, and is decided on the same application's files as one written in the route.
  const HELPER = `exports.removeBatch = function (store, body) {\n  store.remove(body.name);\n};\n`;
  const CALLER = `const express = require('express');\nconst util = require('./lib/util');\nconst store = require('./lib/store');\nconst app = express();\napp.use(express.json());\napp.post('/remove', (req, res) => {\n  util.removeBatch(store, req.body);\n  res.end();\n});\n`;

  it('asks the condition of a finding reported in another file of the application too', async () => {
    const store = `const fs = require('fs');\nexports.remove = (name) => fs.rmSync('/var/lib/app/' + Number(name));\n`;
    const files = { 'package.json': '{}', 'app.js': CALLER, 'lib/util.js': HELPER, 'lib/store.js': store };
    expect(await scanAll(files, 'code/js-nosql-injection')).toEqual([]);
    const mongo = `const { MongoClient } = require('mongodb');\nconst c = new MongoClient(process.env.URL).db('a').collection('b');\nexports.remove = (q) => c.deleteMany(q);\n`;
    const found = await scanAll({ ...files, 'lib/store.js': mongo }, 'code/js-nosql-injection');
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual(['lib/util.js:2']);
  });

  // Ghost's admin client: a webpack chunk of the page's Sentry tracing lists `Mongo` among its integrations,
  // while the server's models sit over SQL (Bookshelf and knex).
  const CHUNK = (head: string): string =>
    `${head}(globalThis.webpackChunk_admin=globalThis.webpackChunk_admin||[]).push([[808],{42808:(t,a,r)=>{var e=r(76401)\nconst n={Express:e.N1,Mongo:e._P,Mysql:e.mW,Postgres:e.EI}}}]);\n`;
  const SQL = `const db = require('./db');\nmodule.exports = { count: (where) => db.count('products', where) };\n`;

  it('does not read a webpack chunk built for the browser as the application naming MongoDB', async () => {
    for (const head of [
      '',
      '"use strict";',
      '/*! For license information see chunk.808.js.LICENSE.txt */\n',
    ]) {
      const files = {
        'package.json': '{}',
        'app.js': MODEL_ROUTES,
        'models/product.js': SQL,
        'built/assets/chunk.808.js': CHUNK(head),
      };
      expect(await scanAll(files, 'code/js-nosql-injection')).toEqual([]);
    }
    expect(browserChunk('(window["webpackJsonp"] = window["webpackJsonp"] || []).push([[0], {}]);')).toBe(
      true,
    );
    expect(browserChunk('(self.webpackChunkapp = self.webpackChunkapp || []).push([[1], {}]);')).toBe(true);
    expect(browserChunk('/* a */ // b\n/* c */ "use strict"; (self.webpackChunkapp = [])')).toBe(true);
  });

  it('reads the head of a file in linear time, each comment to its first end', () => {
    // Code between comments is never skipped as part of one: a pattern that let a comment reach a later end took
    // exponential time on a file opening with many short comments.
    const many = `/* a */ x = 1; ${'/* b */ y(); '.repeat(300)}(self.webpackChunkapp = [])`;
    const started = performance.now();
    expect(browserChunk(many)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('still reads a server file that names MongoDB beside webpack words', async () => {
    // A Node build's chunk is loaded with require (`exports.modules = …`); a file that merely mentions the global
    // further down is the application's code.
    const node = `exports.id = 3;\nexports.modules = { 9: (m) => { m.exports = require('mongodb'); } };\n`;
    const files = {
      'package.json': '{}',
      'app.js': MODEL_ROUTES,
      'models/product.js': SQL,
      'server/chunks/3.js': node,
    };
    expect((await scanAll(files, 'code/js-nosql-injection')).length).toBe(2);
    const later = `const mongoose = require('mongoose');\n(self.webpackChunkapp = self.webpackChunkapp || []).push([[1], {}]);\n`;
    expect(browserChunk(later)).toBe(false);
    const both = { 'package.json': '{}', 'app.js': MODEL_ROUTES, 'models/product.js': later };
    expect((await scanAll(both, 'code/js-nosql-injection')).length).toBe(2);
  });
});

describe('what the application declares (app.unlessDependency: code/js-request-prototype-builtin)', () => {
  const handler = `const router = require('express').Router();
router.get('/r', async (req, res) => {
  res.json({ all: req.query.hasOwnProperty('all') });
});
module.exports = router;
`;
  const manifest = (express: unknown, field = 'dependencies') =>
    JSON.stringify({ name: 'svc', [field]: { express } });
  const lines = async (files: Record<string, string>) =>
    (await scanAll(files, 'code/js-request-prototype-builtin')).map(
      (f) => `${f.location.path}:${f.location.startLine}`,
    );

  it('is quiet where the package.json gives Express 5 only, and reports Express 4 or a range reaching it', async () => {
    expect(await lines({ 'package.json': manifest('^5.1.0'), 'routes.js': handler })).toEqual([]);
    expect(
      await lines({ 'package.json': manifest('>=5', 'peerDependencies'), 'routes.js': handler }),
    ).toEqual([]);
    for (const range of ['^4.21.2', '^4 || ^5', '*', 'latest', 'npm:express@5', '^5.0.0-beta.3'])
      expect(await lines({ 'package.json': manifest(range), 'routes.js': handler }), range).toEqual([
        'routes.js:3',
      ]);
  });

  it('reads the nearest package.json, and a manifest that names no Express (or none, or a broken one) as Express 4', async () => {
    const files = {
      'package.json': manifest('^5.0.0'),
      'routes.js': handler,
      'legacy/package.json': manifest('~4.18.0'),
      'legacy/routes.js': handler,
    };
    expect(await lines(files)).toEqual(['legacy/routes.js:3']);
    expect(await lines({ 'package.json': '{"dependencies":{"koa":"^2"}}', 'routes.js': handler })).toEqual([
      'routes.js:3',
    ]);
    expect(await lines({ 'package.json': '{not json', 'routes.js': handler })).toEqual(['routes.js:3']);
    expect(await lines({ 'routes.js': handler })).toEqual(['routes.js:3']);
    // Express 5 in dependencies but 4 still allowed beside it (a dev copy) may be what runs: reported.
    const both = JSON.stringify({
      dependencies: { express: '^5.0.0' },
      devDependencies: { express: '^4.0.0' },
    });
    expect(await lines({ 'package.json': both, 'routes.js': handler })).toEqual(['routes.js:3']);
  });
});
