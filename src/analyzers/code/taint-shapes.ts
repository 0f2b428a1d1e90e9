/**
 * Shapes of JavaScript expressions that decide what a value can be, whatever data it carries: the index an
 * array method passes its callback, a member read, the left-to-right parts of a URL being built.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';
import { contains, ITERATORS } from './taint-support.js';
import { ANY_SINK_CLASS } from './char-filters.js';
import { NodeMemo } from './node-memo.js';

const ARRAY_ONLY = /^(map|filter|find|findIndex|findLast|findLastIndex|some|every|flatMap)$/;
const MAKES_ARRAY = /^(\[|Object\.(keys|values|entries)\(|Array\.(from|of)\()/;
const RETURNS_ARRAY = /\.(split|map|filter|slice|concat|flat|flatMap)\([^]*\)$/;

/**
 * True for the position an array method passes its callback (`arr.forEach((x, i) => o[i] = x)`): a number,
 * never request data. forEach also iterates Maps, whose keys can be data: its index counts only where the
 * receiver is known to be an array (checked with Array.isArray around the call, or made by a call that
 * returns one).
 */
export function isArrayIndexParam(
  syn: Syntax,
  method: string,
  index: number,
  recv: SgNode,
  call: SgNode,
  recvValues: readonly SgNode[] = [],
): boolean {
  if (/^reduce(Right)?$/.test(method)) return index === 2;
  if (index !== 1) return false;
  if (method !== 'forEach') return ARRAY_ONLY.test(method);
  const text = recv.text();
  if (makesArray(syn, recv)) return true;
  // A variable every assignment of which makes an array (`var parts = req.path.split('/')`).
  if (recvValues.length > 0 && recvValues.every((v) => makesArray(syn, v))) return true;
  for (let p = call.parent(); p; p = p.parent()) {
    if (kindOf(p) !== syn.ifStatement) continue;
    const cond = p.field('condition')?.text() ?? '';
    const then = p.field('consequence');
    if (then && contains(then, call) && cond.includes(`Array.isArray(${text})`) && !cond.includes('!'))
      return true;
  }
  return false;
}

/** True when the expression `node` makes an array by its shape (a literal, `Object.keys(…)`, `….split(…)`). */
function makesArray(syn: Syntax, node: SgNode): boolean {
  const text = node.text();
  return MAKES_ARRAY.test(text) || (RETURNS_ARRAY.test(text) && syn.call.has(kindOf(node)));
}

const READS_MEMBER = new NodeMemo<boolean>();

/** readsMember, kept per file (`file`: its FileIndex) and node: every evaluator asks it of every name it reads. */
export function readsMemberOf(file: object, syn: Syntax, node: SgNode): boolean {
  return READS_MEMBER.of(file, node, () => readsMember(syn, node));
}

/** True when `node` is the object of a member or subscript read (`node.x`, `node[i]`). */
export function readsMember(syn: Syntax, node: SgNode): boolean {
  const p = node.parent();
  if (!p) return false;
  const k = kindOf(p);
  const obj = syn.member.has(k)
    ? p.field(syn.memberObject)
    : syn.subscript.has(k)
      ? p.field(syn.subscriptObject)
      : null;
  return obj?.id() === node.id();
}

/**
 * The operands of a chain of `+`, left to right (`a + '/x/' + b` → a, '/x/', b); undefined when the chain has
 * more than `max` operands (its first operand then sits that deep in the tree: readers fall back to their
 * depth-bounded evaluation rather than walk to it).
 */
export function plusOperands(node: SgNode, max = 64): SgNode[] | undefined {
  // Down the left spine in a loop: a string concatenated over 100,000 lines nests that deep.
  const rights: SgNode[] = [];
  let cur: SgNode | null = node;
  let first: SgNode | null = null;
  while (cur) {
    if (rights.length >= max) return undefined;
    const right = cur.field('right');
    if (right) rights.push(right);
    const left: SgNode | null = cur.field('left');
    const k = left?.kind();
    if (
      left &&
      (k === 'binary_expression' || k === 'binary_operator') &&
      left.field('operator')?.text() === '+'
    )
      cur = left;
    else {
      first = left;
      cur = null;
    }
  }
  rights.reverse();
  return first ? [first, ...rights] : rights;
}

/** The parts of a template string, left to right: its text and the expressions it substitutes. */
export function templateParts(node: SgNode): SgNode[] {
  return node.children().map((c) => (c.kind() === 'template_substitution' ? (c.namedChildren()[0] ?? c) : c));
}

/**
 * True when constant text in a URL settles its host whatever follows: a path segment, query or fragment
 * written after any `//authority` (`/list/`, `db/`, `?next=`, `https://site/`). `/`, `//`, `/\` and
 * `https:/` do not: what follows them can still be `//evil.example` or a host name.
 */
