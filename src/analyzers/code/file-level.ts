import type { SgNode } from '@ast-grep/napi';
import { mayMatch } from './match-words.js';
import type { Matcher } from './rule-schema.js';

/**
 * Whole-file conditions of a rule, decided once per file.
 *
 * Rules often ask about the whole file: `inside: { stopBy: end, kind: program, regex: sequelize }` (the
 * file mentions an ORM), `not: { inside: { stopBy: end, kind: module, has: ... } }`. ast-grep evaluates
 * such a clause at every candidate node, and each evaluation climbs to the root and runs the regex (or
 * the `has` walk) over the whole file again: O(candidates × file size). On a 1.4 MB bundle with 20,000
 * method calls one such clause took 25 s. Its answer is the same for every node of the file, so it is
 * computed once, and the matcher is rewritten for that file with the clause replaced by its answer
 * (a clause that must hold and does not empties the whole matcher, which is then not run at all).
 *
 * Only clauses that neither bind nor read a binding are replaced: a metavariable bound by a positive clause
 * may be read by constraints or by the finding's message, and one under `not` that the rest of the matcher
 * names too stands for what the pattern bound (such a clause only decides the matcher when the file holds
 * no match of it whatever it binds). Where the
 * rewrite would change which alternative of an `any` binds, the matcher is kept as written. A clause whose
 * answer depends on which binding is taken (two of its items name a metavariable the rest of the matcher
 * binds: ast-grep tries only the first binding; or one names it under a `not`) is decided false only by a word
 * the file lacks or by an item whose answer is the same for every binding, else kept as written.
 */

type Rule = Record<string, unknown>;
const TRUE = Symbol('true');
const FALSE = Symbol('false');
type Out = Rule | typeof TRUE | typeof FALSE;
/** Raised when a rewrite is not safe; the matcher is then used as written. */
class Keep extends Error {}

const METAVAR = /\$[A-Z_]/;

const NAMES = /(?<=\$)[A-Z_][A-Z0-9_]*/g;

/**
 * The metavariables (names without `$`) that two items of one conjunction in a clause name: two entries of an
 * `all`, or two keys of one rule object (`has: { pattern: $N }` beside `all: [{ has: … $N }]`). The first item
 * binds it at the first node that fits, and ast-grep does not go back to try another when a later item fails.
 * Names met only in alternatives of an `any`, or twice within one item, are not counted here.
 */
function sharedByItems(c: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(c)) {
    for (const x of c) sharedByItems(x, out);
  } else if (c && typeof c === 'object') {
    const seen = new Map<string, number>();
    const items = Object.entries(c).flatMap(([k, v]): unknown[] =>
      k === 'all' && Array.isArray(v) ? (v as unknown[]) : [v],
    );
    for (const item of items) {
      for (const n of new Set(JSON.stringify(item).match(NAMES) ?? [])) seen.set(n, (seen.get(n) ?? 0) + 1);
    }
    for (const [n, k] of seen) if (k > 1) out.add(n);
    for (const v of Object.values(c)) sharedByItems(v, out);
  }
  return out;
}

/** The metavariables (names without `$`) a clause names under a `not`: free, the `not` asks more than bound. */
function underNot(c: unknown, inNot = false, out = new Set<string>()): Set<string> {
  if (typeof c === 'string') {
    if (inNot) for (const n of c.match(NAMES) ?? []) out.add(n);
  } else if (Array.isArray(c)) {
    for (const x of c) underNot(x, inNot, out);
  } else if (c && typeof c === 'object') {
    for (const [k, v] of Object.entries(c)) underNot(v, inNot || k === 'not', out);
  }
  return out;
}

/**
 * The items of a whole-file clause's conjunction that are answered alike whatever their metavariables bind
 * (none named twice in one conjunction or under a `not`), each as a whole-file clause of its own: one false
 * makes the clause false for every binding. Kept per clause object.
 */
const freeItems = new WeakMap<Rule, Rule[]>();
function freeItemsOf(c: Rule): Rule[] {
  let out = freeItems.get(c);
  if (!out) {
    const { stopBy, kind, ...rest } = c;
    out = Object.entries(rest)
      .flatMap(([k, v]): Rule[] => (k === 'all' && Array.isArray(v) ? (v as Rule[]) : [{ [k]: v }]))
      .filter((item) => sharedByItems(item).size === 0 && underNot(item).size === 0)
      .map((item) => ({ stopBy, kind, all: [item] }));
    freeItems.set(c, out);
  }
  return out;
}

