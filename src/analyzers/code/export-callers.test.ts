import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

const RULE = 'code/js-command-injection-audit';

/** The audit rule's lines in `entry`, scanned as one file of an in-memory package. */
async function lines(files: Record<string, string>, entry = 'lib/TreeKill.js'): Promise<number[]> {
  const ctx = makeMemoryContext(files, { profile: 'audit' }, `/virtual-${Object.keys(files).join('-')}`);
  const found = await codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
  return found.filter((f) => f.ruleId === RULE).map((f) => f.location.startLine);
}

// tree-kill's shape, as pm2 copies it: the module exports one function whose first parameter is a pid.
const TREE_KILL = `'use strict';
var exec = require('child_process').exec;

module.exports = function (pid, signal, callback) {
  if (process.platform === 'win32') {
    exec('taskkill /pid ' + pid + ' /T /F', callback);
  }
};
`;
const MANIFEST = JSON.stringify({ name: 'pkg', main: 'index.js', bin: { pkg: './bin/pkg' } });
const caller = (call: string): string => `var treekill = require('../TreeKill');

module.exports.stop = function (proc, cb) {
  var pid = proc.pid;
  ${call}
};
`;

describe('a whole export proven at its callers in the package', () => {
  it('drops the command when every caller gives the parameter a number', async () => {
    const files = {
      'package.json': MANIFEST,
      'lib/TreeKill.js': TREE_KILL,
      'lib/God/Methods.js': caller(
        "treekill(parseInt(pid), 'SIGKILL', cb);\n  treekill(parseInt(pid), 'SIGINT', cb);",
      ),
      'index.js': "module.exports = require('./lib/God/Methods');\n",
    };
    expect(await lines(files)).toEqual([]);
  });

  it('keeps it when one caller gives text', async () => {
    const files = {
      'package.json': MANIFEST,
      'lib/TreeKill.js': TREE_KILL,
      'lib/God/Methods.js': caller("treekill(parseInt(pid), 'SIGKILL', cb);"),
      'lib/God/Other.js': caller("treekill(proc.name, 'SIGKILL', cb);").replace(
        '../TreeKill',
        './../TreeKill',
      ),
    };
    expect(await lines(files)).toEqual([6]);
  });

  it('keeps it when a caller gives the parameter of its own export', async () => {
    const files = {
      'package.json': MANIFEST,
      'lib/TreeKill.js': TREE_KILL,
      'lib/God/Methods.js':
        "var treekill = require('../TreeKill');\nmodule.exports = function (pid) { treekill(pid); };\n",
    };
    expect(await lines(files)).toEqual([6]);
  });

  it('keeps it when the module is an entry point of the package, or nothing calls it', async () => {
    const main = JSON.stringify({ name: 'pkg', main: 'lib/TreeKill.js' });
    const files = {
      'package.json': main,
      'lib/TreeKill.js': TREE_KILL,
      'lib/God/Methods.js': caller("treekill(parseInt(pid), 'SIGKILL', cb);"),
    };
    expect(await lines(files)).toEqual([6]);
    const exported = JSON.stringify({ name: 'pkg', exports: { '.': './index.js', './lib/*': './lib/*.js' } });
    expect(await lines({ ...files, 'package.json': exported })).toEqual([6]);
    expect(await lines({ 'package.json': MANIFEST, 'lib/TreeKill.js': TREE_KILL })).toEqual([6]);
  });

  it('keeps it when a caller uses the module otherwise than calling its bound name', async () => {
    const base = { 'package.json': MANIFEST, 'lib/TreeKill.js': TREE_KILL };
    // Handed on as a value: its arguments are unknown.
    const handed = caller("treekill(parseInt(pid), 'SIGKILL', cb);\n  [proc.name].forEach(treekill);");
    expect(await lines({ ...base, 'lib/God/Methods.js': handed })).toEqual([6]);
    // Called without a name, beside a proven call.
    const direct = caller("treekill(parseInt(pid));\n  require('../TreeKill')(proc.name);");
    expect(await lines({ ...base, 'lib/God/Methods.js': direct })).toEqual([6]);
    // Re-exported to code outside the package.
    const again = `${caller('treekill(parseInt(pid));')}module.exports.kill = require('../TreeKill');\n`;
    expect(await lines({ ...base, 'lib/God/Methods.js': again })).toEqual([6]);
    // A parameter of the same name inside the caller is another function.
    const shadow = `${caller('treekill(parseInt(pid));')}function run(treekill, name) { treekill(name); }\n`;
    expect(await lines({ ...base, 'lib/God/Methods.js': shadow })).toEqual([6]);
  });

  it('keeps it when the export calls itself or writes its parameter', async () => {
    const files = { 'package.json': MANIFEST, 'lib/God/Methods.js': caller('treekill(parseInt(pid));') };
    const named = TREE_KILL.replace('function (pid', 'function kill(pid').replace(
      '  if (',
      '  if (signal) kill(signal);\n  if (',
    );
    expect(await lines({ ...files, 'lib/TreeKill.js': named })).toEqual([7]);
    const written = TREE_KILL.replace('  if (', '  pid = process.env.PID;\n  if (');
    expect(await lines({ ...files, 'lib/TreeKill.js': written })).toEqual([7]);
    const called = `${TREE_KILL}module.exports(global.lastPid);\n`;
    expect(await lines({ ...files, 'lib/TreeKill.js': called })).toEqual([6]);
  });

  // review42: loads this reading cannot follow, and callers outside the module's own package.
  it('keeps it when another script loads the module by a built path or by the package name', async () => {
    const base = {
      'package.json': MANIFEST,
      'lib/TreeKill.js': TREE_KILL,
      'lib/God/Methods.js': caller("treekill(parseInt(pid), 'SIGKILL', cb);"),
    };
    const built =
      "var path = require('path');\nvar tk = require(path.join(__dirname, 'TreeKill'));\nmodule.exports = function (req) { tk(req.query.pid); };\n";
    expect(await lines({ ...base, 'lib/api.js': built })).toEqual([6]);
    const joined =
      "var tk = require(__dirname + '/TreeKill');\nmodule.exports = function (req) { tk(req.query.pid); };\n";
    expect(await lines({ ...base, 'lib/api.js': joined })).toEqual([6]);
    const own = "var tk = require('pkg/lib/TreeKill');\ntk(process.argv[2]);\n";
    expect(await lines({ ...base, 'bin/cli.js': own })).toEqual([6]);
    // A folder mapping in `exports` (Node before 17) opens every module under it.
    const folder = JSON.stringify({
      name: 'pkg',
      main: 'index.js',
      exports: { '.': './index.js', './lib/': './lib/' },
    });
    expect(await lines({ ...base, 'package.json': folder })).toEqual([6]);
  });

  it('keeps it when another package of the scan calls the module by a relative path', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'root', private: true }),
      'packages/a/package.json': MANIFEST,
      'packages/a/lib/TreeKill.js': TREE_KILL,
      'packages/a/lib/God/Methods.js': caller("treekill(parseInt(pid), 'SIGKILL', cb);"),
      'packages/b/package.json': JSON.stringify({ name: 'b' }),
      'packages/b/server.js':
        "var tk = require('../a/lib/TreeKill');\nrequire('http').createServer(function (req) { tk(req.url.slice(1)); }).listen(1);\n",
    };
    expect(await lines(files, 'packages/a/lib/TreeKill.js')).toEqual([6]);
  });

  it('reads the callers of a folder index required by the folder name', async () => {
    const files = {
      'package.json': MANIFEST,
      'lib/kill/index.js': TREE_KILL,
      'lib/God/Methods.js': caller("treekill(parseInt(pid), 'SIGKILL', cb);").replace(
        '../TreeKill',
        '../kill/index',
      ),
      'lib/api.js': "var tk = require('./kill');\nmodule.exports = function (req) { tk(req.query.pid); };\n",
    };
    expect(await lines(files, 'lib/kill/index.js')).toEqual([6]);
  });
});
