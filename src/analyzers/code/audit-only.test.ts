import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

// A random-looking value built at run time, so no credential is written in this repository.
const VALUE = ['evaGxfADs6pSR', 'b2LAv9IZf17Dt3ju'].join('');
// (The rule's file triggers want a word such as `_token` somewhere in the file.)
const MODULE = `from acme import challenges\n\nHTTP01 = challenges.HTTP01(token=b"${VALUE}")\nBY_TOKEN = {HTTP01.chall_token: HTTP01}\n`;

async function scan(path: string, options: Record<string, unknown>) {
  const file = makeSourceFile(path, MODULE, path, Buffer.from(MODULE));
  const found = await codeAnalyzer.analyze(file, makeMemoryContext({}, options));
  // What the scan reports; a default scan's held-back findings (ScanResult.heldBack) are listed with a star.
  return found
    .filter((f) => f.ruleId === 'code/py-hardcoded-credential')
    .map((f) => (f.heldBack ? `${f.location.startLine}*` : f.location.startLine));
}

describe('a credential found by its name alone in a test or fixture file', () => {
  it('is left to the audit profile (the test module of a package, a fixtures folder)', async () => {
    for (const path of ['pkg/tests/acme_util.py', 'tests/fixtures/sample.py']) {
      expect(await scan(path, {})).toEqual(['3*']);
      expect(await scan(path, { profile: 'audit' })).toEqual([3]);
    }
  });

  it('stays in the default profile in the program, and where the role globs call the tests folder source', async () => {
    expect(await scan('pkg/acme_util.py', {})).toEqual([3]);
    expect(await scan('pkg/tests/acme_util.py', { roles: { source: ['pkg/tests/**'] } })).toEqual([3]);
  });
});

describe('a credential written to the console of a command-line tool', () => {
  const line = 'console.log(`password=${data.password}`);';
  const helper = `#!/usr/bin/env node\nconst data = JSON.parse(process.argv[2]);\n${line}\n`;
  async function lines(path: string, text: string, options: Record<string, unknown> = {}) {
    const ctx = makeMemoryContext({ [path]: text, 'package.json': '{"name":"app"}' }, options);
    const found = await codeAnalyzer.analyze(makeSourceFile(path, text, path, Buffer.from(text)), ctx);
    return found
      .filter((f) => f.ruleId === 'code/js-secret-in-log')
      .map((f) => (f.heldBack ? `${f.location.startLine}*` : f.location.startLine));
  }

  it('is left to the audit profile in a module at the tools’ place that handles no request', async () => {
    for (const path of ['bin/credentials-helper', 'cli/mfa.js', 'lib/cli.js']) {
      expect(await lines(path, helper)).toEqual(['3*']);
      expect(await lines(path, helper, { profile: 'audit' })).toEqual([3]);
    }
  });

  it('stays reported for a logger, outside the tools’ place, and in a tool module that answers requests', async () => {
    expect(await lines('bin/helper.js', helper.replace('console.log', 'logger.info'))).toEqual([3]);
    expect(await lines('example/index.js', helper)).toEqual([3]);
    const server = `const app = require('express')();\napp.get('/', (req, res) => res.end());\n${line}\n`;
    expect(await lines('bin/server.js', server)).toEqual([3]);
  });

  it('stays reported in a tool-place module that starts a server (a daemon’s console is its log)', async () => {
    // express-generator's `bin/www`: it handles no request itself, but what it prints goes to the service's log.
    const www = `#!/usr/bin/env node\nconst http = require('http');
const data = require('../config');
const server = http.createServer(require('../app'));
server.listen(3000);
${line}
`;
    expect(await lines('bin/www', www)).toEqual([6]);
  });
});