/** The clause of `inside` when it asks about the file's root node (the only node of its kind). */
function fileClause(v: unknown, rootKind: string): Rule | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const c = v as Rule;
  if (c.stopBy !== 'end' || c.kind !== rootKind || c.field !== undefined) return null;
  return c;
}

function rewrite(
  rule: Rule,
  positive: boolean,
  rootKind: string,
  decide: (c: Rule, walk: boolean) => boolean,
  readsBinding: (c: Rule) => boolean,
  bindingDecides: (c: Rule) => boolean,
): Out {
  const out: Rule = {};
  let changed = false;
  for (const [k, v] of Object.entries(rule)) {
    if (k === 'inside') {
      const c = fileClause(v, rootKind);
      if (c) {
        // A clause with a metavariable (`has: { pattern: const $SEND = … }`, naming the module that `$SEND`,
        // read by the rule's pattern, must stand for; under `not`, `$O.open()` about the `$O` the pattern
        // bound) is kept as written when the file holds some match of it: whether that match agrees with
        // the rest's binding is known only at each node. When it holds none, none agrees with whatever the
        // rest binds either, in either polarity.
        const binds = positive ? METAVAR.test(JSON.stringify(c)) : readsBinding(c);
        // ast-grep's `all` does not backtrack: a clause that binds `$N` in one item (`has` a call with `$N`)
        // and reads it in another (`has` a write of `$N`) tries only the first binding found. Decided with
        // `$N` free it can be false where the binding the rest of the matcher gives `$N` makes it true (in
        // either polarity); only a word the file lacks decides such a clause (false for every binding),
        // otherwise it is kept as written.
        if (!decide(c, !bindingDecides(c))) return FALSE;
        if (!binds) {
          changed = true;
          continue;
        }
      }
    } else if (k === 'all' && Array.isArray(v)) {
      const items: Rule[] = [];
      for (const x of v as Rule[]) {
        const r = rewrite(x, positive, rootKind, decide, readsBinding, bindingDecides);
        if (r === FALSE) return FALSE;
        if (r !== x) changed = true;
        if (r !== TRUE) items.push(r);
      }
      if (items.length > 0) out.all = items;
      continue;
    } else if (k === 'any' && Array.isArray(v)) {
      const items: Rule[] = [];
      let holds = false;
      for (const x of v as Rule[]) {
        const r = rewrite(x, positive, rootKind, decide, readsBinding, bindingDecides);
        if (r === TRUE) {
          // The first alternative that holds is the one that binds. Under `not` nothing binds, and
          // when nothing before it held the original binds nothing either; otherwise an earlier
          // alternative's bindings would be lost: keep the rule as written.
          if (positive && items.length > 0) throw new Keep('kept as written');
          holds = true;
          break;
        }
        if (r !== x) changed = true;
        if (r !== FALSE) items.push(r);
      }
      if (holds) {
        changed = true;
        continue;
      }
      if (items.length === 0) return FALSE;
      out.any = items;
      continue;
    } else if (k === 'not' && v && typeof v === 'object') {
      const r = rewrite(v as Rule, !positive, rootKind, decide, readsBinding, bindingDecides);
      if (r === TRUE) return FALSE;
      if (r !== v) changed = true;
      if (r !== FALSE) out.not = r;
      continue;
    }
    out[k] = v;
  }
  if (!changed) return rule;
  return Object.keys(out).length === 0 ? TRUE : out;
}

/**
 * The utils a clause uses, itself or through other utils (`matches: cli-program`): a clause is decided with
 * these only, since ast-grep compiles every util it is handed at each call, and a rule's others (long regexes)
 * cost more to compile than the clause costs to decide.
 */
const clauseUtils = new WeakMap<Matcher, Map<Rule, Rule | undefined>>();

function utilsOf(m: Matcher, c: Rule): Rule | undefined {
  const all = m.utils as Rule | undefined;
  if (!all) return undefined;
  let byClause = clauseUtils.get(m);
  if (!byClause) clauseUtils.set(m, (byClause = new Map<Rule, Rule | undefined>()));
  if (byClause.has(c)) return byClause.get(c);
  const used: Rule = {};
  const todo = [c];
  for (let r = todo.pop(); r !== undefined; r = todo.pop()) {
    for (const [, name] of JSON.stringify(r).matchAll(/"matches":"((?:[^"\\]|\\.)*)"/g)) {
      const key = JSON.parse(`"${name}"`) as string;
      if (key in used || !Object.hasOwn(all, key)) continue;
      used[key] = all[key];
      todo.push(all[key] as Rule);
    }
  }
  const out = Object.keys(used).length > 0 ? used : undefined;
  byClause.set(c, out);
  return out;
}

