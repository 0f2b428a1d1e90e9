import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScan } from '../../scan/run-scan.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { handRunScripts } from '../../core/hand-run.js';
import { secretsAnalyzer } from './index.js';
import { expandTemplate, seededRandom } from './test-tokens.js';

const rnd = seededRandom(7007);
const password = (): string => expandTemplate('<<a62:10>>!', rnd);

const PACKAGE = JSON.stringify({
  name: 'monitor',
  bin: { monitor: './extra/cli.js' },
  scripts: {
    start: 'npm run start-server',
    'start-server': 'node server/server.js',
    'start-server-dev': 'cross-env NODE_ENV=development node server/server.js',
    'simple-mqtt-server': 'node extra/simple-mqtt-server.js',
    'deploy-demo': 'node ./extra/deploy-demo.js --yes',
    postinstall: 'node scripts/setup.js',
  },
});

describe('hand-run scripts of package.json', () => {
  it('names the files that only a script run by hand runs', () => {
    expect([...handRunScripts(PACKAGE)]).toEqual([
      ['extra/simple-mqtt-server.js', 'simple-mqtt-server'],
      ['extra/deploy-demo.js', 'deploy-demo'],
    ]);
  });
  it('leaves out the program: start and the scripts it runs, install hooks, main and bin', () => {
    const runs = handRunScripts(
      JSON.stringify({ main: 'index.js', scripts: { tool: 'node index.js', cli: 'node ./extra/cli.js' } }),
    );
    expect([...runs]).toEqual([['extra/cli.js', 'cli']]);
    expect(handRunScripts(PACKAGE).has('server/server.js')).toBe(false);
    expect(handRunScripts(PACKAGE).has('scripts/setup.js')).toBe(false);
    expect(handRunScripts('not json').size).toBe(0);
  });
  it('reads a development-mode script as the program, and sets nothing apart without start, main or bin', () => {
    const dev = { dev: 'node app.js', seed: 'node tools/seed-server.js' };
    expect([...handRunScripts(JSON.stringify({ main: 'app.js', scripts: dev }))]).toEqual([
      ['tools/seed-server.js', 'seed'],
    ]);
    expect(handRunScripts(JSON.stringify({ scripts: dev })).size).toBe(0);
    const options = {
      start: 'node app.js',
      broker: 'cross-env X=1 node --inspect=9229 ./extra/broker.mjs && echo ok',
    };
    expect([...handRunScripts(JSON.stringify({ scripts: options }))]).toEqual([
      ['extra/broker.mjs', 'broker'],
    ]);
  });
  it("reads the processes a deployment runs as the program: `web`, `start:prod`, a Procfile's", () => {
    const scripts = {
      start: 'node app.js',
      web: 'node web.js',
      'start:prod': 'node prod.js',
      queue: 'node queue.js',
    };
    expect([...handRunScripts(JSON.stringify({ scripts }))]).toEqual([['queue.js', 'queue']]);
    expect(handRunScripts(JSON.stringify({ scripts }), 'web: npm run web\nqueue: npm run queue\n').size).toBe(
      0,
    );
    expect(handRunScripts(JSON.stringify({ scripts }), 'queue: node ./queue.js --concurrency 2\n').size).toBe(
      0,
    );
  });
});

describe('a development server started by hand', () => {
  const broker = (pw: string) =>
    [
      `const mqttPassword = "${pw}";`,
      'const server = require("net").createServer(aedes.handle);',
      'aedes.authenticate = (c, u, p, cb) => cb(null, p.toString() === mqttPassword);',
      'server.listen(10000);',
    ].join('\n');
  async function found(root: string, path: string, text: string) {
    const ctx = makeMemoryContext({ 'package.json': PACKAGE, [path]: text }, {}, root);
    return secretsAnalyzer.analyze(makeSourceFile(path, text), ctx);
  }

  it('reports its own login one step lower, saying why', async () => {
    const [f, ...rest] = await found('/work/dev-a', 'extra/simple-mqtt-server.js', broker(password()));
    expect(rest).toEqual([]);
    expect(f?.ruleId).toBe('secrets/hardcoded-password');
    expect(f?.severity).toBe('medium');
    expect(f?.message).toContain('npm run simple-mqtt-server');
  });

  it('keeps the same password high in the program, and in a hand-run script that opens no listener', async () => {
    const [inProgram] = await found('/work/dev-b', 'server/server.js', broker(password()));
    expect(inProgram?.severity).toBe('high');
    const deploy = `const sshPassword = "${password()}";\nssh.connect({ host: 'demo.acme.io', password: sshPassword });`;
    const [inDeploy] = await found('/work/dev-c', 'extra/deploy-demo.js', deploy);
    expect(inDeploy?.severity).toBe('high');
  });

  it("keeps a provider's token at its severity", async () => {
    const key = expandTemplate('AKIA<<b32:16>>', rnd);
    const text = `${broker(password())}\nconst awsKeyId = "${key}";`;
    const fs = await found('/work/dev-d', 'extra/simple-mqtt-server.js', text);
    expect(fs.map((f) => [f.ruleId, f.severity])).toContainEqual(['secrets/aws-access-key', 'critical']);
  });
});

describe('a whole scan of a development server started by hand', () => {
  it('reports its login once, below high: the code rule that also matched does not raise it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vanguard-dev-server-'));
    try {
      mkdirSync(join(root, 'extra'));
      writeFileSync(join(root, 'package.json'), PACKAGE);
      const text = [
        `const mqttPassword = "${password()}";`,
        'const server = require("net").createServer(() => {});',
        'server.listen(10000);',
      ].join('\n');
      writeFileSync(join(root, 'extra/simple-mqtt-server.js'), text);
      const r = await runScan({ path: root, workers: 1, failOn: 'none', only: ['secrets', 'code'] });
      const at = r.findings.filter(
        (f) => f.location.path === 'extra/simple-mqtt-server.js' && f.location.startLine === 1,
      );
      expect(at.map((f) => [f.ruleId, f.severity])).toEqual([['secrets/hardcoded-password', 'medium']]);
      expect(at[0]!.message).toContain('Also matched: code/js-hardcoded-credential');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
