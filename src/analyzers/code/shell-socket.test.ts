import { describe, expect, it } from 'vitest';
import { socketHandlersBesideShell } from './shell-socket.js';

/** A server file that serves its terminal and its chat from one WebSocket server (shell at line 17). */
const server = (
  verify: string,
  route = "pathname === '/shell' ? handleShell(ws) : handleChat(ws);",
): string =>
  [
    "import { WebSocketServer } from 'ws';",
    "import pty from 'node-pty';",
    "import { authenticateWebSocket } from './middleware/auth.js';",
    `const wss = new WebSocketServer({ server, ${verify} });`,
    "wss.on('connection', (ws, request) => {",
    "  const pathname = new URL(request.url, 'http://localhost').pathname;",
    `  ${route}`,
    '});',
    'function handleChat(ws) {',
    "  ws.on('message', async (message) => {",
    '    const data = JSON.parse(message);',
    '    await saveImages(data.options.cwd);',
    '  });',
    '}',
    'function handleShell(ws) {',
    "  ws.on('message', (m) => {",
    "    const p = pty.spawn('bash', [], {});",
    '    p.write(JSON.parse(m).data);',
    '  });',
    '}',
  ].join('\n');

const REFUSING =
  'verifyClient: (info) => { const user = authenticateWebSocket(info.req.headers.authorization); if (!user) return false; return true; }';

describe('other handlers of the WebSocket server that admits the shell', () => {
  it("are behind the shell's login when one verifyClient that can refuse admits every connection", () => {
    expect(socketHandlersBesideShell('server/index.js', server(REFUSING), 17)).toEqual([[9, 14]]);
    const callback =
      'verifyClient: (info, cb) => verifyToken(info.req).then((u) => cb(!!u), () => cb(false, 401))';
    expect(socketHandlersBesideShell('server/index.ts', server(callback), 17)).toEqual([[9, 14]]);
  });
  it('prove nothing without a verifyClient that can refuse, or when the callback checks roles', () => {
    expect(socketHandlersBesideShell('server/index.js', server('perMessageDeflate: false'), 17)).toEqual([]);
    expect(socketHandlersBesideShell('server/index.js', server('verifyClient: () => true'), 17)).toEqual([]);
    // One that only compares the Origin refuses other sites' pages, not a client sending any Origin.
    const origin =
      "verifyClient: (info) => { if (info.origin !== 'https://app.acme-shop.io') return false; return true; }";
    expect(socketHandlersBesideShell('server/index.js', server(origin), 17)).toEqual([]);
    expect(
      socketHandlersBesideShell('server/index.js', server('verifyClient: (i, cb) => cb(false)'), 17),
    ).toEqual([]);
    const admin = 'if (request.user.isAdmin) handleShell(ws); else handleChat(ws);';
    expect(socketHandlersBesideShell('server/index.js', server(REFUSING, admin), 17)).toEqual([]);
  });
  it('prove nothing for a handler also reached another way (an open server, an export)', () => {
    const open =
      "const lobby = new WebSocketServer({ port: 8081 });\nlobby.on('connection', (s) => handleChat(s));";
    expect(socketHandlersBesideShell('server/index.js', `${server(REFUSING)}\n${open}`, 17)).toEqual([]);
    const exported = `${server(REFUSING)}\nmodule.exports = { handleChat };`;
    expect(socketHandlersBesideShell('server/index.js', exported, 17)).toEqual([]);
    const declared = server(REFUSING).replace('function handleChat', 'export function handleChat');
    expect(socketHandlersBesideShell('server/index.js', declared, 17)).toEqual([]);
  });
  it('prove nothing when the callback does not hand its socket to the shell', () => {
    expect(socketHandlersBesideShell('server/index.js', server(REFUSING, 'handleChat(ws);'), 17)).toEqual([]);
    // The shell's function is given another socket than the connection's.
    const other = 'handleShell(adminSocket); handleChat(ws);';
    expect(socketHandlersBesideShell('server/index.js', server(REFUSING, other), 17)).toEqual([]);
  });
});
