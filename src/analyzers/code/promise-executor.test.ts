import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

let projects = 0;

/**
 * Analyzes one file of an in-memory project the way a scan does (the other files are readable); each call is
 * a project of its own, so no module's summary is kept from another case with the same file names.
 */
async function scan(files: Record<string, string>, entry: string): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-executor-${++projects}`);
  return codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
}

const traversal = async (files: Record<string, string>, entry = 'server.js'): Promise<string[]> =>
  (await scan(files, entry))
    .filter((f) => f.ruleId === 'code/js-path-traversal')
    .map((f) => `${f.location.path}:${f.location.startLine}`);

/** A module whose `locate(name)` returns a promise settled by `settle` (its executor's body). */
const locator = (settle: string): string => `const path = require('path');

module.exports.locate = (name) =>
  new Promise((resolve, reject) => {
    ${settle}
  });
`;

const route = (use: string): string => `const express = require('express');
const fs = require('fs');
const { locate } = require('./lib/locate');
const app = express();

app.get('/files', async (req, res) => {
  ${use}
});
`;

const THEN = 'locate(req.query.name).then((file) => fs.createReadStream(file).pipe(res));';
const AWAIT = 'const file = await locate(req.query.name);\n  fs.createReadStream(file).pipe(res);';

describe('what a new Promise resolves with (JavaScript)', () => {
  it.each([
    ['.then', THEN, 7],
    ['await', AWAIT, 8],
  ])('follows resolve(…) of an imported function into %s', async (_name, use, line) => {
    const files = {
      'server.js': route(use),
      'lib/locate.js': locator("process.nextTick(() => resolve(path.join('/srv/files', name)));"),
    };
    expect(await traversal(files)).toEqual([`server.js:${line}`]);
  });

  it('follows a local function and a promise written in place', async () => {
    const files = {
      'server.js': `const fs = require('fs');
const express = require('express');
const app = express();
function load(p) {
  return new Promise((resolve) => resolve('/srv/' + p));
}
app.get('/a', (req, res) => {
  load(req.params.f).then((p) => res.send(fs.readFileSync(p)));
  new Promise((resolve) => resolve(req.query.g)).then((g) => res.send(fs.readFileSync(g)));
});
`,
    };
    expect(await traversal(files)).toEqual(['server.js:8', 'server.js:9']);
  });

  it.each([
    ['fixed text to resolve', "resolve('/srv/files/index.html'); if (!name) reject(name);"],
    [
      'the input to reject only',
      "if (name.includes('..')) reject(name); else resolve('/srv/files/index.html');",
    ],
    [
      "the input to a nested promise's own resolve",
      "new Promise((resolve) => resolve(name)).then(() => resolve('/srv/files/index.html'));",
    ],
    ['resolve handed on whole', "require('fs').stat(name, () => {}); setTimeout(resolve, 10);"],
  ])('reports nothing when the executor gives %s', async (_name, settle) => {
    for (const use of [THEN, AWAIT]) {
      const files = { 'server.js': route(use), 'lib/locate.js': locator(settle) };
      expect(await traversal(files)).toEqual([]);
    }
  });

  it("reads CoffeeScript's bound-function wrappers as the executor and the callbacks", async () => {
    // CoffeeScript 1's `=>`: `(function(_this) { return function(…) {…}; })(this)`.
    const files = {
      'lib/server.js': `var fs = require('fs'), url = require('url');
Server.prototype.request = function(req, res) {
  return new Promise((function(_this) {
    return function(resolve, reject) {
      return resolve(url.parse(req.url).pathname);
    };
  })(this)).then((function(_this) {
    return function(pathname) {
      return fs.createReadStream(pathname).pipe(res);
    };
  })(this))["catch"]((function(_this) {
    return function(err) {
      return res.end(err.message);
    };
  })(this));
};
module.exports = Server;
`,
    };
    expect(await traversal(files, 'lib/server.js')).toEqual(['lib/server.js:9']);
  });
});
