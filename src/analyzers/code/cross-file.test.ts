import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

/** Analyzes one file of an in-memory project the way a scan does (the other files are readable). */
async function scan(files: Record<string, string>, entry: string): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-${Object.keys(files).join('-')}`);
  return codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
}

const DAO = `const db = require('../db');

function find(id) {
  const sql = "SELECT * FROM users WHERE id = '" + id + "'";
  return db.query(sql);
}

function findSafe(id) {
  return db.query('SELECT * FROM users WHERE id = $1', [id]);
}

module.exports = { find, findSafe };
`;

describe('cross-file taint (JavaScript)', () => {
  it('follows a route handler into a DAO that concatenates SQL: one finding at the sink, the path through both files', async () => {
    const files = {
      'routes/user.js': `const express = require('express');
const dao = require('../dao/user');
const router = express.Router();

router.get('/user', (req, res) => {
  const id = req.query.id;
  res.json(dao.find(id));
});
module.exports = router;
`,
      'dao/user.js': DAO,
      'db.js': 'module.exports = { query() {} };\n',
    };
    const found = await scan(files, 'routes/user.js');
    const sql = found.filter((f) => f.ruleId === 'code/js-sql-injection');
    expect(sql).toHaveLength(1);
    const f = sql[0]!;
    expect(f.location.path).toBe('dao/user.js');
    expect(f.location.startLine).toBe(5);
    expect(f.flow?.map((s) => `${s.kind} ${s.path}:${s.line}`)).toEqual([
      'source routes/user.js:6',
      'step routes/user.js:6',
      'step routes/user.js:7',
      'step dao/user.js:3',
      'step dao/user.js:4',
      'sink dao/user.js:5',
    ]);
    expect(f.message).toContain('id (parameter) (dao/user.js:3) → sql (line 4) → db.query(sql) (line 5)');
  });

  const route = (imp: string, call: string): string => `${imp}
