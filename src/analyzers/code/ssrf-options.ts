/**
 * Outgoing requests (sink class `ssrf`) made with an options object whose destination the program sets itself.
 * Node's `http.request(options)` connects to `options.hostname`, else `options.host`, on `options.port`: when the
 * program parses the client's URL into such an object (`const o = url.parse(fullUrl(req))`) and then overwrites
 * the host fields with its own values (`o.host = LOCALHOST; o.hostname = null; o.port = config.port`), request
 * data still picks the path, headers and method of the request, but not where it goes. SSRF is the choice of the
 * destination (OWASP, CWE-918), so such an object is not reported; the values of the path are another class's
 * concern. A proxy that sends the request to the host the client names is still reported.
 */
import type { SgNode } from '@ast-grep/napi';
import { fieldWritten } from './taint-fields.js';
import { functionName, type Definition } from './scope.js';
import { FUNCTIONS } from './name-binding.js';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';

type Write = Extract<Definition, { kind: 'add' }>;

/**
 * What an object may be made of for its fields to be only a URL's parts (protocol, auth, host, port, path, query,
 * hash): a URL parser's result or `new URL(…)`. An object copied from request data may carry `socketPath`,
 * `lookup` or `agent`, which also choose where a request goes, so it never qualifies; nor does a parameter.
 */
const URL_PARSER = /^(?:[\w$]+\.)*(?:parse|parseUrl|parseURL|urlParse|parseUri|parseURI)$/;

function madeOfUrlParts(value: SgNode): boolean {
  let v = value;
  while (kindOf(v) === 'parenthesized_expression' || kindOf(v) === 'await_expression') {
    const inner = v.namedChildren()[0];
    if (!inner) return false;
    v = inner;
  }
  const k = kindOf(v);
  if (k === 'new_expression') return /^(?:[\w$]+\.)*URL$/.test(v.field('constructor')?.text() ?? '');
  if (k === 'call_expression') return URL_PARSER.test(v.field('function')?.text() ?? '');
  return false;
}

/** The statement a write `x.f = v` stands in when it is a statement of a function's body itself (not in a branch). */
function bodyStatement(d: Write): SgNode | undefined {
  const stmt = d.node.parent()?.parent()?.parent();
  if (!stmt || kindOf(stmt) !== 'expression_statement') return undefined;
  const block = stmt.parent();
  if (!block || kindOf(block) !== 'statement_block') return undefined;
  const fn = block.parent();
  return fn && /function|arrow_function|method_definition/.test(kindOf(fn)) ? stmt : undefined;
}

const EMPTY = /^(?:null|undefined|''|"")$/;

/**
 * True when every definition of an options object read whole is its creation from a URL's parts, or a write of
 * one of its fields by name, and the program writes its destination after the last creation: `hostname`, and
 * `host` unless `hostname` is given a value, as statements of the function's body (not in a branch, so they
 * always happen), and `port` (a write in a branch counts: where the program has a port it sets it), each with a
 * value `clean` says carries no request data.
 */
export function destinationFixed(
  syn: Syntax,
  defs: readonly Definition[],
  clean: (value: SgNode) => boolean,
): boolean {
  let created = -1;
  const writes = new Map<string, Write[]>();
  for (const d of defs) {
    if (d.kind === 'param') return false;
    if (d.kind === 'value') {
      if (d.keys.length > 0 || !madeOfUrlParts(d.value)) return false;
      created = Math.max(created, d.node.range().end.index);
      continue;
    }
    const field = fieldWritten(syn, d);
    if (field === undefined) return false;
    writes.set(field, [...(writes.get(field) ?? []), d]);
  }
  if (created < 0) return false;
  // A write of the host in the body, after the object was made, that carries no request data.
  const fixes = (field: string): Write | undefined =>
    (writes.get(field) ?? []).find(
      (d) => bodyStatement(d) !== undefined && d.node.range().start.index > created && clean(d.value),
    );
  const hostname = fixes('hostname');
  if (!hostname) return false;
  if (EMPTY.test(hostname.value.text()) && !fixes('host')) return false;
  const hostWrites = writes.get('host') ?? [];
  const hostnameWrites = writes.get('hostname') ?? [];
  const ports = writes.get('port') ?? [];
  if (ports.length === 0) return false;
  return [...hostWrites, ...hostnameWrites, ...ports].every((d) => clean(d.value));
}

