import type { SgNode } from '@ast-grep/napi';
import type { Matcher } from './rule-schema.js';
import type { CompiledSources } from './sources.js';
import type { Definition } from './scope.js';
import type { TupleElement } from './tuple-targets.js';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';

/** One hop of a taint path: a variable, parameter or call, and its 1-based line. */
export interface TaintStep {
  text: string;
  line: number;
  /** The module of the step when the path crosses files (undefined: the analyzed file). */
  path?: string;
}

/** How an attacker-controlled value reaches a node. */
export interface Trace {
  label: string;
  /** The source expression, as written. */
  source: string;
  sourceLine: number;
  /** The module of the source when it is not the analyzed file. */
  sourcePath?: string;
  /** Set when the trace starts at a parameter of a function being summarised (its index), not at a source. */
  param?: number;
  /**
   * For a parameter trace: the properties read off the parameter on the way to here (`.args.x` for
   * `req.args['x']`), so that a caller passing the whole request object can tell whether request data
   * (`request.args.x`) or a harmless attribute (`request.method`) arrives. Absent once anything but property
   * reads, assignments and concatenation touched the value.
   */
  access?: string;
  /**
   * For a trace that starts at a request member read as a plain access path (`req.files.files[0]`): that
   * path, extended by every property read since (`req.files.files[].path`), so that sanitizers naming request
   * members by their text apply to a copy held in a variable or passed as an argument. Absent once anything
   * but names, parameters, property reads and conditionals touched the value (a call, concatenation).
   */
  srcPath?: string;
  /** Hops from the source to the sink, in order. */
  steps: TaintStep[];
  /** True when the value passed through a function the engine could not see into. */
  weak: boolean;
}

/** Resolves calls into functions of other modules (or summarised ones) for the evaluator. */
export interface CallResolver {
  /**
   * The value a call returns, from the summary of the function it reaches; undefined when the call does
   * not resolve (the evaluator then applies its own rules). `evaluate` evaluates an argument in the caller,
   * or only its field `field` (`{ root: a, name: b }` under `root` is `a`). With `element`, the call fills a
   * tuple target (`a, b = f()`) and only that element of the function's tuple returns is asked.
   */
  returnOf(
    call: SgNode,
    evaluate: (n: SgNode, field?: string) => Value,
    element?: TupleElement,
  ): Value | undefined;
  /** The value a call's promise is rejected with (promise-rejections.ts); undefined when it does not resolve. */
  rejectionOf?(call: SgNode, evaluate: (n: SgNode) => Value): Value | undefined;
  /** The arguments a call of the project's own validator checks (own-validators.ts); undefined: none. */
  validatedArgs?(call: SgNode): ReadonlySet<number> | undefined;
  /** The arguments a call of the project's own assertion refuses by throwing (own-asserts.ts); undefined: none. */
  assertedArgs?(call: SgNode): ReadonlySet<number> | undefined;
}

import type { FileIndex } from './file-index.js';
import type { FileLanguage } from './languages.js';
import type { Account } from './taint-budget.js';

/** What the evaluator needs besides the tree. */
export interface TaintOptions {
  index: FileIndex;
  /** The steps it may spend (taint-budget.ts). */
  account: Account;
  root: SgNode;
  /** The module's language (matchers are combined into one walk for it). */
  lang?: FileLanguage;
  syn: Syntax;
  python: boolean;
  sources: readonly CompiledSources[];
  sanitizers: readonly Matcher[];
  guards: readonly Matcher[];
  /** The module's path, recorded on trace steps when a path crosses files. */
  path?: string;
  /**
   * Summary mode: the parameters of function `fn` are where data comes from (parameter `param` is
   * traced, the others are clean), instead of the function's callers. Its fields named in `skip`, read
   * by name (`p.root`), are clean: which other fields reach a value (see pass-fields.ts).
   */
  seed?: { fn: number; param: number; skip?: ReadonlySet<string> };
  calls?: CallResolver;
  /** The rule's sink class (replace-check.ts): which character replacements clean a value for it. */
  sinkClass?: string;
  /** Request reads whose access path this matches are no source: a sink asked again without them (cookie-reply.ts). */
  skipPath?: RegExp;
}

/** What one `if` statement guards. */
export interface Guard {
  start: number;
  end: number;
  /** Where the `if`'s consequence ends: code after it (an `else`) runs when the condition is false. */
  consEnd: number;
  /**
   * Where the statements that run after the `if` end: its block's end (a `try` block's counts as the
   * statement around the `try`). A check that leaves on failure guards the code after it only up to there:
   * inside one branch (`if method == 'PUT': if x not in known: return`) it says nothing of the code after
   * the whole branch, which the other branches reach unchecked.
   */
  after: number;
  /** Names checked so that they are safe whichever way the condition goes (as far as can be told). */
  names: Set<string>;
  /** Names known safe only where the condition is true (`if (allowed.has(x)) …`). */
  whenTrue: Set<string>;
  /** Names known safe only where it is false (`if (!allowed.has(x)) return; …`). */
  whenFalse: Set<string>;
  /** A guard without `$X` protects every name. */
  all: boolean;
  exits: boolean;
  consequence: string;
}