const router = require('express').Router();
router.get('/user', (req, res) => {
  res.json(${call}(req.query.id));
});
`;

  it.each([
    ['an ES module import', `import * as dao from '../dao/user.js';`, 'dao.find'],
    ['a named import under another name', `import { find as lookup } from '../dao/user';`, 'lookup'],
    [
      'a destructured require under another name',
      `const { find: lookup } = require('../dao/user');`,
      'lookup',
    ],
    ['a member of a require', `const lookup = require('../dao/user').find;`, 'lookup'],
  ])('resolves %s', async (_name, imp, call) => {
    const files = { 'routes/user.js': route(imp, call), 'dao/user.js': DAO, 'db.js': '' };
    const found = await scan(files, 'routes/user.js');
    expect(found.filter((f) => f.ruleId === 'code/js-sql-injection').map((f) => f.location.path)).toEqual([
      'dao/user.js',
    ]);
  });

  it.each([
    ['a parameterised query', `const { findSafe } = require('../dao/user');`, 'findSafe'],
    ['a module outside the scanned tree', `const { find } = require('dao-user');`, 'find'],
  ])('stays quiet on %s', async (_name, imp, call) => {
    const files = { 'routes/user.js': route(imp, call), 'dao/user.js': DAO, 'db.js': '' };
    expect((await scan(files, 'routes/user.js')).filter((f) => f.ruleId === 'code/js-sql-injection')).toEqual(
      [],
    );
  });

  it('stops at a budget of source bytes, not of time: the same on an idle and a busy machine', async () => {
    // Three helpers of 1.9 MB each (within the per-file limit) come before the DAO: past 4 MB of
    // loaded source the DAO is not loaded, whatever the clock says.
    const filler = `// ${'x'.repeat(70)}\n`.repeat(Math.floor((1.9 * 1024 * 1024) / 74));
    const imports = ['a', 'b', 'c'].map((n) => `import { helper as ${n} } from '../lib/${n}.js';`).join('\n');
    const files = {
      'routes/user.js': route(`${imports}\nimport { find } from '../dao/user.js';`, 'find'),
      'lib/a.js': filler,
      'lib/b.js': filler,
      'lib/c.js': filler,
      'dao/user.js': DAO,
      'db.js': '',
    };
    const warnings: string[] = [];
    const ctx = {
      ...makeMemoryContext(files, {}, '/virtual-budget'),
      warn: (m: string) => void warnings.push(m),
    };
    const found = await codeAnalyzer.analyze(makeSourceFile('routes/user.js', files['routes/user.js']), ctx);
    expect(found.filter((f) => f.ruleId === 'code/js-sql-injection')).toEqual([]);
    expect(warnings.join('\n')).toMatch(
      /cross-file taint analysis stopped at its budget \(24 modules, 4 MB of source/,
    );
    // Two helpers stay within the budget: the flow into the DAO is found.
    const two = {
      ...files,
      'routes/user.js': route(
        `import { helper as a } from '../lib/a.js';\nimport { helper as b } from '../lib/b.js';\nimport { find } from '../dao/user.js';`,
        'find',
      ),
    };
    expect(
      (await scan(two, 'routes/user.js')).filter((f) => f.ruleId === 'code/js-sql-injection'),
    ).toHaveLength(1);
  });

  it('goes through a service layer to the DAO (three files) and through import cycles', async () => {
    const files = {
      'routes/user.js': route(`import { byId } from '../services/user';`, 'byId'),
      'services/user.js': `import { find } from '../dao/user';\nimport { byId as again } from './user';\nexport function byId(id) {\n  return find(String(id));\n}\n`,
      'dao/user.js': DAO,
      'db.js': '',
    };
    const [f, ...rest] = (await scan(files, 'routes/user.js')).filter(
      (x) => x.ruleId === 'code/js-sql-injection',
    );
    expect(rest).toEqual([]);
    expect(f?.flow?.map((s) => s.path)).toEqual(
      expect.arrayContaining(['routes/user.js', 'services/user.js', 'dao/user.js']),
    );
  });

  it('passes taint back through an imported helper, and not through an imported sanitiser', async () => {
    const helpers = `export function pick(v) { return v.trim(); }\nexport function toId(v) { return parseInt(v, 10); }\n`;
    const app = (fn: string): string =>
      `import { ${fn} } from './helpers';\nimport db from './db';\napp.get('/x', (req, res) => {\n  db.query("SELECT " + ${fn}(req.query.id));\n});\n`;
    const files = (fn: string) => ({ 'app.js': app(fn), 'helpers.js': helpers, 'db.js': '' });
    const hit = await scan(files('pick'), 'app.js');
    expect(hit.filter((f) => f.ruleId === 'code/js-sql-injection').map((f) => f.location.path)).toEqual([
      'app.js',
    ]);
    const clean = await scan(files('toId'), 'app.js');
    expect(clean.filter((f) => f.ruleId === 'code/js-sql-injection')).toEqual([]);
  });
});

describe('cross-file taint (Python)', () => {
  const DAO_PY = `from .db import cursor


def find_user(uid):
    query = "SELECT * FROM users WHERE id = '%s'" % uid
    cursor.execute(query)


def find_user_safe(uid):
    cursor.execute("SELECT * FROM users WHERE id = %s", (uid,))
`;

  it.each([
    ['from x import y as z', 'from app.dao import find_user as lookup', 'lookup'],
    ['a relative import', 'from .dao import find_user', 'find_user'],
    ['import of the module', 'import app.dao', 'app.dao.find_user'],
    ['from a package import a module', 'from app import dao', 'dao.find_user'],
  ])('follows a Flask view into a helper module through %s', async (_name, imp, call) => {
    const files = {
      'app/__init__.py': '',
      'app/db.py': 'cursor = None\n',
      'app/dao.py': DAO_PY,
      'app/views.py': `from flask import request\n${imp}\n\n\n@app.route('/u')\ndef user():\n    ${call}(request.args.get('id'))\n`,
    };
    const found = (await scan(files, 'app/views.py')).filter((f) => f.ruleId === 'code/py-sql-injection');
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual(['app/dao.py:6']);
    expect(found[0]?.flow?.[0]).toMatchObject({ kind: 'source', path: 'app/views.py', line: 7 });
  });

  it('stays quiet when the helper binds parameters', async () => {
    const files = {
      'app/__init__.py': '',
      'app/db.py': 'cursor = None\n',
      'app/dao.py': DAO_PY,
      'app/views.py': `from flask import request\nfrom .dao import find_user_safe\n\n\ndef user():\n    find_user_safe(request.args.get('id'))\n`,
    };
    expect((await scan(files, 'app/views.py')).filter((f) => f.ruleId === 'code/py-sql-injection')).toEqual(
      [],
    );
  });
});

