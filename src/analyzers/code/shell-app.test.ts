import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { jsShellLine, pyShellLine } from './shell-app.js';

let seq = 0;

async function scanAll(files: Record<string, string>): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-shell-${++seq}`);
  const out: RawFinding[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (!/\.(js|py)$/.test(path)) continue;
    out.push(...(await codeAnalyzer.analyze(makeSourceFile(path, text), ctx)));
  }
  return out;
}

/** A web terminal: the logged-in user's WebSocket messages are typed into bash. */
const TERMINAL = `import pty from 'node-pty';
import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ server, verifyClient: checkToken });
wss.on('connection', (ws) => {
  let shellProcess = null;
  ws.on('message', (message) => {
    const data = JSON.parse(message);
    if (data.type === 'init') {
      const shell = os.platform() === 'win32' ? 'powershell.exe' : 'bash';
      shellProcess = pty.spawn(shell, ['-l'], { cwd: data.projectPath });
    } else if (data.type === 'input') {
      shellProcess.write(data.data);
    }
  });
});
`;

const FILES = `const express = require('express');
const fs = require('fs');
const app = express();
app.use(authenticateToken);
app.get('/file', (req, res) => {
  res.send(fs.readFileSync(req.query.path, 'utf8'));
});
app.get('/page', (req, res) => {
  res.send('<p>' + req.query.name + '</p>');
});
app.listen(3000);
`;

describe('applications that give their users a shell (shell-app.ts)', () => {
  it('finds a pty spawning a shell fed from a WebSocket message, at the spawn', () => {
    expect(jsShellLine(TERMINAL)).toBe(10);
    const cp = `const { spawn } = require('child_process');\nio.on('connection', (socket) => {\n  const sh = spawn(process.env.SHELL, []);\n  socket.on('cmd', (c) => sh.stdin.write(c));\n});\n`;
    expect(jsShellLine(cp)).toBe(3);
  });

  it('does not count a CLI, a fixed command, a login terminal, a literal write or no write at all', () => {
    const cli = `import pty from 'node-pty';\nconst p = pty.spawn('bash', []);\nprocess.stdin.on('data', (d) => p.write(d));\n`;
    expect(jsShellLine(cli)).toBeUndefined();
    expect(jsShellLine(TERMINAL.replace("'powershell.exe' : 'bash'", "'npm' : 'npm'"))).toBeUndefined();
    const login = TERMINAL.replace('pty.spawn(shell,', "pty.spawn('/usr/bin/env',");
    expect(jsShellLine(login)).toBeUndefined();
    expect(
      jsShellLine(TERMINAL.replace('shellProcess.write(data.data)', "shellProcess.write('exit\\n')")),
    ).toBeUndefined();
    expect(jsShellLine(TERMINAL.replace('shellProcess.write(data.data);', ''))).toBeUndefined();
  });

  it('finds Jupyter-style terminado terminals in Python', () => {
    const py = `# terminals\nimport terminado\n\nclass TermSocket(WebSocketMixin, terminado.TermSocket):\n    pass\n`;
    expect(pyShellLine(py)).toBe(4);
    expect(pyShellLine('# class TermSocket(terminado.TermSocket):\nx = 1\n')).toBeUndefined();
  });

  it('stays linear on hostile files: many spawn calls, an unclosed or far-closed class base list', () => {
    const head = "const cp = require('child_process');\nsocket.on('x', (d) => {});\n// write\n";
    const t0 = Date.now();
    expect(jsShellLine(head + "p = spawn('sh');\n".repeat(28_000))).toBeUndefined();
    expect(jsShellLine(head + 'p = spawn(q);\n'.repeat(30_000))).toBeUndefined();
    expect(jsShellLine(head + "p = spawn('sh');" + 'a'.repeat(400_000))).toBeUndefined();
    expect(pyShellLine('class A(' + ' TermSocket'.repeat(36_000))).toBeUndefined();
    expect(pyShellLine('Term\n' + 'class A( TermSocket\n'.repeat(20_000) + 'x = (1)\n')).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(2000);
    // The one-pass reads find what the per-call searches found.
    const many = head + "p = spawn('sh');\n".repeat(1000) + 'sh = spawn(shell);\nsh.write(d);\n';
    expect(jsShellLine(many)).toBe(1004);
    expect(pyShellLine('class T(\n    terminado.TermSocket,\n):\n    pass\n')).toBe(1);
  });

  it('lowers request-tainted file access one step with a note naming the shell, and leaves XSS alone', async () => {
    const found = await scanAll({
      'package.json': '{}',
      'server/index.js': FILES,
      'server/shell.js': TERMINAL,
    });
    const path = found.find((f) => f.ruleId === 'code/js-path-traversal');
    expect(path?.severity).toBe('medium');
    expect(path?.message).toContain('gives logged-in users a shell at server/shell.js:10');
    const xss = found.filter((f) => f.ruleId.startsWith('code/js-xss'));
    expect(xss.length).toBeGreaterThan(0);
    for (const f of xss) expect(f.message).not.toContain('shell at');
  });

  it('keeps the severity where there is no shell, the shell is a test, or nothing checks a login', async () => {
    const plain = await scanAll({ 'package.json': '{}', 'server/index.js': FILES });
    expect(plain.find((f) => f.ruleId === 'code/js-path-traversal')?.severity).toBe('high');
    const test = await scanAll({
      'package.json': '{}',
      'server/index.js': FILES,
      'test/shell.test.js': TERMINAL,
    });
    expect(test.find((f) => f.ruleId === 'code/js-path-traversal')?.severity).toBe('high');
    const open = await scanAll({
      'package.json': '{}',
      'server/index.js': FILES.replace('app.use(authenticateToken);\n', ''),
      'server/shell.js': TERMINAL.replace(', verifyClient: checkToken', ''),
    });
    const f = open.find((x) => x.ruleId === 'code/js-path-traversal');
    expect(f?.severity).toBe('high');
    expect(f?.message).not.toContain('shell at');
    // A comment that names a login is no login.
    const todo = await scanAll({
      'package.json': '{}',
      'server/index.js': FILES.replace('app.use(authenticateToken);\n', '// TODO: authenticate users\n'),
      'server/shell.js': TERMINAL.replace(', verifyClient: checkToken', ''),
    });
    expect(todo.find((x) => x.ruleId === 'code/js-path-traversal')?.severity).toBe('high');
  });
});
