import type { SgNode } from '@ast-grep/napi';
import type { BatchHit } from './batch-match.js';
import type { Matcher } from './rule-schema.js';

/**
 * A guard's `boundInFile:` rule (load-rules.ts): the guard holds only where the text of each metavariable it
 * shares with that rule is one some match of the rule, anywhere in the file, binds it to (`base.startsWith(R)`
 * where the file says `const R = root + path.sep`, `this.R = dir + '/'` or `R += '/'`).
 *
 * It says what an `inside: {kind: program, stopBy: end, has: {stopBy: end, …}}` clause naming the guard's
 * metavariable says, but is decided once per file: the rule is walked once and the names it binds are kept,
 * where the relational clause walked the whole file again at every prefix check (a bundled file holds hundreds).
 */
export interface GuardBinding {
  rule: Matcher;
  /** The metavariables the guard and the rule share, without `$`, in a fixed order. */
  vars: string[];
}

export const GUARD_BINDINGS = new WeakMap<Matcher, GuardBinding>();

/** The metavariable names (without `$`) written anywhere in a matcher: its rule, constraints and utils. */
function metavarsOf(m: Matcher): Set<string> {
  const out = new Set<string>();
  for (const [, name] of JSON.stringify(m).matchAll(/\$(?!\$)([A-Z_][A-Z0-9_]*)/g)) out.add(name as string);
  return out;
}

/** Guard `guard` bound by `rule`, or undefined when the rule names none of the guard's metavariables. */
export function bindingOf(guard: Matcher, rule: Matcher): GuardBinding | undefined {
  const own = metavarsOf(guard);
  const vars = [...metavarsOf(rule)].filter((n) => own.has(n)).sort();
  return vars.length === 0 ? undefined : { rule, vars };
}

/**
 * A bound node's text as compared: ast-grep compares a metavariable named again by its tree, so spacing
 * inside it (`this .root`) does not count.
 */
const plain = (n: SgNode | null): string | undefined => n?.text().replace(/\s+/g, '');

/** The tuples of texts the rule binds the shared metavariables to in the file, per file root and rule. */
const boundPerRoot = new WeakMap<SgNode, Map<Matcher, Set<string>>>();

function boundTuples(root: SgNode, b: GuardBinding): Set<string> {
  let perRule = boundPerRoot.get(root);
  if (!perRule) boundPerRoot.set(root, (perRule = new Map<Matcher, Set<string>>()));
  let tuples = perRule.get(b.rule);
  if (!tuples) {
    tuples = new Set<string>();
    for (const n of root.findAll(b.rule)) {
      const texts = b.vars.map((v) => plain(n.getMatch(v)));
      if (texts.every((t) => t !== undefined)) tuples.add(texts.join('\0'));
    }
    perRule.set(b.rule, tuples);
  }
  return tuples;
}

/** The hits of guard `m` that its `boundInFile:` rule allows (all of them when it has none). */
export function boundHits(root: SgNode, m: Matcher, hits: BatchHit[]): BatchHit[] {
  const b = GUARD_BINDINGS.get(m);
  if (!b || hits.length === 0) return hits;
  const tuples = boundTuples(root, b);
  if (tuples.size === 0) return [];
  return hits.filter((h) => {
    const texts = b.vars.map((v) => plain(h.get(v)));
    return texts.every((t) => t !== undefined) && tuples.has(texts.join('\0'));
  });
}
