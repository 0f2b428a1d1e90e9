import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { runCli } from './helpers/cli.js';

// End to end through the CLI: an application whose login also opens a bash WebSocket. A path traversal in a
// route behind that login is kept in the results, marked by design, and left out of the reported findings;
// one in a route registered before the guard is reported (lowered one step, with the shell's note).

const FILES: Record<string, string> = {
  'package.json': '{"name":"shell-ui","version":"1.0.0","main":"server/index.js"}',
  'server/middleware/auth.js': `const jwt = require('jsonwebtoken');
function authenticateToken(req, res, next) {
  try { req.user = jwt.verify(req.headers.authorization, process.env.SECRET); next(); } catch (e) { res.sendStatus(401); }
}
function authenticateWebSocket(token) { return jwt.verify(token, process.env.SECRET); }
module.exports = { authenticateToken, authenticateWebSocket };
`,
  'server/index.js': `const express = require('express');
const fs = require('fs');
const pty = require('node-pty');
const { WebSocketServer } = require('ws');
const { authenticateToken, authenticateWebSocket } = require('./middleware/auth');
const filesRoutes = require('./routes/files');
const app = express();
app.get('/api/early', (req, res) => {
  res.send(fs.readFileSync(req.query.path, 'utf8'));
});
app.use('/api/files', authenticateToken, filesRoutes);
app.get('/api/own', authenticateToken, (req, res) => {
  res.send(fs.readFileSync(req.query.path, 'utf8'));
});
const wss = new WebSocketServer({ server: app.listen(3000), verifyClient: (info) => authenticateWebSocket(info.req.headers.token) });
wss.on('connection', (ws) => {
  let term = null;
  ws.on('message', (message) => {
    const data = JSON.parse(message);
    if (data.type === 'init') term = pty.spawn('bash', [], {});
    else term.write(data.data);
  });
});
`,
  'server/routes/files.js': `const express = require('express');
const fs = require('fs');
const router = express.Router();
router.get('/read', (req, res) => {
  res.send(fs.readFileSync(req.query.path, 'utf8'));
});
module.exports = router;
`,
};

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-by-design-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scan = (...more: string[]) => runCli(['scan', dir, '--only', 'code', '--no-progress', ...more]);

describe('findings behind the login that opens a shell, through the CLI', () => {
  it('are kept in the JSON, marked by design and counted, and the open route is reported', () => {
    const r = scan('-f', 'json');
    const json = JSON.parse(r.stdout) as ScanResult;
    const traversal = json.findings.filter((f) => f.ruleId === 'code/js-path-traversal');
    const at = (path: string, line: number) =>
      traversal.find((f) => f.location.path === path && f.location.startLine === line);
    expect(at('server/index.js', 13)?.suppression?.kind).toBe('by-design');
    expect(at('server/routes/files.js', 5)?.suppression?.kind).toBe('by-design');
    const early = at('server/index.js', 9);
    expect(early?.suppression).toBeUndefined();
    expect(early?.severity).toBe('medium');
    expect(json.summary.byDesign).toEqual([
      { reason: expect.stringContaining('shell at server/index.js:20') as string, findings: 2 },
    ]);
  });

  it('says so in the table and lists them as suppressions in SARIF', () => {
    const table = scan('-f', 'table');
    expect(table.stdout).toMatch(/Not reported, by design: 2 findings: .*authenticateToken/);
    const sarif = JSON.parse(scan('-f', 'sarif').stdout) as {
      runs: { results: { suppressions?: { kind: string }[] }[] }[];
    };
    const suppressed = sarif.runs[0]!.results.filter((r) =>
      r.suppressions?.some((s) => s.kind === 'external'),
    );
    expect(suppressed).toHaveLength(2);
  });
});
