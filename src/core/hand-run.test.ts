import { describe, expect, it } from 'vitest';
import { makeMemoryContext } from './source-file.js';
import { handRunScripts, handRunScriptsOf, programFiles, programFilesOf } from './hand-run.js';

describe('handRunScripts on malformed manifests', () => {
  it('sets nothing apart when package.json is not an object', () => {
    for (const text of ['null', '[]', '"node x.js"', '42', 'true'])
      expect(handRunScripts(text, 'web: node web.js\n').size).toBe(0);
  });

  it('reads only the scripts that are strings', () => {
    const pkg = { main: 'app.js', scripts: { start: ['node app.js'], seed: 'node tools/seed.js', x: null } };
    expect([...handRunScripts(JSON.stringify(pkg))]).toEqual([['tools/seed.js', 'seed']]);
  });
});

describe('handRunScripts: scripts a program script runs by name', () => {
  const scripts = {
    api: 'node api/server.js',
    web: 'vite',
    broker: 'node tools/broker.js',
  };
  it('follows script runners (run-p, npm-run-all, concurrently) to the scripts they start', () => {
    for (const start of [
      'run-p api web',
      'npm-run-all --parallel api web',
      'concurrently "npm:api" "npm:web"',
      'concurrently npm:api* npm:web',
    ]) {
      const runs = handRunScripts(JSON.stringify({ main: 'index.js', scripts: { start, ...scripts } }));
      expect([...runs]).toEqual([['tools/broker.js', 'broker']]);
    }
  });
});

describe('handRunScriptsOf', () => {
  it('sets nothing apart, with a warning, when package.json cannot be read', async () => {
    const ctx = makeMemoryContext({ 'package.json': '{}' }, {}, '/virtual/hand-run-unreadable');
    ctx.readFile = (p) =>
      p === 'package.json' ? Promise.reject(new Error('larger than 10 bytes')) : Promise.resolve(undefined);
    expect((await handRunScriptsOf(ctx)).size).toBe(0);
    expect(ctx.warnings.join('\n')).toContain('larger than 10 bytes');
  });
});

describe('handRunScriptsOf: main and bin name files of the tree', () => {
  const pkg = JSON.stringify({ main: 'index.js', scripts: { test: 'vitest', api: 'node api.js' } });
  it("does not take npm init's default main, naming no file, for the program", async () => {
    const ctx = makeMemoryContext({ 'package.json': pkg, 'api.js': '' }, {}, '/virtual/hand-run-no-main');
    expect((await handRunScriptsOf(ctx)).size).toBe(0);
  });
  it('sets a script apart when main names a file of the tree', async () => {
    const files = { 'package.json': pkg, 'api.js': '', 'index.js': '' };
    const ctx = makeMemoryContext(files, {}, '/virtual/hand-run-main');
    expect([...(await handRunScriptsOf(ctx))]).toEqual([['api.js', 'api']]);
  });
});

describe('programFiles: the files the package itself runs', () => {
  it('reads main, bin, the start chain and a Procfile, not the scripts run by hand', () => {
    const pkg = {
      main: 'lib/index',
      bin: { srv: './bin/srv.js' },
      scripts: { start: 'npm run serve', serve: 'node example/server.js', demo: 'node examples/demo.js' },
    };
    const tree = new Set(['lib/index.js', 'bin/srv.js', 'example/server.js', 'examples/demo.js']);
    const files = programFiles(JSON.stringify(pkg), 'worker: node jobs/worker.js\n', (p) => tree.has(p));
    expect([...files].sort()).toEqual(['bin/srv.js', 'example/server.js', 'jobs/worker.js', 'lib/index.js']);
  });
  it('reads a file a script names without its extension as the file Node runs', () => {
    const pkg = {
      scripts: { start: 'node example/server', dev: 'node tools/watch', serve: 'node ./bin/www' },
    };
    const tree = new Set(['bin/www', 'example/server.js', 'tools/watch/index.js', 'tools/other.js']);
    const files = programFiles(JSON.stringify(pkg), '', (p) => tree.has(p));
    expect([...files].sort()).toEqual(['bin/www', 'example/server.js', 'tools/watch/index.js']);
    // No such file: nothing is named.
    expect(
      programFiles(JSON.stringify({ scripts: { start: 'node missing' } }), '', (p) => tree.has(p)).size,
    ).toBe(0);
  });
  it('names no file for a manifest that is not an object', () => {
    expect(programFiles('[]').size).toBe(0);
  });
  it('is undefined when package.json cannot be read, empty when there is none', async () => {
    const ctx = makeMemoryContext({ 'package.json': '{}' }, {}, '/virtual/program-unreadable');
    ctx.readFile = () => Promise.reject(new Error('too large'));
    expect(await programFilesOf(ctx)).toBeUndefined();
    const none = makeMemoryContext({ 'a.py': '' }, {}, '/virtual/program-none');
    expect((await programFilesOf(none))?.size).toBe(0);
  });
});