/** Marks a request object (its `.query`, `.body`... are sources, the object itself is not). */
export const REQ = Symbol('request-object');
export type Value = Trace | typeof REQ | null;

export const MAX_DEPTH = 48;
export const MAX_STEPS = 400;
export const MAX_CALLERS = 24;
export const MAX_CALL_DEPTH = 4;
export const ITERATORS = /^(map|forEach|filter|find|some|every|flatMap|reduce|then|each|apply)$/;
/** URL builders whose first argument is the base of the URL they return. */
const URL_BUILDER = /^build(?:Url|URL|Uri|URI)$/;
const WHOLE_VALUE = new Set([
  'identifier',
  'member_expression',
  'subscript_expression',
  'attribute',
  'subscript',
]);
/**
 * Library functions known to pass their input through; any other call ends a taint path. Python's mapping
 * copies (`dict(request.args.items())`, werkzeug's `CaseInsensitiveDict(...)`) hold the request's values.
 */
export const KNOWN_PROPAGATORS =
  /^(dict|OrderedDict|CaseInsensitiveDict|buildUrl|buildURL|buildUri|buildURI|URLSearchParams|truncate|shorten|ellipsize|Path|sprintf|vsprintf|assign|keys|values|entries|fromEntries|Buffer|quote_plus|unquote|unquote_plus|parse_qs|loads|dumps|join|resolve|normalize|format|concat|from|parse|stringify|decodeURIComponent|b64decode|urlsafe_b64decode|standard_b64decode|b32decode|decodebytes|unhexlify|a2b_base64|fromhex|atob|decodeURI|unescape|String|str|toString|trim|strip|lstrip|rstrip|lower|upper|toLowerCase|toUpperCase|replace|replaceAll|slice|substring|substr|split|encode|decode|get|getAll|getlist|pop|shift|URL|urlparse|urljoin|f|fromCharCode|Template|render_template_string)$/;
export const EXITS = /\b(return|throw|raise|abort|continue|break)\b/;
export const BLOCKS = new Set(['statement_block', 'program', 'block', 'module', 'switch_body', 'class_body']);

export function lineOf(n: SgNode): number {
  return n.range().start.line + 1;
}

export function contains(outer: SgNode, inner: SgNode): boolean {
  const o = outer.range();
  const i = inner.range();
  return o.start.index <= i.start.index && i.end.index <= o.end.index;
}

/**
 * The spans of `all` (in document order) that lie within `start`–`end`, in the same order: in a tree, the nodes
 * inside a node are those within its offsets.
 */
export function spansWithin<T extends { start: number; end: number }>(
  all: readonly T[],
  start: number,
  end: number,
): T[] {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as T).start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < all.length && (all[i] as T).start < end; i++)
    if ((all[i] as T).end <= end) out.push(all[i] as T);
  return out;
}

const pathRegexes = new WeakMap<Matcher, RegExp | null>();

/**
 * True when a sanitizer that names request members by their text (`req.params.x`: always a string; the
 * whole `req.body`: an object) also covers a member read by destructuring (`const { params } = req`),
 * whose access path is `path` but whose text is only `params.x`. A sanitizer anchored at the end (`$`)
 * speaks of the whole member: it applies only where the variable is used `whole`, not as `body.x`.
 */
export function sanitizedPath(path: string, sanitizers: readonly Matcher[], whole: boolean): boolean {
  for (const m of sanitizers) {
    let re = pathRegexes.get(m);
    if (re === undefined) {
      const rule = m.rule as { regex?: unknown; pattern?: unknown; any?: unknown; kind?: unknown };
      const textual = typeof rule.regex === 'string' && rule.pattern === undefined;
      const memberKinds = JSON.stringify(rule.any ?? rule.kind ?? '');
      re = textual && /member_expression|subscript/.test(memberKinds) ? jsRegex(rule.regex as string) : null;
      pathRegexes.set(m, re);
    }
    if (re && (whole || !re.source.endsWith('$')) && re.test(path)) return true;
  }
  return false;
}

/**
 * A rule regex (Rust syntax, ASCII classes spelled `(?-u:\b)` by ascii-regex.ts) as a JavaScript RegExp, or
 * null when it uses syntax JavaScript lacks (the sanitizer then still applies to member text as written).
 */
