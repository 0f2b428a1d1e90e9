import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

/** Analyzes one file of an in-memory project the way a scan does (the other files are readable). */
async function scan(files: Record<string, string>, entry: string): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-${Object.keys(files).join('-')}`);
  return codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
}

/** `rule path:line` of each finding of the rules named. */
const rows = (found: RawFinding[], rules: string[]): string[] =>
  found
    .filter((f) => rules.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)
    .sort();

const NOSQL = ['code/js-nosql-injection'];

// A module that keeps its records in an array: its `find` is a loop, no database's.
const LIST_CJS = `const list = [];
module.exports.add = function (item) { list.push(item); };
module.exports.find = function (name) {
  for (let i = 0; i < list.length; i++) if (list[i].name === name) return list[i];
};
`;
// A module whose `find` hands the filter to a database (NeDB's findOne).
const STORE_CJS = `const Datastore = require('nedb');
const db = new Datastore();
function find(params, cb) {
  db.findOne(params, cb);
}
module.exports.find = find;
`;
const route = (imp: string, call: string): string => `const mongoose = require('mongoose');
${imp}
const app = require('express')();
app.get('/x', (req, res) => {
  ${call}
});
`;

describe('a method of a module the file imports by a relative path', () => {
  it('is no sink when its function reaches none (CommonJS)', async () => {
    const files = {
      'routes/x.js': route("const bundles = require('../lib/bundles');", 'res.json(bundles.find(req.body));'),
      'lib/bundles.js': LIST_CJS,
    };
    expect(rows(await scan(files, 'routes/x.js'), NOSQL)).toEqual([]);
  });

  it('is a sink when its function calls a database (CommonJS): the call and the sink inside', async () => {
    const files = {
      'routes/x.js': route(
        "const tokens = require('../lib/tokens');",
        'tokens.find({ token: req.query.key }, (e, t) => res.json(t));',
      ),
      'lib/tokens.js': STORE_CJS,
    };
    expect(rows(await scan(files, 'routes/x.js'), NOSQL)).toEqual([
      'code/js-nosql-injection lib/tokens.js:4',
      'code/js-nosql-injection routes/x.js:5',
    ]);
  });

  it('is a sink when a function it calls reaches a database, one call away', async () => {
    const files = {
      'routes/x.js': route(
        "const users = require('../lib/users');",
        'users.find(req.body, (e, u) => res.json(u));',
      ),
      'lib/users.js': `const { lookup } = require('./db');\nmodule.exports.find = function (q, cb) { return lookup(q, cb); };\n`,
      'lib/db.js': `const Datastore = require('nedb');\nconst db = new Datastore();\nmodule.exports.lookup = (q, cb) => db.find(q, cb);\n`,
    };
    expect(rows(await scan(files, 'routes/x.js'), NOSQL)).toContain('code/js-nosql-injection routes/x.js:5');
  });

  it('is no sink when its function reaches none, a sink when it calls a database (ES modules)', async () => {
    const list = `const list = [];\nexport function find(name) {\n  return list.filter((x) => x.name === name)[0];\n}\n`;
    const store = `import Datastore from 'nedb';\nconst db = new Datastore();\nexport function find(q, cb) {\n  db.findOne(q, cb);\n}\n`;
    const byDefault = `const list = [];\nexport default {\n  find(name) {\n    return list.filter((x) => x.name === name)[0];\n  },\n};\n`;
    const esm = (imp: string): string =>
      route(imp, 'bundles.find({ token: req.query.key }, (e, t) => res.json(t));');
    const out = async (imp: string, mod: string): Promise<string[]> =>
      rows(await scan({ 'routes/x.mjs': esm(imp), 'lib/bundles.mjs': mod }, 'routes/x.mjs'), NOSQL);
    expect(await out("import * as bundles from '../lib/bundles.mjs';", list)).toEqual([]);
    expect(await out("import bundles from '../lib/bundles.mjs';", byDefault)).toEqual([]);
    expect(await out("import * as bundles from '../lib/bundles.mjs';", store)).toEqual([
      'code/js-nosql-injection lib/bundles.mjs:4',
      'code/js-nosql-injection routes/x.mjs:5',
    ]);
  });

  it('stays a sink when the module is another binding, the method is replaced, or not written as a function', async () => {
    const cases = [
      // A default import of a module whose default export is no object it writes: `bundles` is that value.
      {
        imp: "import bundles from '../lib/bundles.mjs';",
        mod: `${LIST_CJS.replace(/module\.exports\./g, 'export const x_')}export default mongoose.model('Item');\n`,
        ext: 'mjs',
      },
      // The method replaced after the require.
      {
        imp: "const bundles = require('../lib/bundles');\nbundles.find = mongoose.model('Item').find;",
        mod: LIST_CJS,
        ext: 'js',
      },
      // A model the module builds, not a function it writes.
      {
        imp: "const bundles = require('../lib/bundles');",
        mod: "module.exports = require('mongoose').model('Item');\n",
        ext: 'js',
      },
    ];
    for (const c of cases) {
      const entry = `routes/x.${c.ext}`;
      const files = {
        [entry]: route(c.imp, 'res.json(bundles.find(req.body));'),
        [`lib/bundles.${c.ext}`]: c.mod,
      };
      expect(rows(await scan(files, entry), NOSQL).length, c.imp).toBe(1);
    }
  });

  it('is read for SQL, commands and paths too', async () => {
    const files = {
      'routes/x.js': `const pg = require('pg');
