import type { SgNode } from '@ast-grep/napi';
import { namesBoundTo } from './bound-names.js';
import type { DefinitionLookup } from './definitions.js';
import type { FileIndex } from './file-index.js';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';

/**
 * Fields of a parsed URL whose text can hold none of HTML's metacharacters (`<`, `>`, `"`, `'`), by parser.
 * Node's `url.parse`: `port` (its pattern is `:[0-9]*$`), `protocol` (`[a-z0-9.+-]+:`), and `hostname` and
 * `host` (a host part is cut at the first character outside letters, digits and a few marks, the rest
 * moved to the path; checked on Node 20 for every ASCII character in each position, with and without a
 * scheme: `<`, `>`, `"` and `'` never stay). The WHATWG `URL`: `port` (digits or empty) and `protocol` (a
 * scheme). Not its `hostname` or `host`: `"` and `'` stay there (`new URL('http://a"b.com/').hostname`), which
 * end an attribute. Never `pathname`, `path`, `href`, `query`, `search` of `url.parse`, `auth`, `username`.
 */
const LEGACY = new Set(['port', 'protocol', 'hostname', 'host']);
const WHATWG = new Set(['port', 'protocol']);
type Parser = 'legacy' | 'whatwg';
const MAX_HOPS = 4;

const urlNames = new WeakMap<SgNode, Set<string>>();

/** What the evaluator's file gives this test. */
interface UrlFieldContext {
  index: FileIndex;
  root: SgNode;
  syn: Syntax;
  defs: DefinitionLookup;
}

/**
 * Whether `node` reads a markup-free field of a URL that Node's `url.parse`, `new URL` or `URL.parse` made
 * (`url.parse(s).port`, or `u.hostname` where every definition of `u` that reaches the read is such a parse,
 * directly or as what a function of the file returns, `null` besides). A write to the field (`u.port = v`)
 * is a definition of `u` that is not a parse, so it keeps the read tainted. JavaScript only, for HTML sinks
 * (a port chosen by the user still matters to an outgoing request).
 */
export function markupFreeUrlField(
  node: SgNode,
  file: { index: FileIndex; root: SgNode; syn: Syntax; python: boolean; sinkClass?: string },
  defs: DefinitionLookup,
): boolean {
  if (file.sinkClass !== 'html' || file.python || node.kind() !== 'member_expression') return false;
  const field = node.field('property')?.text() ?? '';
  if (!LEGACY.has(field)) return false;
  const c: UrlFieldContext = { index: file.index, root: file.root, syn: file.syn, defs };
  const obj = node.field('object');
  const parsers = new Set<Parser>();
  if (!obj || !parsedBy(obj, c, parsers, 0) || parsers.size === 0) return false;
  return (parsers.has('whatwg') ? WHATWG : LEGACY).has(field);
}

/** Whether every value `e` can be is a parsed URL (or null); the parsers seen are added to `out`. */
function parsedBy(e: SgNode, c: UrlFieldContext, out: Set<Parser>, hops: number): boolean {
  if (hops > MAX_HOPS) return false;
  const k = kindOf(e);
  if (k === 'parenthesized_expression') {
    const inner = e.namedChildren()[0];
    return !!inner && parsedBy(inner, c, out, hops + 1);
  }
  if (k === 'null' || k === 'undefined') return true;
  if (k === 'new_expression') {
    const ctor = e.field('constructor');
    if (!ctor || !isUrlClass(ctor, c)) return false;
    out.add('whatwg');
    return true;
  }
  if (k === 'identifier') {
    // `Object.assign(p, req.body)`, `_.merge(p, …)`: fields copied into the parse's result are not its own.
    const name = e.text().replace(/\$/g, '\\$');
    if (
      new RegExp(`\\b(?:assign|extend|merge|defaults|defaultsDeep)\\(\\s*${name}\\s*[,)]`).test(
        c.index.textOf(c.root),
      )
    )
      return false;
    const defs = c.defs.definitionsOf(e);
    return (
      defs.length > 0 &&
      defs.every(
        (d) => d.kind === 'value' && d.keys.length === 0 && !d.element && parsedBy(d.value, c, out, hops + 1),
      ) &&
      // Last: it walks the file, and only a parse's name gets here.
      !handedOn(c.root, e.text())
    );
  }
  if (k !== 'call_expression') return false;
  const fn = e.field('function');
  if (!fn) return false;
  if (fn.kind() === 'member_expression' && fn.field('property')?.text() === 'parse') {
    const recv = fn.field('object');
    if (!recv) return false;
    // `URL.parse(s)` (Node 22): a WHATWG URL or null.
    if (isUrlClass(recv, c)) {
      out.add('whatwg');
      return true;
    }
    if (!isUrlModule(recv, c)) return false;
    out.add('legacy');
    return true;
  }
  if (fn.kind() !== 'identifier') return false;
  const local = c.index.functionsNamed(c.root, c.syn, false, fn.text());
  if (local.length !== 1) return false;
  const returns = c.defs.returnsOf(local[0]!);
  return returns.length > 0 && returns.every((r) => parsedBy(r, c, out, hops + 1));
}

/** `URL` (the global class, when the file declares no class or function of that name) or `url.URL`. */
function isUrlClass(n: SgNode, c: UrlFieldContext): boolean {
  if (n.kind() === 'identifier')
    return n.text() === 'URL' && !/\b(?:class|function)\s+URL\b/.test(c.index.textOf(c.root));
  return (
    n.kind() === 'member_expression' &&
    n.field('property')?.text() === 'URL' &&
    isUrlModule(n.field('object') ?? n, c)
  );
}

const REQUIRE_URL = /^require\(\s*['"`](?:node:)?url['"`]\s*\)$/;

/**
 * Node's `url` module: `require('url')` itself, or a name whose every definition reaching `n` is that call
 * (a parameter named `url` is not the module); a name with no definition in the file's tree (an `import`)
 * when the file binds it to the module.
 */
function isUrlModule(n: SgNode, c: UrlFieldContext): boolean {
  if (n.kind() === 'call_expression') return REQUIRE_URL.test(n.text());
  if (n.kind() !== 'identifier') return false;
  const defs = c.defs.definitionsOf(n);
  if (defs.length > 0)
    return defs.every((d) => d.kind === 'value' && d.keys.length === 0 && REQUIRE_URL.test(d.value.text()));
  let names = urlNames.get(c.root);
  if (!names) urlNames.set(c.root, (names = namesBoundTo(c.index.textOf(c.root), ['url'])));
  return names.has(n.text());
}

/**
 * Whether the file hands the object named `name` on whole, where its fields may be written under another name:
 * copied into another name (`const q = p`, `q = p`, then `q.host = v`) or given to a plain function call
 * (`retarget(p, req)`, whose parameter may be written: `u.host = req.headers.host`). Not counted, as before: a
 * member call's argument (a library method, a hook) and a store into a field (`state.location = p`).
 */
function handedOn(root: SgNode, name: string): boolean {
  const esc = name.replace(/[$]/g, '\\$');
  return root.findAll({ rule: { kind: 'identifier', regex: `^${esc}$` } }).some((n) => {
    const p = n.parent();
    const k = p ? kindOf(p) : '';
    if (k === 'variable_declarator') return p?.field('value')?.id() === n.id();
    // Copied into another plain name; a store into a field (`state.location = p`) is not followed.
    if (k === 'assignment_expression')
      return p?.field('right')?.id() === n.id() && kindOf(p?.field('left') ?? n) === 'identifier';
    if (k !== 'arguments') return false;
    return kindOf(p?.parent()?.field('function') ?? n) === 'identifier';
  });
}