function jsRegex(re: string): RegExp | null {
  const prefix = /^\(\?i(-u)?\)/.exec(re)?.[0] ?? '';
  const flags = prefix ? 'i' : '';
  const body = re.slice(prefix.length).replace(/\(\?-u:(\\[bB])\)/g, '$1');
  try {
    return new RegExp(body, flags);
  } catch {
    return null;
  }
}

export function reassigns(code: string, name: string): boolean {
  const i = code.indexOf(name);
  return i !== -1 && new RegExp(`(^|[^\\w$.])${name.replace(/[$]/g, '\\$')}\\s*=[^=]`).test(code);
}

export function withStep(t: Trace, step: TaintStep): Trace {
  const last = t.steps[t.steps.length - 1];
  if (last && last.text === step.text && last.line === step.line && last.path === step.path) return t;
  return { ...t, steps: [...t.steps, step] };
}

/** Appends steps (from a summary) to a trace. */
export function withSteps(t: Trace, steps: readonly TaintStep[]): Trace {
  return steps.reduce(withStep, t);
}

/** The argument of `call` that binds parameter `d` (Python keyword arguments and `self` included). */
/** Every node argFor can return for a call: its positional arguments and the values of keyword arguments. */
export function argumentNodes(syn: Syntax, call: SgNode): SgNode[] {
  const list = call.field(syn.callArguments);
  if (!list) return [];
  const out: SgNode[] = [];
  for (const a of list.namedChildren()) {
    if (a.kind() === 'comment') continue;
    const v = a.kind() === 'keyword_argument' ? a.field('value') : a;
    if (v) out.push(v);
  }
  return out;
}

export function argFor(
  syn: Syntax,
  python: boolean,
  call: SgNode,
  d: Pick<Extract<Definition, { kind: 'param' }>, 'fn' | 'index' | 'name'>,
): SgNode | undefined {
  const list = call.field(syn.callArguments);
  if (!list) return undefined;
  const args = list.namedChildren().filter((c) => c.kind() !== 'comment');
  let index = d.index;
  if (python) {
    // A method (a `def` in a class body) is called through an attribute (`self.check(x)`, `obj.check(x)`):
    // a bare `check(x)` calls the module's function of that name, never the method.
    if (call.field('function')?.kind() === 'identifier' && isMethodDef(d.fn)) return undefined;
    const kw = args.find((a) => a.kind() === 'keyword_argument' && a.field('name')?.text() === d.name);
    if (kw) return kw.field('value') ?? undefined;
    const first = d.fn.field('parameters')?.namedChildren()[0]?.text();
    if ((first === 'self' || first === 'cls') && call.field('function')?.kind() === 'attribute') index -= 1;
    return args.filter((a) => a.kind() !== 'keyword_argument')[index];
  }
  return args[index];
}

/** True for a Python `def` written directly in a class body (decorated or not). */
function isMethodDef(fn: SgNode): boolean {
  let holder = fn.parent();
  if (holder?.kind() === 'decorated_definition') holder = holder.parent();
  return holder?.kind() === 'block' && holder.parent()?.kind() === 'class_definition';
}

/** True when the rule holds objects safe: a sanitizer that is `kind: object` alone (sent as JSON, inspected). */
export function holdsObjectsSafe(sanitizers: readonly Matcher[]): boolean {
  return sanitizers.some((m) => {
    const r = m.rule as Record<string, unknown>;
    return r['kind'] === 'object' && Object.keys(r).length === 1;
  });
}

/**
 * `x.y = data` makes x an object holding data in a field; where the rule holds objects safe (sent as JSON,
 * printed by util.inspect: a `kind: object` sanitizer, `objectsSafe`), that write cannot make x, used whole,
 * dangerous.
 */
export function fieldOfSafeObject(d: Definition, o: TaintOptions, objectsSafe: boolean): boolean {
  if (d.kind !== 'add' || o.python) return false;
  const k = d.node.parent()?.kind();
  if (k !== 'member_expression' && k !== 'subscript_expression') return false;
  return objectsSafe;
}

/** Methods that look a key up in their receiver (`map.get(id)`, `params.getAll('x')`). */
const LOOKUP_METHOD = /^(?:get|getAll|getlist)$/;
/**
 * Receivers whose `get` is no lookup: path helpers that take the object first (`_.get(obj, 'a.b')`), and HTTP
 * clients, whose answer to a URL the request chose is the request's to shape (`requests.get(url).text`).
 */
const NOT_LOOKUPS =
  /^(?:_|lodash|R|ramda|dot|dotProp|dotty|objectPath|jp|jsonpath|Reflect|requests|httpx|axios|got|superagent|needle|request|http|https|urllib3|aiohttp|[\w.]*(?:[Ss]ession|[Cc]lient|[Hh]ttp))$/;

