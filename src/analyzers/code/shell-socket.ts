/**
 * The other WebSocket handlers of the server that admits the shell (shell-app.ts, shell-login.ts). An application
 * may serve its terminal and its other socket messages from one WebSocket server (`new WebSocketServer({ server,
 * verifyClient })`, then `wss.on('connection', (ws, req) => pathname === '/shell' ? handleShell(ws) :
 * handleChat(ws))`): every connection passes the same `verifyClient`, so whoever can send a chat message can open
 * the shell too, and a path or command in that message gives them nothing the shell does not. Proven, never
 * guessed:
 *
 * - the server is built in the shell's own file with a `verifyClient` that checks a login (it calls
 *   `authenticateWebSocket(…)`, `jwt.verify(…)`, a session parser) and can refuse (`return false`,
 *   `cb(false…)`): without one every connection is open, the shell included, and nothing is by design. One
 *   that only compares the Origin header refuses other sites' pages, not a client that sends any Origin;
 * - its `connection` callback calls the function that holds the shell and the other handler, each given the
 *   callback's socket, both functions declared in that file; a callback that checks roles or admins
 *   (`isAdmin`, `user.role ===`) may give the shell to fewer users than the other path, and proves nothing.
 *
 * The line spans of those other handlers count as behind the shell's login.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { languageOf } from './languages.js';
// STRICTER: a check that may give the shell to fewer users than the other path.
import { LOGIN_FN, STRICTER } from './shell-login.js';

/** The `ws` package's server class and its usual aliases (`new WebSocket.Server`, `new WebSocketServer`). */
const SERVER_CLASS = /^(?:[\w$]+\.)?(?:WebSocketServer|Server)$/;
/** A `verifyClient` that refuses a connection: it returns false or hands false to its callback. */
const REFUSES = /\breturn\s+false\b|\b(?:cb|callback|done|next)\s*\(\s*false\b/;
const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function']);

/** Spans (first, last line) of a file's top-level function declarations, by name. */
function declaredFunctions(root: SgNode): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const d of root.findAll({ rule: { kind: 'function_declaration' } })) {
    const name = d.field('name')?.text();
    if (name !== undefined && !out.has(name))
      out.set(name, [d.range().start.line + 1, d.range().end.line + 1]);
  }
  return out;
}

/** Whether a `verifyClient` calls a login check (`authenticateWebSocket(…)`, `jwt.verify(…)`, `sessionParser(…)`). */
function checksLogin(verify: SgNode): boolean {
  return verify.findAll({ rule: { kind: 'call_expression' } }).some((c) => {
    const callee = c.field('function')?.text() ?? '';
    return LOGIN_FN.test(callee) && !/verifyClient$/i.test(callee);
  });
}

/** The names of WebSocket servers built in the file with a `verifyClient` that checks a login and can refuse. */
function guardedServers(root: SgNode): Set<string> {
  const out = new Set<string>();
  for (const n of root.findAll({ rule: { kind: 'new_expression' } })) {
    const ctor = n.field('constructor')?.text() ?? '';
    if (!SERVER_CLASS.test(ctor)) continue;
    const options = n.field('arguments')?.namedChildren()[0];
    if (options?.kind() !== 'object') continue;
    const verify = options
      .namedChildren()
      .find(
        (p) =>
          (p.kind() === 'pair' || p.kind() === 'method_definition') &&
          /^verifyClient$/.test(p.field('key')?.text() ?? p.field('name')?.text() ?? ''),
      );
    if (!verify || !REFUSES.test(verify.text()) || !checksLogin(verify)) continue;
    const decl = n.parent();
    const name = decl?.kind() === 'variable_declarator' ? decl.field('name')?.text() : undefined;
    if (name !== undefined && /^[\w$]+$/.test(name)) out.add(name);
  }
  return out;
}

/**
 * Whether every mention of the function `name` is its declaration or lies in one of `callbacks`: a function also
 * handed to another server's `connection` (one without the login), exported (`export function`,
 * `module.exports = { name }`) or passed on may be reached without the shell's login.
 */
function onlyCalledFrom(root: SgNode, name: string, callbacks: readonly SgNode[]): boolean {
  const mentions = root.findAll({
    rule: {
      any: [{ kind: 'identifier' }, { kind: 'shorthand_property_identifier' }],
      regex: `^${name.replace(/\$/g, '\\$')}$`,
    },
  });
  const inside = (n: SgNode): boolean =>
    callbacks.some(
      (c) => n.range().start.index >= c.range().start.index && n.range().end.index <= c.range().end.index,
    );
  return mentions.every((n) => {
    const parent = n.parent();
    if (parent?.kind() === 'function_declaration' && parent.field('name')?.id() === n.id())
      return parent.parent()?.kind() !== 'export_statement';
    return inside(n);
  });
}

/**
 * Line spans of the functions in the shell's file that a guarded WebSocket server's `connection` callback hands
 * its socket to beside the function holding the shell (at `shellLine`); empty when nothing is proven.
 */
export function socketHandlersBesideShell(path: string, text: string, shellLine: number): [number, number][] {
  const lang = languageOf(path.slice(path.lastIndexOf('.') + 1).toLowerCase());
  if (!lang || lang.family === 'python' || !/verifyClient/.test(text)) return [];
  const root = parse(lang.lang, text).root();
  const servers = guardedServers(root);
  if (servers.size === 0) return [];
  const functions = declaredFunctions(root);
  const shellFn = [...functions].find(([, [a, b]]) => shellLine >= a && shellLine <= b)?.[0];
  if (shellFn === undefined) return [];
  const beside = new Set<string>();
  const callbacks: SgNode[] = [];
  for (const call of root.findAll({ rule: { kind: 'call_expression' } })) {
    const callee = call.field('function');
    const receiver = callee?.field('object')?.text() ?? '';
    if (callee?.kind() !== 'member_expression' || callee.field('property')?.text() !== 'on') continue;
    if (!servers.has(receiver)) continue;
    const [event, handler] = call.field('arguments')?.namedChildren() ?? [];
    if (
      !event ||
      !/^['"`]connection['"`]$/.test(event.text()) ||
      !handler ||
      !FUNCTIONS.has(String(handler.kind()))
    )
      continue;
    if (STRICTER.test(handler.text())) continue;
    const params = handler.field('parameters')?.namedChildren() ?? [];
    const socket = (params[0] ?? handler.field('parameter'))?.text();
    if (socket === undefined || !/^[\w$]+$/.test(socket)) continue;
    // The functions the callback hands its socket to (`handleShellConnection(ws)`).
    const given = new Set<string>();
    for (const c of handler.findAll({ rule: { kind: 'call_expression' } })) {
      const name = c.field('function');
      const first = c.field('arguments')?.namedChildren()[0];
      if (name?.kind() === 'identifier' && first?.text() === socket && functions.has(name.text()))
        given.add(name.text());
    }
    if (!given.has(shellFn)) continue;
    callbacks.push(handler);
    for (const name of given) if (name !== shellFn) beside.add(name);
  }
  return [...beside]
    .filter((name) => onlyCalledFrom(root, name, callbacks))
    .map((name) => functions.get(name)!);
}