export function fixesHost(text: string): boolean {
  const i = text.indexOf('//');
  if (i >= 0) return /^[^/?#\\]+[/?#]/.test(text.slice(i + 2));
  return /[^/\\:]\/|\/[^/\\]|[?#]/.test(text);
}

/**
 * The text every match of an anchored regular expression literal starts with (`/^\/topic\/(\d+)\//` →
 * `/topic/`): the literal characters after `^`, up to the first one with a special meaning. Empty when the
 * pattern is not anchored, has flags that change its meaning (`i`, `m`) or starts with a special character.
 */
export function anchoredPrefix(regexLiteral: string): string {
  const m = /^\/\^((?:\\[/.?#-]|[\w/-])*)(.*)\/([a-z]*)$/s.exec(regexLiteral);
  if (!m || /[im]/.test(m[3] ?? '')) return '';
  const prefix = (m[1] ?? '').replace(/\\(.)/g, '$1');
  // A quantifier right after the prefix makes its last character optional or repeated.
  return /^[?*+{]/.test(m[2] ?? '') ? prefix.slice(0, -1) : prefix;
}

/** `recv.map(fn)`, `recv.forEach(fn)`, …: the iterator call `fn` is given to, its method and receiver; or null. */
export function iteratorCall(
  syn: Syntax,
  fn: SgNode,
): { call: SgNode; method: string; recv: SgNode | null } | null {
  const call = fn.parent()?.parent();
  if (!call || !syn.call.has(kindOf(call))) return null;
  const callee = call.field(syn.callFunction);
  if (!callee || !syn.member.has(kindOf(callee))) return null;
  const method = callee.field(syn.memberProperty)?.text() ?? '';
  return ITERATORS.test(method) ? { call, method, recv: callee.field(syn.memberObject) } : null;
}

// Defaults written in place (`files || []`): nothing of the request's in them.
const DEFAULTS = new Set(['array', 'object', 'string', 'number', 'null', 'undefined', 'true', 'false']);

/**
 * Whether `node` keeps a value a copy of the request member it reads: only names, parameters, property
 * reads, conditionals and `a || []`-style defaults do.
 */
export function keepsShape(syn: Syntax, node: SgNode): boolean {
  const k = kindOf(node);
  const op = k === 'binary_expression' ? node.field('operator')?.text() : undefined;
  // `a || []`, `a ?? {}`: a as it is, or a default written in place; `a && a.file` is its right operand's value
  // (JavaScript's `&&`; Python's `and` is another node kind).
  if (op === '||' || op === '??') return DEFAULTS.has(kindOf(node.field('right') ?? node));
  if (op === '&&') return [node.field('right')].some((r) => !!r && keepsShape(syn, r));
  return (
    syn.identifiers.has(k) ||
    syn.member.has(k) ||
    syn.subscript.has(k) ||
    syn.ternary.has(k) ||
    syn.sameValue.has(k)
  );
}

/** String methods whose result is a part of the string they are called on. */
const PART = /^(?:substring|substr|slice|trim|trimStart|trimEnd|toLowerCase|toUpperCase)$/;

/**
 * The property read a part is taken from in place (`req.path` of `req.path.substring(i + 1)`), else undefined.
 * A check of that read covers the part as a check of a name covers a part taken from the name
 * (`if (existsUpPath(req.path)) return` before `req.path.substring(i + 1)`, as before `p.substring(i + 1)`).
 */
export function partReceiver(read: SgNode): SgNode | undefined {
  const callee = read.kind() === 'call_expression' ? read.field('function') : null;
  if (callee?.kind() !== 'member_expression' || !PART.test(callee.field('property')?.text() ?? ''))
    return undefined;
  const object = callee.field('object');
  return object?.kind() === 'member_expression' ? object : undefined;
}

const REGEX_VALUE = /^(?:new\s+)?RegExp\s*\(/;

/** True for a regular expression written in place (`/x=([^&]*)/`) or built (`new RegExp(…)`). */
function isRegex(n: SgNode): boolean {
  return kindOf(n) === 'regex' || REGEX_VALUE.test(n.text());
}

/**
 * Sink classes where any captured fragment of the input is enough: a group of `[^&]*` evaluated as script or
 * written as HTML carries `alert(1)` whatever the pattern. So does a group fetched as an outgoing request's URL
 * (`new RegExp('url=(.+?)$').exec(req.url)[1]` into `fetch`, as `req.url.match(…)[1]` already is): the SSRF
 * rule's own readings of a fixed host or a literal `?` before the data still apply to where the group stands. A
 * redirect or a path built from a route's own pattern (`PLUGIN_PATH_RE.exec(req.url)`,
 * `/.*\/p\/[^/]+/.exec(location.pathname)`) is mostly confined by it: on the accuracy bench both such flows
 * were false.
 */
// The pre-selection of cross-file calls (ANY_SINK_CLASS) must stop no less than any rule: it passes too.
const FRAGMENT_CLASSES = new Set(['code', 'html', 'ssrf', ANY_SINK_CLASS]);

/**
 * The input a regular expression's `exec` reads (`re.exec(location.search)`) for a rule of `sinkClass`: its
 * match and groups are parts of that text, as `text.match(re)`'s are (read through the receiver). Only a
 * receiver that is a regular expression, written in place or in a name every assignment of which is one:
 * `db.exec(sql)` or a process's `exec` returns no part of its argument.
 */
export function regexExecInput(
  recv: SgNode | null | undefined,
  method: string | undefined,
  args: readonly SgNode[],
  recvValues: (n: SgNode) => SgNode[],
  sinkClass: string | undefined,
): SgNode | undefined {
  if (method !== 'exec' || !recv || args.length !== 1) return undefined;
  if (!FRAGMENT_CLASSES.has(sinkClass ?? '')) return undefined;
  if (isRegex(recv)) return args[0];
  const values = recvValues(recv);
  return values.length > 0 && values.every(isRegex) ? args[0] : undefined;
}
