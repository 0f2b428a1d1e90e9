/** Test material shared by shell-login.test.ts and minted-key-guard.test.ts: a small web terminal application. */
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

let seq = 0;

export async function scanAll(files: Record<string, string>): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-shell-login-${++seq}`);
  const out: RawFinding[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith('.js')) continue;
    out.push(...(await codeAnalyzer.analyze(makeSourceFile(path, text), ctx)));
  }
  return out;
}

export const AUTH = `const jwt = require('jsonwebtoken');
function authenticateToken(req, res, next) {
  try { req.user = jwt.verify(req.headers.authorization, process.env.SECRET); next(); } catch (e) { res.sendStatus(401); }
}
function authenticateWebSocket(token) { return jwt.verify(token, process.env.SECRET); }
module.exports = { authenticateToken, authenticateWebSocket };
`;

/** A web terminal admitted by the login module's WebSocket check, and the app's routes around the JWT guard. */
export const SERVER = `const express = require('express');
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
`;

export const ROUTER = `const express = require('express');
const fs = require('fs');
const router = express.Router();
router.get('/read', (req, res) => {
  res.send(fs.readFileSync(req.query.path, 'utf8'));
});
module.exports = router;
`;

export const APP = {
  'package.json': '{}',
  'server/middleware/auth.js': AUTH,
  'server/index.js': SERVER,
  'server/routes/files.js': ROUTER,
};

export function traversal(found: RawFinding[], path: string, line: number): RawFinding | undefined {
  return found.find(
    (f) => f.ruleId === 'code/js-path-traversal' && f.location.path === path && f.location.startLine === line,
  );
}
