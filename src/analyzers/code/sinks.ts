import type { SgNode } from '@ast-grep/napi';
import type { SinkSpec, Matcher } from './rule-schema.js';
import { moduleHits } from './batch-match.js';
import type { BatchHit } from './batch-match.js';
import type { LoadedModule } from './project.js';
import type { Bound } from './matches.js';
import { callsOwnMethod } from './own-methods.js';
import { namesBoundTo, shadowedAt } from './bound-names.js';
import { escapedLogArguments, unescapedFStringParts } from './log-format.js';
import { dictLoggedArguments } from './log-dict-args.js';
import { objectLoggedArguments } from './log-object-args.js';
import { escapeRegex } from './scope.js';
import { kindOf, syntaxOf } from './syntax.js';

/** Positional arguments of a call node (Python keyword arguments excluded), or [] when it is no call. */
export function callArguments(call: SgNode, python: boolean): SgNode[] {
  const list = call.field('arguments');
  if (!list) return [];
  return list
    .namedChildren()
    .filter((c) => c.kind() !== 'comment' && !(python && c.kind() === 'keyword_argument'));
}

/** The values of a sink match that must not be tainted (arguments, metavariables, the whole match). */
export function sinkTargets(m: BatchHit, a: string | number, python: boolean): (SgNode | null)[] {
  if (typeof a === 'number') return [callArguments(m.node, python)[a] ?? null];
  if (a === '*') return m.node.field('arguments')?.namedChildren() ?? [];
  return [m.get(a), ...m.getAll(a)];
}

const ownFunctions = new WeakMap<LoadedModule, Set<string>>();

/**
 * The names a module declares functions under (`function rename(id, body, res) {…}` anywhere in a JavaScript
 * file, `def open(…)` at a Python module's top level), computed once per module.
 */
function declaredFunctions(m: LoadedModule): Set<string> {
  let names = ownFunctions.get(m);
  if (names) return names;
  names = new Set();
  const python = m.lang.family === 'python';
  const found = python
    ? m.root.children().filter((c) => c.kind() === 'function_definition')
    : // The file index's list of every function, walked once for functionAround and functionsNamed too.
      m.index.functions(m.root, syntaxOf(m.lang.family)).filter((f) => JS_FUNCTIONS.has(kindOf(f)));
  for (const f of found) {
    const name = f.field('name')?.text();
    if (name) names.add(name);
  }
  ownFunctions.set(m, names);
  return names;
}

const JS_FUNCTIONS = new Set(['function_declaration', 'generator_function_declaration']);
const JS_SCOPES = new Set([
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'function',
]);

/** Per module, `scope id, name` → declaredAround's answer for a call whose nearest ancestor is that scope. */
const declaredUp = new WeakMap<LoadedModule, Map<string, boolean>>();

/**
 * Whether `name` called at `node` is a function declaration of a block around it (hoisted there), rather
 * than a nearer parameter, variable or import (`const { rename } = require('fs')`), or a function declared
 * in another block that does not enclose the call.
 */
function declaredAround(m: LoadedModule, node: SgNode, name: string): boolean {
  let kept = declaredUp.get(m);
  if (!kept) declaredUp.set(m, (kept = new Map<string, boolean>()));
  const word = new RegExp(`(?:^|[^\\w$])${escapeRegex(name)}(?:[^\\w$]|$)`);
  // The answer from a block upward is the same for every call inside it: each block is read once per name
  // (a block of 2,000 calls was read whole for each, n²), and the blocks walked up get the answer found.
  const walked: string[] = [];
  let answer = false;
  for (let scope = node.parent(); scope; scope = scope.parent()) {
    const key = `${scope.id()}\0${name}`;
    const known = kept.get(key);
    if (known !== undefined) {
      answer = known;
      break;
    }
    walked.push(key);
    const here = declaredIn(scope, name, word);
    if (here !== undefined) {
      answer = here;
      break;
    }
  }
  for (const key of walked) kept.set(key, answer);
  return answer;
}

/** True when `scope` declares `name` as a function, false when as anything else, undefined when not at all. */
function declaredIn(scope: SgNode, name: string, word: RegExp): boolean | undefined {
  if (JS_SCOPES.has(kindOf(scope))) {
    const params = scope.field('parameters') ?? scope.field('parameter');
    if (params && word.test(params.text())) return false;
  }
  for (const c of scope.children()) {
    const d = c.kind() === 'export_statement' ? (c.field('declaration') ?? c) : c;
    const k = kindOf(d);
    if (JS_FUNCTIONS.has(k) && d.field('name')?.text() === name) return true;
    if (k === 'import_statement' && word.test(d.text())) return false;
    if (k !== 'lexical_declaration' && k !== 'variable_declaration') continue;
    for (const v of d.children())
      if (v.kind() === 'variable_declarator' && word.test(v.field('name')?.text() ?? '')) return false;
  }
  return undefined;
}

