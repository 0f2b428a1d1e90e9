import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { sourceForm } from './compiled-calls.js';
import { codeAnalyzer } from './index.js';

/** Analyzes one file of an in-memory project the way a scan does (the other files are readable). */
async function scan(files: Record<string, string>, entry: string): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-compiled-${Object.keys(files).join('-')}`);
  return codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
}

/** The source form with its padding collapsed, for reading (the real one keeps every offset). */
const read = (text: string): string => sourceForm(text).replace(/ +/g, ' ').replace(/^ | $/gm, '').trim();

describe('sourceForm', () => {
  it('reads an indirect call as a call of its member, keeping the length and the line breaks', () => {
    const text = 'const out = (0, child_process_1.exec)(cmd);\n(0,\n  a.b.c)(x);\n';
    const form = sourceForm(text);
    expect(form).toHaveLength(text.length);
    expect(form.split('\n').length).toBe(text.split('\n').length);
    expect(read('const out = (0, child_process_1.exec)(cmd);')).toBe(
      'const out = child_process_1.exec(cmd);',
    );
    // Across a line break the dropped text stays where it was, so the lines keep their numbers.
    expect(read('(0,\n  a.b.c)(x);')).toBe('a.b.c (x);');
  });

  it('leaves a call whose arguments happen to be `(0, x.y)` alone', () => {
    for (const text of ['f(0, a.b)(c);', 'g[1](0, a.b)(c);', 'h()(0, a.b)(c);', 'x = (0, a.b);'])
      expect(sourceForm(text)).toBe(text);
    expect(read('return (0, a.b)(c);')).toBe('return a.b(c);');
    expect(read('await(0, a.b)(c);')).toBe('await a.b(c);');
  });

  it('reads the interop helpers as the require they wrap, and a default import’s `.default` as the module', () => {
    expect(
      read('const express_1 = __importDefault(require("express"));\nconst app = (0, express_1.default)();'),
    ).toBe('const express = require("express");\nconst app = express();');
    expect(read('var _x = _interopRequireDefault(require("./x"));\n_x.default.find(id);')).toBe(
      'var _x = require("./x");\n_x.find(id);',
    );
    expect(read('const fs = tslib_1.__importStar(require("fs"));')).toBe('const fs = require("fs");');
    expect(read('var m = __toESM(require("m"), 1);')).toBe('var m = require("m");');
    // A namespace import's `.default` is the module's own default export: kept.
    expect(read('const ns_1 = __importStar(require("ns"));\nns_1.default.run(x);')).toBe(
      'const ns = require("ns");\nns.default.run(x);',
    );
  });

  it('names a package’s module as it was written, unless the file declares that name too', () => {
    expect(read('var _fs = require("fs");\n(0, _fs.readFile)(p);')).toBe(
      'var fs = require("fs");\nfs.readFile(p);',
    );
    expect(read('const promises_1 = require("node:fs/promises");\npromises_1.readFile(p);')).toBe(
      'const promises = require("node:fs/promises");\npromises.readFile(p);',
    );
    // A module of the project keeps its name (imports.ts resolves it by that name), and so does one whose
    // written name the file declares, or that is no compiler's name for it.
    for (const text of [
      'const user_1 = require("./user");\nuser_1.find(id);',
      'const path_1 = require("path");\nfunction f(path) {}\nconst path = 1;',
      'const util_1 = require("fs");\nutil_1.readFile(p);',
    ])
      expect(sourceForm(text)).toBe(text);
  });
});

const DAO = `"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.findUser = findUser;
const mysql2_1 = __importDefault(require("mysql2"));
const conn = mysql2_1.default.createConnection({});
function findUser(id) {
    return conn.query('SELECT * FROM users WHERE id = ' + id);
}
const repo = {
    remove(id) {
        return conn.query('DELETE FROM users WHERE id = ' + id);
    },
};
exports.default = repo;
`;

const route = (user: string, remove: string): string => `"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = __importDefault(require("express"));
const user_1 = require("../dao/user");
const user_2 = __importDefault(require("../dao/user"));
const router = express_1.default.Router();
router.get('/users', (req, res) => {
    res.json((0, user_1.findUser)(${user}));
});
router.delete('/users', (req, res) => {
    res.json(user_2.default.remove(${remove}));
});
exports.default = router;
`;

describe('compiled modules across files', () => {
  it('follows `(0, dao_1.findUser)(…)` and `dao_2.default.remove(…)` into the compiled module’s queries', async () => {
    const files = { 'routes/user.js': route('req.query.id', 'req.body.id'), 'dao/user.js': DAO };
    const found = await scan(files, 'routes/user.js');
    const sql = found.filter((f) => f.ruleId === 'code/js-sql-injection');
    expect(sql.map((f) => `${f.location.path}:${f.location.startLine}`).sort()).toEqual([
      'dao/user.js:10',
      'dao/user.js:14',
    ]);
  });

  it('reports nothing when the route passes numbers', async () => {
    const files = {
      'routes/user.js': route('parseInt(req.query.id, 10)', 'Number(req.body.id)'),
      'dao/user.js': DAO,
    };
    const found = await scan(files, 'routes/user.js');
    expect(found.filter((f) => f.ruleId === 'code/js-sql-injection')).toEqual([]);
  });
});