const only = (found: RawFinding[], rule: string): string[] =>
  found.filter((f) => f.ruleId === rule).map((f) => `${f.location.path}:${f.location.startLine}`);

describe('the whole request object passed to a helper', () => {
  const FLASK = (body: string): string =>
    `import os\nfrom flask import Flask, request\napp = Flask(__name__)\n\n\ndef helper(req):\n    ${body}\n\n\n@app.route('/a')\ndef a():\n    helper(request)\n    return 'ok'\n`;

  it.each([
    ['reads request data off it (same file)', `os.system(req.args['x'])`, ['app.py:7']],
    ['reads a harmless attribute (same file)', 'os.system(req.method)', []],
  ])('Flask: a helper that %s', async (_name, body, want) => {
    const found = await scan({ 'app.py': FLASK(body) }, 'app.py');
    expect(only(found, 'code/py-command-injection')).toEqual(want);
  });

  it('Django: a view hands its request to a helper of the same file', async () => {
    const views = `import os\n\n\ndef helper(r):\n    os.system(r.GET['x'])\n\n\ndef view(request):\n    helper(request)\n`;
    expect(only(await scan({ 'views.py': views }, 'views.py'), 'code/py-command-injection')).toEqual([
      'views.py:5',
    ]);
  });

  const PY_ROUTE = `from flask import Flask, request\nfrom util import helper\napp = Flask(__name__)\n\n\n@app.route('/a')\ndef a():\n    helper(request)\n    return 'ok'\n`;

  it.each([
    ['request data', `os.system(req.args['x'])`, ['util.py:5']],
    ['a harmless attribute', 'os.system(req.method)', []],
  ])('Flask: a helper in another module that reads %s', async (_name, body, want) => {
    const files = { 'app.py': PY_ROUTE, 'util.py': `import os\n\n\ndef helper(req):\n    ${body}\n` };
    const found = await scan(files, 'app.py');
    expect(only(found, 'code/py-command-injection')).toEqual(want);
    if (want.length > 0) {
      const f = found.find((x) => x.ruleId === 'code/py-command-injection')!;
      expect(f.flow?.map((s) => `${s.kind} ${s.path}:${s.line}`)).toEqual([
        'source app.py:8',
        'step app.py:8',
        'step util.py:4',
        'sink util.py:5',
      ]);
      expect(f.flow?.[0]?.label).toBe('request.args.x');
    }
  });

  it('Flask: a helper in another module that returns request data read off it', async () => {
    const files = {
      'app.py': `import os\nfrom flask import Flask, request\nfrom util import pick\napp = Flask(__name__)\n\n\n@app.route('/a')\ndef a():\n    os.system(pick(request))\n    return 'ok'\n`,
      'util.py': `def pick(req):\n    return req.args['x']\n`,
    };
    expect(only(await scan(files, 'app.py'), 'code/py-command-injection')).toEqual(['app.py:9']);
  });

  const EXPRESS = (helper: string): Record<string, string> => ({
    'app.js': `const express = require('express');\nconst { helper } = require('./util');\nconst app = express();\napp.get('/x', (req, res) => {\n  helper(req);\n  res.send('ok');\n});\n`,
    'util.js': `const { exec } = require('child_process');\nfunction helper(r) {\n  ${helper}\n}\nmodule.exports = { helper };\n`,
  });

  it.each([
    ['request data', `exec('ls ' + r.query.dir);`, ['util.js:3']],
    ['request data through destructuring', `const { dir } = r.body;\n  exec('ls ' + dir);`, ['util.js:4']],
    ['a harmless attribute', `exec('ls ' + r.method);`, []],
  ])('Express: a helper in another module that reads %s', async (_name, helper, want) => {
    const found = await scan(EXPRESS(helper), 'app.js');
    expect(only(found, 'code/js-command-injection')).toEqual(want);
  });

  it('Express: a helper in the same file; an HTTP client request passed to it is no request data', async () => {
    const app = (arg: string): string =>
      `const express = require('express');\nconst http = require('http');\nconst { exec } = require('child_process');\nconst app = express();\nfunction helper(r) {\n  exec('ls ' + r.query.dir);\n}\napp.get('/x', (req, res) => {\n  ${arg}\n  res.send('ok');\n});\n`;
    expect(
      only(await scan({ 'app.js': app('helper(req);') }, 'app.js'), 'code/js-command-injection'),
    ).toEqual(['app.js:6']);
    const client = `const req = http.request('http://example.test/');\n  helper(req);`;
    expect(only(await scan({ 'app.js': app(client) }, 'app.js'), 'code/js-command-injection')).toEqual([]);
  });
});

