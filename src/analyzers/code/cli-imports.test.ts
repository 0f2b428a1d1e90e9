import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

// A platform module of a command-line tool: its commands are built from the tool's own options.
const INSTALLER = `import { execSync } from 'node:child_process';
export class Installer {
  constructor(tool) { this.tool = tool; }
  addUser() {
    execSync(\`useradd -m --system \${this.tool.user}\`);
  }
}
`;
const ENTRY = `#!/usr/bin/env node
import { program } from 'commander';
import { Installer } from './platforms/linux.js';
program.option('--user <name>').parse();
new Installer(program.opts()).addUser();
`;

/** The code analyzer's command-injection audits in one file of a tree (lib/platforms/linux.js), as `rule line`. */
async function audits(files: Record<string, string>, path = 'lib/platforms/linux.js'): Promise<string[]> {
  const found = await codeAnalyzer.analyze(makeSourceFile(path, files[path]!), makeMemoryContext(files));
  return found
    .filter((f) => f.ruleId === 'code/js-command-injection-audit')
    .map((f) => `${f.ruleId} ${f.location.startLine}`);
}

describe('a module that only a command-line program imports is part of that program', () => {
  it("drops the audit in a module a '#!' entry alone imports, also through another module", async () => {
    expect(
      await audits({ 'package.json': '{}', 'lib/tool.js': ENTRY, 'lib/platforms/linux.js': INSTALLER }),
    ).toEqual([]);
    expect(
      await audits({
        'package.json': '{"bin": {"tool": "./lib/tool.js"}}',
        'lib/tool.js': ENTRY.replace('#!/usr/bin/env node\n', '').replace(
          './platforms/linux.js',
          './installers.js',
        ),
        'lib/installers.js': "export { Installer } from './platforms/linux.js';\n",
        'lib/platforms/linux.js': INSTALLER,
      }),
    ).toEqual([]);
  });

  it('drops it still when the server imports only a package of the same name', async () => {
    expect(
      await audits({
        'package.json': '{}',
        'lib/tool.js': ENTRY,
        'lib/platforms/linux.js': INSTALLER,
        'lib/server.js': "const linux = require('linux');\nrequire('express')().listen(80);\n",
      }),
    ).toEqual([]);
  });

  it('keeps it when a server imports the module too, the entry serves requests, or the module fetches', async () => {
    const kept = ['code/js-command-injection-audit 5'];
    expect(
      await audits({
        'package.json': '{}',
        'lib/tool.js': ENTRY,
        'lib/platforms/linux.js': INSTALLER,
        'lib/routes.js': "import { Installer } from './platforms/linux.js';\nexport const i = Installer;\n",
      }),
    ).toEqual(kept);
    expect(
      await audits({
        'package.json': '{}',
        'lib/tool.js': `${ENTRY}require('http').createServer((req, res) => res.end()).listen(80);\n`,
        'lib/platforms/linux.js': INSTALLER,
      }),
    ).toEqual(kept);
    expect(
      await audits({
        'package.json': '{}',
        'lib/tool.js': ENTRY,
        'lib/platforms/linux.js': `${INSTALLER}export const get = (u) => fetch(u);\n`,
      }),
    ).toEqual(kept);
    // The server imports it by a path not written relative: an alias, or one built at run time.
    for (const routes of [
      "import { Installer } from '@/lib/platforms/linux';\nexport const i = Installer;\n",
      "const path = require('path');\nconst { Installer } = require(path.join(__dirname, 'platforms', 'linux'));\nrequire('express')().listen(80);\n",
    ])
      expect(
        await audits({
          'package.json': '{}',
          'lib/tool.js': ENTRY,
          'lib/platforms/linux.js': INSTALLER,
          'lib/routes.js': routes,
        }),
      ).toEqual(kept);
    // Nothing imports it: no program it belongs to.
    expect(await audits({ 'package.json': '{}', 'lib/platforms/linux.js': INSTALLER })).toEqual(kept);
  });
});

// A tool's helpers where the package keeps its command-line tools: the command is built from its invoker's paths.
const COPY = `const { exec } = require('child_process');
exports.copy = (from, to, done) => exec('cp -R ' + from + ' ' + to, done);
`;
// A confirmation read from the terminal, then the tool's helper.
const CONFIRM = `const { copy } = require('./copy');
process.stdin.once('data', (answer) => { if (String(answer).trim() === 'y') copy(process.argv[2], process.argv[3]); });
`;

describe('a module where the package keeps its command-line tools is part of a tool', () => {
  it('drops the audit in bin/ and cli/ modules and a *-cli file, though the tool starts its server, asks at the terminal or fetches', async () => {
    const tree = {
      'package.json': '{}',
      'bin/copy.js': COPY,
      'bin/tool.js': `${CONFIRM}require('../lib/server').listen(8080);\n`,
      'lib/cli/copy.js': COPY,
      'lib/cli/remove.js': CONFIRM,
      'lib/tool-cli.js': `const axios = require('axios');\nconst { exec } = require('child_process');\nexports.own = (dir) => exec('chown -R ' + dir);\nexports.latest = () => axios.get('https://registry.example.test/tool');\n`,
      'lib/server.js': "module.exports = require('http').createServer((req, res) => res.end(req.url));\n",
    };
    expect(await audits(tree, 'bin/copy.js')).toEqual([]);
    expect(await audits(tree, 'lib/cli/copy.js')).toEqual([]);
    expect(await audits(tree, 'lib/tool-cli.js')).toEqual([]);
  });

  it('keeps it in a tool module that handles requests, one the server imports, and in a cgi-bin/ folder', async () => {
    const kept = ['code/js-command-injection-audit 2'];
    const serving = `const { exec } = require('child_process');
exports.run = (cmd, done) => exec(cmd, done);
require('express')().get('/status', (req, res) => res.send(String(req.query.verbose)));
`;
    expect(await audits({ 'package.json': '{}', 'bin/serve.js': serving }, 'bin/serve.js')).toEqual(kept);
    expect(
      await audits(
        {
          'package.json': '{}',
          'bin/copy.js': COPY,
          'lib/service/install.js':
            "const { copy } = require('../../bin/copy');\nrequire('express')().post('/install', (req) => copy(req.body.from, '/srv'));\n",
        },
        'bin/copy.js',
      ),
    ).toEqual(kept);
    expect(
      await audits({ 'package.json': '{}', 'web/cgi-bin/copy.js': COPY }, 'web/cgi-bin/copy.js'),
    ).toEqual(kept);
  });
});
