import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { constantLeads } from './taint-argv.js';

const RULE = 'code/js-argument-injection';

/** Analyzes one file of an in-memory project the way a scan does (the other files are readable). */
async function scan(files: Record<string, string>, entry: string): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-argv-${Object.keys(files).join('-')}`);
  return codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
}

/** The lines of one rule's findings in a single Express file whose handler body is `body`. */
async function linesOf(body: string, rule = RULE): Promise<number[]> {
  const text = `const { spawn, execFile } = require('child_process');
const fs = require('fs');
const app = require('express')();
app.post('/x', (req, res) => {
${body}
});
`;
  const found = await scan({ 'app.js': text }, 'app.js');
  return found.filter((f) => f.ruleId === rule).map((f) => f.location.startLine - 4);
}

describe('constant text at the start of an argument', () => {
  it.each([
    ['refs/heads/', true],
    ['--author=', true],
    ['-m', true],
    [':', true],
    ['-', false],
    ['--', false],
    ['--no-', false],
    ['--upload', false],
    ['  ', false],
  ])('%j settles the start: %s', (text, settles) => {
    expect(constantLeads(text)).toBe(settles);
  });
});

describe('argument lists (code/js-argument-injection)', () => {
  it('reads a list up to its literal --, also through spreads, concat and push', async () => {
    expect(
      await linesOf(`  const base = ['log', '--'];
  spawn('git', [...base, req.body.a]);
  spawn('git', base.concat([req.body.b]));
  spawn('git', ['log'].concat(['--'], [req.body.c]));
  const args = ['log'];
  args.push('--');
  args.push(req.body.d);
  execFile('git', args);
  spawn('git', ['log', req.body.e].concat(['--']));`),
    ).toEqual([9]);
  });

  it('counts a string that is split into arguments whole, and an option name the request finishes', async () => {
    expect(
      await linesOf(`  spawn('git', ('log ' + req.body.a).split(' '));
  spawn('git', ['log', '--' + req.body.b]);
  spawn('git', ['log', \`--format=\${req.body.c}\`]);
  spawn('git', ['log', 'HEAD~' + req.body.d]);`),
    ).toEqual([1, 2]);
  });

  it('reads a string concatenated from 30,000 parts without running out of stack or time', async () => {
    const parts = Array.from({ length: 30_000 }, (_, i) => `'a${i}'`).join(' +\n    ');
    await expect(linesOf(`  spawn('git', ['log', req.body.a + ${parts}]);`)).resolves.toBeDefined();
    // The open-redirect rule reads the same chains (it ran out of stack at this size before).
    await expect(
      linesOf(`  res.redirect(req.body.a + ${parts});`, 'code/js-open-redirect'),
    ).resolves.toBeDefined();
  });

  it('leaves shells to the command-injection rule', async () => {
    expect(
      await linesOf(
        `  spawn('sh', ['-c', req.body.a]);\n  spawn('git', ['log', req.body.b], { shell: true });`,
      ),
    ).toEqual([]);
  });
});

describe('argument lists (code/py-argument-injection)', () => {
  it('reads lists, += and extend in order, formats by their constant start, and split strings whole', async () => {
    const text = `import shlex
import subprocess
from flask import Flask, request
app = Flask(__name__)

@app.route("/a")
def a():
    x = request.args["x"]
    base = ["git", "log", "--"]
    subprocess.run([*base, x])
    cmd = ["git", "log"]
    cmd += ["--", x]
    subprocess.run(cmd)
    cmd2 = ["git", "log", "--"]
    cmd2.extend([x])
    subprocess.run(cmd2)
    subprocess.run(["git", "log", "--format=" + x, "HEAD~{}".format(x), "HEAD~%s" % x])
    subprocess.run(shlex.split(f"git log {x}"))
    subprocess.run(("git log " + x).split())
    subprocess.run(["git", "log", "--" + x])
    subprocess.run(["git", "log", "%s" % x])
    subprocess.run(["git", "log", x], shell=True)
    return "ok"
`;
    const found = await scan({ 'app.py': text }, 'app.py');
    expect(
      found.filter((f) => f.ruleId === 'code/py-argument-injection').map((f) => f.location.startLine),
    ).toEqual([18, 19, 20, 21]);
  });
});

describe('fields of an object', () => {
  it('a read of one field does not see a write to another (any rule)', async () => {
    expect(
      await linesOf(
        `  const o = {};
  o.name = req.query.name;
  o.dir = '/srv/files';
  fs.readFile(o.dir, () => {});
  fs.readFile(o.name, () => {});`,
        'code/js-path-traversal',
      ),
    ).toEqual([5]);
  });
});