/**
 * Fields of a request's options that never choose where it goes: what is sent (headers, body, method, query
 * string, credentials) and how the answer is read. Request data there shapes the request, not its destination,
 * so an options object whose only request data is in such fields (`{ url: API, headers: req.headers }`,
 * `opts.method = req.method`) is no SSRF. `url`, `uri`, `host`, `hostname`, `port`, `path`, `baseURL`, `proxy`,
 * `agent`, `lookup` and `socketPath` are not listed: each may pick the peer.
 */
const NOT_DESTINATION = new Set([
  'headers',
  'body',
  'json',
  'data',
  'form',
  'formData',
  'method',
  'qs',
  'params',
  'searchParams',
  'query',
  'timeout',
  'encoding',
  'responseType',
  'auth',
]);

/**
 * An HTTP/2 pseudo-header key (`':authority'`, `':path'`): an object holding one is the header block of
 * `session.request(headers)`, which opens a stream on a session already connected to its peer
 * (`http2.connect(origin)`); none of its values moves the request to another host.
 */
const PSEUDO_HEADER = /^(['"]):(?:authority|path|method|scheme)\1$/;

/** The key of an object literal's pair (`f:`, `'f':`), or undefined for a computed one. */
function pairKey(pair: SgNode): string | undefined {
  const key = pair.field('key');
  if (!key || kindOf(key) === 'computed_property_name') return undefined;
  return kindOf(key) === 'string' ? key.text().slice(1, -1) : key.text();
}

/** An object literal with an HTTP/2 pseudo-header key: a header block, not a destination. */
function headerBlock(obj: SgNode): boolean {
  return obj.children().some((c) => kindOf(c) === 'pair' && PSEUDO_HEADER.test(c.field('key')?.text() ?? ''));
}

/**
 * A function's parameter whose URL field (`url`, `uri`, `href`) the function itself replaces, before the request
 * and unconditionally, with a value that carries no request data (`opts.url = BASE_URL + '/' + opts.url`): what
 * its callers pass under those keys does not reach the request. `fn` is the function's name, `index` the
 * parameter's position.
 */
export interface Rewrite {
  fn: string;
  index: number;
  keys: ReadonlySet<string>;
}

const URL_FIELD = /^(?:url|uri|href)$/;

function rewriteOf(
  syn: Syntax,
  defs: readonly Definition[],
  use: SgNode,
  clean: (value: SgNode) => boolean,
): Rewrite | undefined {
  const param = defs.find((d) => d.kind === 'param');
  const fn = param?.kind === 'param' ? param.fn : undefined;
  const name = fn && functionName(fn);
  if (!param || param.kind !== 'param' || !fn || !name) return undefined;
  const keys = new Set<string>();
  for (const d of defs) {
    const field = fieldWritten(syn, d);
    if (d.kind !== 'add' || field === undefined || !URL_FIELD.test(field) || keys.has(field)) continue;
    // A statement of the parameter's own function body, before the use: it always runs first.
    if (bodyStatement(d)?.parent()?.parent()?.id() !== fn.id()) continue;
    if (d.node.range().start.index < use.range().start.index && clean(d.value)) keys.add(field);
  }
  return keys.size > 0 ? { fn: name, index: param.index, keys } : undefined;
}

/**
 * The definitions of an options object read whole by a request that may choose its destination: a write of a
 * field that never does (`o.headers = …`) is left out, none when the program fixes the destination itself
 * (destinationFixed) or the object is an HTTP/2 header block (`h[':authority'] = host`). With the parameter's
 * URL field replaced in its function (Rewrite), what callers pass under that key is left out as well. Null for
 * another sink class.
 */
export function destinationDefinitions(
  o: { syn: Syntax; python: boolean; sinkClass?: string },
  defs: readonly Definition[],
  use: SgNode,
  clean: (value: SgNode) => boolean,
): { defs: readonly Definition[]; rewrite?: Rewrite } | null {
  if (o.sinkClass !== 'ssrf' || o.python) return null;
  const { syn } = o;
  const pseudo = (d: Definition): boolean => {
    if (d.kind !== 'add') return false;
    const target = d.node.parent();
    if (
      !target ||
      !syn.subscript.has(kindOf(target)) ||
      target.field(syn.subscriptObject)?.id() !== d.node.id()
    )
      return false;
    return PSEUDO_HEADER.test(target.field('index')?.text() ?? '');
  };
  if (destinationFixed(syn, defs, clean) || defs.some(pseudo)) return { defs: [] };
  const kept = defs.filter((d) => {
    const field = fieldWritten(syn, d);
    return field === undefined || !NOT_DESTINATION.has(field);
  });
  const rewrite = rewriteOf(syn, kept, use, clean);
  return rewrite ? { defs: kept, rewrite } : { defs: kept };
}

/** Library functions that pass an object literal on whole (`Object.assign`, `url.format`): its fields stay. */
const PASSES_OBJECTS =
  /^(?:assign|merge|defaults|extend|format|stringify|dumps|join|concat|String|toString)$/;

/**
 * True when the name `at` (bound to the literal `obj`) is also an argument of another call in the scope that
 * declares it (`Object.assign(o, req.body)`, `_.merge(o, …)`, `setUrl(o, u)`): that call may write any field,
 * the URL too, so the literal's pairs no longer tell which fields choose the destination.
 */
function handedElsewhere(obj: SgNode, at: SgNode): boolean {
  let scope = obj.parent();
  while (scope && !FUNCTIONS.has(kindOf(scope)) && kindOf(scope) !== 'program') scope = scope.parent();
  if (!scope) return true;
  return scope
    .findAll({ rule: { kind: 'identifier', regex: `^${at.text().replace(/\$/g, '\\$')}$` } })
    .some((n) => n.id() !== at.id() && kindOf(n.parent() ?? n) === 'arguments');
}

/**
 * The parts of an object literal handed straight to a call (a request function, or a function of the program
 * reading its parameter whole) that may choose a request's destination (sink class `ssrf`): its pairs but those
 * naming a field that never does or a URL field the called function replaces (Rewrite), its spreads, shorthand
 * properties and computed keys; none for an HTTP/2 header block. Undefined for any other node or sink class, or
 * an argument of a call that passes objects on, whose caller may read any field. `at` is the argument the call
 * is given: the literal itself, or a name bound to it (`const o = { url, params }; axios(o)`), whose later field
 * writes (`o.url = …`) are definitions of their own (destinationDefinitions).
 */
export function destinationParts(
  o: { syn: Syntax; python: boolean; sinkClass?: string },
  obj: SgNode,
  rewrite: Rewrite | undefined,
  at: SgNode = obj,
): SgNode[] | undefined {
  if (o.sinkClass !== 'ssrf' || o.python || kindOf(obj) !== 'object') return undefined;
  const args = at.parent();
  if (!args || kindOf(args) !== 'arguments') return undefined;
  const callee = args.parent()?.field(o.syn.callFunction);
  const name = callee && o.syn.member.has(kindOf(callee)) ? callee.field(o.syn.memberProperty) : callee;
  if (!name || PASSES_OBJECTS.test(name.text())) return undefined;
  if (at.id() !== obj.id() && handedElsewhere(obj, at)) return undefined;
  if (headerBlock(obj)) return [];
  const position = args.namedChildren().findIndex((c) => c.id() === at.id());
  const replaced = rewrite?.fn === name.text() && rewrite.index === position ? rewrite.keys : undefined;
  return obj.namedChildren().filter((c) => {
    const key =
      kindOf(c) === 'shorthand_property_identifier'
        ? c.text()
        : kindOf(c) === 'pair'
          ? pairKey(c)
          : undefined;
    return key === undefined || (!NOT_DESTINATION.has(key) && !replaced?.has(key));
  });
}

/**
 * The field a name taken apart from an object reads (`const { params } = o` is `o.params`), asked by name in the
 * ssrf class: read whole instead, a caller's literal `f({ params: url })` would lose that very pair as one that
 * never chooses a destination (destinationParts), although here it is the URL. Undefined for another class.
 */
export function destructuredField(
  o: { python: boolean; sinkClass?: string },
  keys: readonly string[],
): string | undefined {
  return o.sinkClass === 'ssrf' && !o.python ? keys[0] : undefined;
}
