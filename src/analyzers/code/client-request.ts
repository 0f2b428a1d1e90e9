import type { SgNode } from '@ast-grep/napi';

/** Python's HTTP client libraries, whose `Request` is a request the program sends. */
const CLIENT = '(?:requests|httpx|aiohttp|urllib3)';
const CLIENT_TYPE = '(?:Request|PreparedRequest|ClientRequest)';
const QUALIFIED = new RegExp(`^${CLIENT}(?:\\.\\w+)*\\.${CLIENT_TYPE}$`);
const BARE = new RegExp(`^${CLIENT_TYPE}$`);

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
  const imported = new RegExp(
    `^[ \\t]*from[ \\t]+${CLIENT}(?:\\.\\w+)*[ \\t]+import[ \\t][^\\n]*\\b${type}\\b(?![ \\t]+as\\b)`,
    'm',
  );
  const elsewhere = new RegExp(
    `^[ \\t]*from[ \\t]+(?!${CLIENT}\\b)[\\w.]+[ \\t]+import[ \\t][^\\n]*\\b${type}\\b|\\bclass[ \\t]+${type}\\b|\\bas[ \\t]+${type}\\b|^[ \\t]*${type}[ \\t]*=`,
    'm',
  );
  return imported.test(moduleText) && !elsewhere.test(moduleText);
}
