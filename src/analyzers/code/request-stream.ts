import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';

/**
 * A request body read by its stream events, as servers on Node's `http` alone read it:
 * `req.on('data', (chunk) => { body += chunk; })` (or `chunks.push(chunk)`, then `Buffer.concat(chunks)`).
 * Node's incoming request is a readable stream of the body the client sent, so the `data` listener's first
 * parameter is request data, as `req.body` is where a framework parsed it. Only on the incoming request:
 * the same listener on a client's response (`res.on('data')` of `http.get`), a socket or a file stream reads
 * something else, and is left to the sources that name those.
 */

const LISTEN = /^(?:on|once|addListener|prependListener|prependOnceListener)$/;
const DATA = /^(['"`])data\1$/;

/**
 * The receiver of the listener registration `fn` is handed to as a `data` listener (`req` of
 * `req.on('data', fn)`), when it is a plain name; else undefined.
 */
export function dataListenerReceiver(syn: Syntax, fn: SgNode): SgNode | undefined {
  const args = fn.parent();
  if (args?.kind() !== 'arguments') return undefined;
  const list = args.namedChildren();
  if (list.length !== 2 || list[1]?.id() !== fn.id() || !DATA.test(list[0]?.text() ?? '')) return undefined;
  const call = args.parent();
  const callee = call?.kind() === 'call_expression' ? call.field(syn.callFunction) : null;
  if (callee?.kind() !== 'member_expression' || !LISTEN.test(callee.field(syn.memberProperty)?.text() ?? ''))
    return undefined;
  const recv = callee.field(syn.memberObject);
  return recv && syn.identifiers.has(kindOf(recv)) ? recv : undefined;
}