describe('a program started by a wrapper in another module', () => {
  const GIT = `const child_process = require('child_process');
const run = (args) => child_process.spawn('git', args.commands, { cwd: args.repoPath });
const git = (commands, repoPath) => {
  const args = {};
  args.commands = commands;
  args.repoPath = repoPath;
  return run(args);
};
module.exports = git;
`;
  const ROUTES = `const git = require('./git');
const app = require('express')();
app.post('/clone', (req, res) => {
  git(['clone', req.body.url, 'work'], '/srv/repos');
});
app.get('/fetch', (req, res) => {
  git(['fetch', '--', req.query.remote], req.query.path);
});
app.get('/status', (req, res) => {
  git({ commands: ['status', '--', req.query.file], repoPath: req.query.path });
});
`;

  it('reports each call that hands request data to the wrapper without --, at the call', async () => {
    const found = (await scan({ 'routes.js': ROUTES, 'git.js': GIT }, 'routes.js')).filter(
      (f) => f.ruleId === RULE,
    );
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual(['routes.js:4']);
    const f = found[0]!;
    expect(f.message).toContain("User input req.body.url is an argument of 'git' with no '--' before it");
    expect(f.message).toContain(
      "→ git(…) (line 4) → commands (parameter) (git.js:3) → args (line 5) → run(…) (line 7) → args (parameter) (line 2) → child_process.spawn('git', args.commands",
    );
  });
});

describe('a list handed through a local wrapper to a program wrapper in another module', () => {
  const GIT = `const child_process = require('child_process');
module.exports = (commands, cwd) => child_process.spawn('git', commands, { cwd });
module.exports.stashed = (commands, cwd) => child_process.spawn('git', commands, { cwd });
`;
  const ROUTES = `const git = require('./git');
const app = require('express')();
const run = (commands, repoPath) => {
  if (process.env.AUTO_STASH) return git.stashed(commands, repoPath);
  return git(commands, repoPath);
};
app.post('/reset', (req, res) => {
  run(['reset', \`--\${req.body.mode}\`], req.body.path);
});
app.post('/pick', (req, res) => {
  run(['cherry-pick', req.body.name], req.body.path);
});
app.post('/status', (req, res) => {
  run(['status', '--', req.body.file], req.body.path);
});
`;

  it('reports each caller of the local wrapper once, at that call, and not the wrapper twice', async () => {
    const found = (await scan({ 'routes.js': ROUTES, 'git.js': GIT }, 'routes.js')).filter(
      (f) => f.ruleId === RULE,
    );
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual([
      'routes.js:8',
      'routes.js:11',
    ]);
    expect(found[0]!.message).toContain('req.body.mode (line 8) → run(…) (line 8) → stashed(…) (line 4)');
  });

  it('keeps reporting inside the wrapper when it changes the list before handing it on', async () => {
    const changed = ROUTES.replace(
      'const run = (commands, repoPath) => {',
      "const run = (commands, repoPath) => {\n  commands = ['-c', 'color.ui=false', ...commands];",
    );
    const found = (await scan({ 'routes.js': changed, 'git.js': GIT }, 'routes.js')).filter(
      (f) => f.ruleId === RULE,
    );
    expect(found.map((f) => f.location.startLine)).toEqual([5]);
  });
});

describe('a list handed to a program by a wrapper in the same file', () => {
  const APP = `const { spawn } = require('child_process');
const app = require('express')();
function git(args, cwd) {
  return spawn('git', args, { cwd });
}
app.post('/clone', (req, res) => {
  git(['clone', req.body.url, 'work'], '/srv');
});
app.post('/fetch', (req, res) => {
  git(['fetch', req.body.remote], '/srv/work');
});
app.post('/log', (req, res) => {
  git(['log', '--', req.body.file], '/srv/work');
});
`;

  it('reports each caller whose list carries request data, at the call, not once at the spawn', async () => {
    const found = (await scan({ 'app.js': APP }, 'app.js')).filter((f) => f.ruleId === RULE);
    expect(found.map((f) => f.location.startLine)).toEqual([7, 10]);
    expect(found[0]!.message).toContain(
      "req.body.url (line 7) → git(…) (line 7) → spawn('git', args, { cwd })",
    );
  });

  it('reads the list at the spawn when the wrapper sets one of its elements', async () => {
    const set = APP.replace(
      'function git(args, cwd) {',
      'function git(args, cwd, name) {\n  if (name) args[1] = name;',
    ).replace(
      "git(['fetch', req.body.remote], '/srv/work');",
      "git(['fetch', 'origin'], '/srv/work', req.body.remote);",
    );
    const found = (await scan({ 'app.js': set }, 'app.js')).filter((f) => f.ruleId === RULE);
    expect(found.map((f) => f.location.startLine)).toContain(5);
  });
});

describe('a wrapper of many program calls', () => {
  it('reads the wrapper once, not once per call (stays linear)', async () => {
    const calls = "  spawn('git', args);\n".repeat(10_000);
    const text = `const { spawn } = require('child_process');
const app = require('express')();
function git(args) {
${calls}}
app.post('/x', (req, res) => {
  git(['fetch', req.body.remote]);
});
`;
    const c0 = process.cpuUsage();
    const found = (await scan({ 'app.js': text }, 'app.js')).filter((f) => f.ruleId === RULE);
    const c = process.cpuUsage(c0);
    expect(found.map((f) => f.location.startLine)).toEqual([10_006]);
    // About 17 CPU-seconds when the wrapper's body was read for each of its calls; under 2 once.
    expect((c.user + c.system) / 1e6).toBeLessThan(8);
  }, 60_000);
});