// Python HTTP clients (`requests`, `httpx`, a session): request metadata that chooses among what the server at the URL
// serves (a conditional GET's forwarded headers, a timeout, proxies), never what it writes.
const HTTP_CLIENT = /^(?:requests|httpx|urllib3|aiohttp|[\w.]*(?:[Ss]ession|[Cc]lient))$/;
const REQUEST_METADATA =
  /^(?:headers|cookies|auth|timeout|proxies|verify|cert|stream|allow_redirects|follow_redirects|hooks)$/;

/**
 * An argument of a lookup `get` after the key that can be its default: a positional one, or Python's `default=`
 * (a `Mapping`'s, Werkzeug's `MultiDict.get`) or `fallback=` (configparser). Other keyword arguments are the
 * lookup's criteria (Django's `Model.objects.get(guid=…)`, whose answer is the stored row, not the request's
 * text); `dict.get` takes no keyword argument at all.
 */
function isLookupDefault(a: SgNode): boolean {
  return a.kind() !== 'keyword_argument' || /^(?:default|fallback)$/.test(a.field('name')?.text() ?? '');
}

/**
 * The values of the arguments whose data a call passes on (a keyword argument's value). `store.get(id)` on a
 * receiver that holds no request data looks the key up: the result is the store's value, not the key (a post
 * the blog's model returns for a URL's id; Django's `objects.get(pk=…)`, all keywords). A default after the key
 * (`cfg.get('x', req.args['y'])`), a path helper's object and an HTTP client's URL still pass; of a Python HTTP
 * client's `get`, not the request's metadata (`requests.get(url, headers=dict_subset(request.headers, …))`: the answer is the URL's server's).
 */
export function lookupArguments(
  receiver: { text(): string } | null | undefined,
  callee: string | undefined,
  args: SgNode[],
): (SgNode | null)[] {
  // A URL builder (`think.buildUrl(base, { token })`, build-url's `buildUrl(base, { queryParams })`) keeps its
  // base URL's scheme and host and encodes the parameters it appends: only the base passes on, and only a base
  // the request gives whole (`redirect`, `req.query.next`). A base built around request data
  // (`${oauthUrl}/${type}`) has its host from a name whose value the path cannot tell; it ends the path as an
  // unknown call does.
  if (URL_BUILDER.test(callee ?? '')) {
    const base = args[0];
    return base && WHOLE_VALUE.has(kindOf(base)) ? [base] : [];
  }
  let kept = args;
  if (receiver && LOOKUP_METHOD.test(callee ?? '')) {
    const text = receiver.text();
    if (!NOT_LOOKUPS.test(text)) kept = args.slice(1).filter(isLookupDefault);
    else if (HTTP_CLIENT.test(text))
      kept = args.filter(
        (a) => a.kind() !== 'keyword_argument' || !REQUEST_METADATA.test(a.field('name')?.text() ?? ''),
      );
  }
  return kept.map((a) => (a.kind() === 'keyword_argument' ? a.field('value') : a));
}

/** Try statements: a check in their block still guards the code after the whole `try` (see Guard.after). */
const TRY = /^try_statement$/;

/**
 * Where the code that runs after statement `s` ends (Guard.after): the end of the node holding it, or, for a
 * `try` block, of the node holding the `try`.
 */
export function afterEnd(s: SgNode): number {
  let p = s.parent();
  for (let depth = 0; p && depth < 8; depth++) {
    const up = p.parent();
    if (!up || !TRY.test(kindOf(up)) || up.field('body')?.id() !== p.id()) break;
    p = up.parent();
  }
  return p ? p.range().end.index : Number.MAX_SAFE_INTEGER;
}

// JavaScript operators whose result is a number (or a BigInt) whatever their operands are, also as compound
// assignments (`n -= d`); not `+`, which joins text, nor `&&`, `||`, `??`, which give an operand back.
const NUMBER_OPERATOR = /^(?:-|\*|\/|%|\*\*|&|\||\^|<<|>>|>>>)=?$/;
// Sink classes where a number's text (digits, '.', 'e', a sign, NaN, Infinity) cannot break out: no markup,
// quote, path separator or query syntax. Not a shell command or program argument (`kill -1`: a negative
// number is an option), nor a URL (a number is a host, `//2130706433`, or a port), a pattern, or any class.
const NUMBER_HARMLESS = new Set(['html', 'sql', 'path', 'code', 'ldap', 'xpath', 'log', 'header']);

/**
 * True when a JavaScript binary expression with this operator makes a number that carries nothing into the
 * sink class (`const length = end - start + 1` from a Range header, then `data.slice(0, length)` written out).
 * Python's operators are not read: `%` formats text, `*` repeats it, `-` and `/` make sets and paths.
 */
export function makesHarmlessNumber(op: string, python: boolean, sinkClass: string | undefined): boolean {
  return !python && NUMBER_OPERATOR.test(op) && sinkClass !== undefined && NUMBER_HARMLESS.has(sinkClass);
}
