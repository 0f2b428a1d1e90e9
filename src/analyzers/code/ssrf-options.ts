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
import type { Definition } from './scope.js';
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
