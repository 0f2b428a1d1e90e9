import type { SgNode } from '@ast-grep/napi';

/**
 * Python's HTTP client libraries with the types of the requests they send. aiohttp's is `ClientRequest`: its
 * `aiohttp.web.Request` (`web_request.Request`) is the request an aiohttp server answers. Scrapy's requests
 * (`scrapy.Request`, `scrapy.http.FormRequest`…) are the crawler's own: the URLs it fetches, the headers and
 * cookies it sends.
 */
const CLIENTS: readonly (readonly [string, string])[] = [
  ['requests', 'Request|PreparedRequest'],
  ['httpx', 'Request'],
  ['urllib3', 'Request|PreparedRequest'],
  ['aiohttp', 'ClientRequest'],
  ['scrapy', 'Request|FormRequest|JsonRequest|XmlRpcRequest'],
];
const QUALIFIED = new RegExp(
  `^(?:${CLIENTS.map(([lib, types]) => `${lib}(?:\\.\\w+)*\\.(?:${types})`).join('|')})$`,
);
const BARE = /^(?:Request|PreparedRequest|ClientRequest|FormRequest|JsonRequest|XmlRpcRequest)$/;

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

const IMPORTS_SCRAPY = /^[ \t]*(?:from[ \t]+scrapy\b[\w.]*[ \t]+import\b|import[ \t]+scrapy\b)/m;
/** A module that imports a framework serving HTTP (or WebSocket) requests, whose handlers take a `request`. */
const IMPORTS_SERVER =
  /^[ \t]*(?:from|import)[ \t]+(?:django|flask|starlette|fastapi|tornado|aiohttp|bottle|pyramid|falcon|werkzeug|sanic|quart|cherrypy|twisted\.web|klein|litestar|webob|pecan|cornice|responder|masonite|http\.server|socketserver|wsgiref|channels|rest_framework|ninja|connexion|hug|eve|scrapyd)\b/m;

/**
 * Whether a Python module is a crawler's: it imports Scrapy and no framework that serves requests. There a
 * parameter named `request` (a downloader or spider middleware's `process_request(self, request, spider)`, a
 * pipeline's `file_path(self, request, response)`) is Scrapy's outgoing request, the URL the crawler fetches
 * and the headers and cookies it sends, whatever the function's annotation says. A module that also imports
 * Django, Flask, Twisted's web server or scrapyd keeps its `request` parameters as requests it serves.
 */
export function crawlerModule(moduleText: string): boolean {
  return IMPORTS_SCRAPY.test(moduleText) && !IMPORTS_SERVER.test(moduleText);
}

const IMPORTS_REQUESTS = /^[ \t]*(?:from[ \t]+requests\b[\w.]*[ \t]+import\b|import[ \t]+requests\b)/m;

/**
 * Whether a Python function hands its parameter `name` to requests to be sent: `session.prepare_request(name)`
 * or `name.prepare()`, in a module that imports requests. Only a `requests.Request` has what those read
 * (`hooks`, `auth`, `params`); a server's request object passed there would fail, so the function itself says
 * the parameter is the program's own outgoing request.
 */
export function sentByClient(fn: SgNode, name: string, moduleText: string): boolean {
  if (!IMPORTS_REQUESTS.test(moduleText)) return false;
  const body = fn.field('body');
  if (!body) return false;
  // The name must still be the parameter where it is sent: not a nested function's parameter or a
  // comprehension's variable of the same name (review40).
  return body.findAll({ rule: { kind: 'call' } }).some((call) => {
    if (inNestedScope(call, body)) return false;
    const callee = call.field('function');
    if (callee?.kind() !== 'attribute') return false;
    const attr = callee.field('attribute')?.text();
    const args = call.field('arguments')?.namedChildren() ?? [];
    if (attr === 'prepare_request') return args.length === 1 && args[0]!.text() === name;
    return attr === 'prepare' && args.length === 0 && callee.field('object')?.text() === name;
  });
}

const NESTED_SCOPES = new Set([
  'function_definition',
  'lambda',
  'class_definition',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);

/** Whether `node` sits in a function, class or comprehension nested inside `body`. */
function inNestedScope(node: SgNode, body: SgNode): boolean {
  for (let p = node.parent(); p && p.id() !== body.id(); p = p.parent())
    if (NESTED_SCOPES.has(String(p.kind()))) return true;
  return false;
}

/**
 * Whether the parameter at `index` of the module-private top-level function `fn` (`def _url(request)`) is
 * given, at every call of it in the module, a parameter of the caller annotated as a client library's
 * request (clientRequestParam), and the function's name is used nowhere but in those calls. A leading
 * underscore keeps other modules out by convention; a function passed as a value or called with anything
 * else keeps its parameter a request.
 */
export function onlyGivenClientRequests(
  fn: SgNode,
  index: number,
  moduleText: string,
  paramOf: (arg: SgNode) => SgNode[] | undefined,
): boolean {
  const nameNode = fn.field('name');
  const top = fn.parent()?.kind() === 'decorated_definition' ? fn.parent()?.parent() : fn.parent();
  if (!nameNode || !nameNode.text().startsWith('_') || top?.kind() !== 'module') return false;
  const uses = top.findAll({ rule: { kind: 'identifier', regex: `^${nameNode.text()}$` } });
  let calls = 0;
  for (const use of uses) {
    if (use.id() === nameNode.id()) continue;
    const call = use.parent();
    if (call?.kind() !== 'call' || call.field('function')?.id() !== use.id()) return false;
    const arg = call.field('arguments')?.namedChildren()[index];
    if (arg?.kind() !== 'identifier') return false;
    const params = paramOf(arg);
    if (!params?.length || !params.every((p) => clientRequestParam(p, moduleText))) return false;
    calls++;
  }
  return calls > 0;
}

// A route decorator (`@app.get("/crawl")`, `@router.route(…)`, `@get("/x")`): whatever the module imports.
const ROUTE_DECORATOR =
  /^@[ \t]*(?:[\w$]+[ \t]*\.[ \t]*)*(?:route|get|post|put|patch|delete|head|options|websocket|api_route|view_config|endpoint)[ \t]*\(/;

/**
 * Whether a Python function is a route's handler by its decorator: a server framework the crawler module's
 * import list misses (Robyn, BlackSheep) serves `request` to it, so it is the request served, not Scrapy's.
 */
export function routeHandler(fn: SgNode): boolean {
  const outer = fn.parent();
  if (outer?.kind() !== 'decorated_definition') return false;
  return outer.children().some((c) => c.kind() === 'decorator' && ROUTE_DECORATOR.test(c.text()));
}