/**
 * Whether a match is a bare call of a function the module declares itself: `rename(id, body, res)` beside
 * `function rename(…)` is that function, not `fs.rename`. Its body is followed like any local function's,
 * so a sink inside it is still found there. In JavaScript the declaration must enclose the call: a helper
 * of the same name inside another function leaves fs's `rename` imported at the top what it is.
 */
function callsOwnFunction(m: LoadedModule, node: SgNode): boolean {
  if (node.kind() !== 'call_expression' && node.kind() !== 'call') return false;
  const callee = node.field('function');
  if (!callee || callee.kind() !== 'identifier') return false;
  const name = callee.text();
  if (!declaredFunctions(m).has(name)) return false;
  return m.lang.family === 'python' || declaredAround(m, node, name);
}

/** Per module, node id → callsOwn's answer: every rule whose sinks match the node asks the same. */
const ownCalls = new WeakMap<LoadedModule, Map<number, boolean>>();

/** callsOwnFunction or callsOwnMethod, answered once per module and node (they read only the tree). */
function callsOwn(m: LoadedModule, node: SgNode): boolean {
  let kept = ownCalls.get(m);
  if (!kept) ownCalls.set(m, (kept = new Map<number, boolean>()));
  const id = node.id();
  let v = kept.get(id);
  if (v === undefined) kept.set(id, (v = callsOwnFunction(m, node) || callsOwnMethod(m, node)));
  return v;
}

/** Per module, name → whether the module binds it only to object literals (log-object-args.ts). */
const objectNames = new WeakMap<LoadedModule, Map<string, boolean>>();

function objectNamesOf(m: LoadedModule): Map<string, boolean> {
  let kept = objectNames.get(m);
  if (!kept) objectNames.set(m, (kept = new Map<string, boolean>()));
  return kept;
}

/**
 * A sink's `boundTo` test for one module: whether a hit's metavariable is a name the module binds to one of
 * the modules (read from the text once per sink and module), not redeclared by a function around the call.
 */
function boundHere(m: LoadedModule, b: NonNullable<SinkSpec['boundTo']>): (h: BatchHit) => boolean {
  const names = namesBoundTo(m.text, b.modules);
  return (h) => {
    const name = h.get(b.metavar)?.text();
    return name !== undefined && names.has(name) && !shadowedAt(h.node, name, b.modules);
  };
}

/** One sink match and the values in it that must not be tainted. */
export interface SinkMatch {
  match: SgNode;
  targets: SgNode[];
  /** The sink matcher's metavariables at this match. */
  bound: Bound;
}

/**
 * Every match of a rule's sinks in a module, with its targets, sink by sink in document order. `also`: the
 * sinks of other rules that will ask about the same module, found in the same walk.
 */
export function sinkMatches(
  m: LoadedModule,
  sinks: readonly SinkSpec[],
  also: readonly Matcher[] = [],
  sinkClass?: string,
): SinkMatch[] {
  const python = m.lang.family === 'python';
  const cache = moduleHits(
    m,
    sinks.map((s) => s.matcher),
    also,
  );
  const out: SinkMatch[] = [];
  for (const sink of sinks) {
    const hits = cache.get(sink.matcher) ?? [];
    const bound = sink.boundTo && hits.length > 0 ? boundHere(m, sink.boundTo) : undefined;
    for (const h of hits) {
      // The bound test first: a set lookup, where the two tests after it look at the tree around the call.
      if (bound && !bound(h)) continue;
      if (callsOwn(m, h.node)) continue;
      const targets = sink.args.length === 0 ? [h.node] : sink.args.flatMap((a) => sinkTargets(h, a, python));
      // A Python log call's arguments that its format string writes with `%r` or as numbers (log-format.ts), and
      // names bound only to dicts, which logging writes as their repr (log-dict-args.ts).
      // An f-string's interpolations written with `!r` or as numbers: its other values are checked instead.
      // JavaScript: object literals given whole to console.*, which util.inspect writes (log-object-args.ts).
      const log = python && sinkClass === 'log';
      const positional = log ? callArguments(h.node, true) : [];
      const escaped = log
        ? new Set([...escapedLogArguments(h.node, positional), ...dictLoggedArguments(h.node, positional)])
        : !python && sinkClass === 'log'
          ? objectLoggedArguments(h.node, callArguments(h.node, false), objectNamesOf(m))
          : undefined;
      out.push({
        match: h.node,
        targets: targets
          .filter((t): t is SgNode => !!t && t.kind() !== ',' && !escaped?.has(t.id()))
          .flatMap((t) => (log ? (unescapedFStringParts(t) ?? [t]) : [t])),
        bound: h.get,
      });
    }
  }
  return out;
}