/** Whether a matcher has whole-file clauses at all (decided once per matcher). */
const hasClauses = new WeakMap<Matcher, boolean>();
const perRoot = new WeakMap<SgNode, Map<Matcher, Matcher | null>>();
/** Each whole-file clause's answer in a file, by the clause's configuration as JSON. */
const perRootClause = new WeakMap<SgNode, Map<string, boolean>>();
/** Each clause's configuration by its JSON, one object for every file: its words are worked out once. */
const clauseConfigs = new Map<string, Matcher>();

/**
 * `m` as it applies to the file whose root node is `root`: the same object when it has no whole-file
 * clause, a rewritten one when it has, or null when it cannot match anything in this file.
 */
export function forFile(m: Matcher, root: SgNode, text?: string): Matcher | null {
  let has = hasClauses.get(m);
  if (has === undefined) {
    has = /"kind":"(program|module)"/.test(JSON.stringify(m.rule));
    hasClauses.set(m, has);
  }
  if (!has) return m;
  let cache = perRoot.get(root);
  if (!cache) perRoot.set(root, (cache = new Map<Matcher, Matcher | null>()));
  const hit = cache.get(m);
  if (hit !== undefined) return hit;
  const answers = new Map<Rule, boolean>();
  const wordAnswers = new Map<Rule, boolean>();
  let shared = perRootClause.get(root);
  if (!shared) perRootClause.set(root, (shared = new Map<string, boolean>()));
  let fileText = text;
  const decide = (c: Rule, walk: boolean): boolean => {
    if (!walk) {
      let w = wordAnswers.get(c);
      if (w === undefined) {
        const { stopBy: _s, ...rule } = c;
        fileText ??= root.text();
        // Then each item whose answer is the same for every binding (the file has no top-level URL
        // constant at all, no call to jwt.sign): one that holds nowhere rules the clause out.
        w = mayMatch({ rule }, fileText) && freeItemsOf(c).every((item) => decide(item, true));
        wordAnswers.set(c, w);
      }
      return w;
    }
    let a = answers.get(c);
    if (a === undefined) {
      const { stopBy: _s, ...rule } = c;
      const utils = utilsOf(m, c);
      const config = { rule, ...(utils ? { utils } : {}) };
      // Many matchers ask the same question of the file (it names an ORM, imports a framework): one walk.
      const key = JSON.stringify(config);
      a = shared.get(key);
      if (a === undefined) {
        let clause = clauseConfigs.get(key);
        if (!clause) clauseConfigs.set(key, (clause = config as Matcher));
        // A clause that needs a word the file's text lacks (match-words.ts) holds nowhere in it: most clauses
        // ask whether the file names a package or a framework, and a walk of a large file costs 10-100 ms.
        // Read from the tree when the caller did not give it, once per matcher and file (not kept).
        fileText ??= root.text();
        shared.set(key, (a = mayMatch(clause, fileText) && root.matches(clause)));
      }
      answers.set(c, a);
    }
    return a;
  };
  // A negated clause reads a binding when one of its metavariables is named elsewhere in the matcher too.
  const whole = JSON.stringify(m);
  const count = (t: string, v: string): number =>
    t.match(new RegExp(`\\${v}(?![A-Z0-9_])`, 'g'))?.length ?? 0;
  const namedElsewhere = (c: Rule): string[] => {
    const text = JSON.stringify(c);
    return [...new Set(text.match(/\$[A-Z_][A-Z0-9_]*/g) ?? [])].filter(
      (v) => count(whole, v) > count(text, v),
    );
  };
  const readsBinding = (c: Rule): boolean => namedElsewhere(c).length > 0;
  // A clause's answer depends on the binding when a metavariable the rest names is named by two items of one
  // of its conjunctions, or under a `not` in it.
  const bindingDecides = (c: Rule): boolean => {
    const shared = sharedByItems(c);
    const negated = underNot(c);
    return namedElsewhere(c).some((v) => shared.has(v.slice(1)) || negated.has(v.slice(1)));
  };
  let result: Matcher | null;
  try {
    const r = rewrite(m.rule as Rule, true, String(root.kind()), decide, readsBinding, bindingDecides);
    result = r === FALSE ? null : r === TRUE || r === m.rule ? m : { ...m, rule: r };
  } catch (err) {
    if (!(err instanceof Keep)) throw err;
    result = m;
  }
  cache.set(m, result);
  return result;
}