const runner = require('../lib/runner');
const fs = require('../lib/fs');
const app = require('express')();
app.get('/x', (req, res) => {
  runner.query(req.query.q);
  runner.exec(req.query.cmd);
  res.end(fs.readFileSync(req.query.path));
});
`,
      'lib/runner.js': `const jobs = [];
module.exports = {
  query(text) { jobs.push({ kind: 'q', text }); },
  exec(cmd) { jobs.push({ kind: 'c', cmd }); },
};
`,
      // The program's own file store under the name `fs`: files it holds in memory.
      'lib/fs.js': `const files = new Map();\nexports.readFileSync = (p) => files.get(p);\n`,
    };
    const rules = ['code/js-sql-injection', 'code/js-command-injection', 'code/js-path-traversal'];
    expect(rows(await scan(files, 'routes/x.js'), rules)).toEqual([]);
    const real = `const cp = require('child_process');
const pool = new (require('pg').Pool)();
module.exports = {
  query(text) { return pool.query(text); },
  exec(cmd) { return cp.exec(cmd); },
};
`;
    const disk = `const fs = require('fs');\nexports.readFileSync = (p) => fs.readFileSync(p);\n`;
    const found = rows(
      await scan({ ...files, 'lib/runner.js': real, 'lib/fs.js': disk }, 'routes/x.js'),
      rules,
    );
    for (const r of [
      'code/js-sql-injection routes/x.js:6',
      'code/js-command-injection routes/x.js:7',
      'code/js-path-traversal routes/x.js:8',
    ])
      expect(found).toContain(r);
  });
});

describe('a method whose function calls one the module obtained at run time', () => {
  it('stays a sink: a promisified or bound library function, or a computed method, may be any sink', async () => {
    const files = {
      'routes/x.js': `const runner = require('../lib/runner');
const db = require('../lib/db');
const app = require('express')();
app.get('/x', (req, res) => {
  runner.exec(req.query.cmd);
  runner.query(req.query.q);
  db.query(req.query.q);
});
`,
      'lib/runner.js': `const { promisify } = require('util');
const execAsync = promisify(require('child_process').exec);
const pool = new (require('pg').Pool)();
const q = pool.query.bind(pool);
exports.exec = function (cmd) { return execAsync(cmd); };
exports.query = function (sql) { return q(sql); };
`,
      'lib/db.js': `const pool = new (require('pg').Pool)();\nconst verb = 'query';\nexports.query = (sql) => pool[verb](sql);\n`,
    };
    const rules = ['code/js-sql-injection', 'code/js-command-injection'];
    expect(rows(await scan(files, 'routes/x.js'), rules)).toEqual([
      'code/js-command-injection routes/x.js:5',
      'code/js-sql-injection routes/x.js:6',
      'code/js-sql-injection routes/x.js:7',
    ]);
  });
});