describe('cross-file taint: the fields of an object passed to a helper (JavaScript)', () => {
  // A helper that builds a path from the fields of its options object, sanitising the ones it names.
  const helper = (body: string): string =>
    `const path = require('path');\nconst sanitize = require('sanitize-filename');\nfunction get_filepath(p) {\n${body}\n}\nmodule.exports = get_filepath;\n`;
  const SANITISED = `  var filepath = p.content;\n  if (p.category) filepath += '/' + sanitize(p.category);\n  return path.normalize(filepath);`;
  const route = (obj: string): string =>
    `const fs = require('fs');\nconst get_filepath = require('./get_filepath.js');\nmodule.exports = function (config) {\n  return function (req, res) {\n    fs.mkdir(get_filepath(${obj}), () => res.json({}));\n  };\n};\n`;
  const found = async (body: string, obj: string): Promise<string[]> =>
    only(
      await scan({ 'route.js': route(obj), 'get_filepath.js': helper(body) }, 'route.js'),
      'code/js-path-traversal',
    );

  it('a field the helper sanitises does not taint the clean field it returns', async () => {
    expect(await found(SANITISED, '{ content: config.content_dir, category: req.body.category }')).toEqual(
      [],
    );
  });

  it('the field the helper returns unsanitised stays tainted', async () => {
    expect(await found(SANITISED, '{ content: req.body.dir, category: config.category }')).toEqual([
      'route.js:5',
    ]);
  });

  it('every field that reaches the return value counts, not only the first one found', async () => {
    const both = `  return path.join(p.content, p.category);`;
    expect(await found(both, '{ content: config.content_dir, category: req.body.category }')).toEqual([
      'route.js:5',
    ]);
    const destructured = `  const { content } = p;\n  return path.join(content, p.category);`;
    expect(await found(destructured, '{ content: config.content_dir, category: req.body.category }')).toEqual(
      ['route.js:5'],
    );
  });

  it('an object whose fields are unknown (no literal at the call) stays tainted as a whole', async () => {
    expect(await found(SANITISED, 'req.body')).toEqual(['route.js:5']);
    expect(await found(`  return path.normalize(p.content);`, 'req.body')).toEqual(['route.js:5']);
  });
});

describe('cross-file taint: the fields of an object a helper hands to a sink (JavaScript)', () => {
  const lib = (body: string): string =>
    `const fs = require('fs');\nconst path = require('path');\nfunction readIt(p, cb) {\n${body}\n}\nmodule.exports = { readIt };\n`;
  const route = (obj: string): string =>
    `const { readIt } = require('./lib');\nmodule.exports = (config) => (req, res) => {\n  readIt(${obj}, (e, d) => res.send(d));\n};\n`;
  const found = async (body: string, obj: string): Promise<string[]> =>
    only(await scan({ 'route.js': route(obj), 'lib.js': lib(body) }, 'route.js'), 'code/js-path-traversal');

  it('every field that reaches the sink counts, not only the first one found', async () => {
    const both = `  fs.readFile(path.join(p.root, p.name), cb);`;
    expect(await found(both, '{ root: config.dir, name: req.body.name }')).toEqual(['lib.js:4']);
    expect(await found(both, '{ root: config.dir, name: config.name }')).toEqual([]);
  });

  it('a field read by a name the engine cannot follow makes the parameter count whole', async () => {
    const destructured = `  const { root } = p;\n  fs.readFile(path.join(root, p.name), cb);`;
    expect(await found(destructured, '{ root: config.dir, name: req.body.name }')).toEqual(['lib.js:5']);
  });
});
