import type { SgNode } from '@ast-grep/napi';

/**
 * Python's HTTP client libraries with the types of the requests they send. aiohttp's is `ClientRequest`: its
 * `aiohttp.web.Request` (`web_request.Request`) is the request an aiohttp server answers.
 */
const CLIENTS: readonly (readonly [string, string])[] = [
  ['requests', 'Request|PreparedRequest'],
  ['httpx', 'Request'],
  ['urllib3', 'Request|PreparedRequest'],
  ['aiohttp', 'ClientRequest'],
];
const QUALIFIED = new RegExp(
  `^(?:${CLIENTS.map(([lib, types]) => `${lib}(?:\\.\\w+)*\\.(?:${types})`).join('|')})$`,
);
const BARE = /^(?:Request|PreparedRequest|ClientRequest)$/;

/** The client libraries whose request type is named `type`. */
const librariesOf = (type: string): string =>
  `(?:${CLIENTS.filter(([, types]) => types.split('|').includes(type))
    .map(([lib]) => lib)
    .join('|')})`;

/**
 * Whether a Python parameter is annotated as an HTTP client library's request (`def log_request(request:
 * Request)` with `Request` imported from requests or httpx, or `req: requests.PreparedRequest`): the program's
 * own outgoing request, whose URL, body and files it made itself, not the request it serves. A bare name counts
 * only when the module imports it from such a library on one line and binds it nowhere else (no other
 * module's `Request`, no class or alias of that name): Starlette's, Django's or Flask's `Request` stays the
 * incoming request.
 */
export function clientRequestParam(param: SgNode, moduleText: string): boolean {
  const typed = param.parent();
  if (!typed || (typed.kind() !== 'typed_parameter' && typed.kind() !== 'typed_default_parameter'))
    return false;
  const type = typed.field('type')?.text().trim() ?? '';
  if (QUALIFIED.test(type)) return true;
  if (!BARE.test(type)) return false;
  const libs = librariesOf(type);
  const imported = new RegExp(
    `^[ \\t]*from[ \\t]+${libs}(?:\\.\\w+)*[ \\t]+import[ \\t][^\\n]*\\b${type}\\b(?![ \\t]+as\\b)`,
    'm',
  );
  const elsewhere = new RegExp(
    `^[ \\t]*from[ \\t]+(?!${libs}\\b)[\\w.]+[ \\t]+import[ \\t][^\\n]*\\b${type}\\b|\\bclass[ \\t]+${type}\\b|\\bas[ \\t]+${type}\\b|^[ \\t]*${type}[ \\t]*=`,
    'm',
  );
  return imported.test(moduleText) && !elsewhere.test(moduleText);
}
