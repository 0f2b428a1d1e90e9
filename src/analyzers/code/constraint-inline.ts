import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { ensurePython } from './languages.js';
import type { FileLanguage } from './languages.js';
import type { Matcher } from './rule-schema.js';

/*
 * ast-grep checks a matcher's `constraints` once, after its whole rule matched, on whatever metavariables
 * are bound. Such a matcher cannot be one alternative among others (see batch-match.ts): a failing
 * constraint would reject the node for every alternative. Here the constraints are written into the rule as
 * conditions on the child each metavariable stands at, which means the same and leaves no constraints.
 */

export type Rule = Record<string, unknown>;

/** A metavariable with its name (group 2): `$X`, `$$X` or `$$$X`. */
export const METAVAR = /(\$\$?\$?)([A-Z_][A-Z0-9_]*)/g;

/** Field names tried when locating a metavariable in a pattern's tree (JavaScript, TypeScript, Python). */
const FIELDS = [
  'function',
  'object',
  'property',
  'arguments',
  'left',
  'right',
  'value',
  'name',
  'key',
  'body',
  'constructor',
  'index',
  'argument',
  'attribute',
  'subscript',
  'condition',
  'consequence',
  'alternative',
  'operator',
  'type',
];

/** One step from a node to a child: the child's field, or its position among the named children. */
type Step = string | number;

const NOT_COMMENT = { not: { kind: 'comment' } };
const pathCache = new Map<string, Map<string, Step[] | null>>();

function isMetavar(text: string): boolean {
  return /^[$µ]{1,3}[A-Z_][A-Z0-9_]*$/.test(text) || /^[$µ]{3}$/.test(text);
}

/** The step from `p` to its child `n`: a field, else the position (1-based, comments not counted). */
function stepTo(p: SgNode, n: SgNode): Step | null {
  const f = FIELDS.find((x) => p.field(x)?.id() === n.id());
  if (f !== undefined) return f;
  let i = 0;
  for (const c of p.namedChildren()) {
    if (c.kind() === 'comment') continue;
    i++;
    if (c.id() === n.id()) return i;
    // After a `$$$` (any number of nodes) the position is not fixed.
    if (/^[$µ]{2}/.test(c.text()) && isMetavar(c.text())) return null;
  }
  return null;
}

/**
 * For each single metavariable of a pattern, the steps that lead from the node the pattern matches to the
 * node it binds (`$M` in `$DB.$M($$$)`: function, property); null for one that occurs twice, is a
 * multi-metavariable, or sits after a `$$$` in a list.
 */
function metavarPaths(lang: FileLanguage, pattern: string): Map<string, Step[] | null> {
  const key = `${String(lang.lang)}\0${pattern}`;
  let out = pathCache.get(key);
  if (out) return out;
  out = new Map();
  if (lang.family === 'python') ensurePython();
  // Python metavariables are written with ast-grep's expando character `µ`.
  const src = (lang.family === 'python' ? pattern.replace(/\$/g, 'µ') : pattern).trim();
  let top = parse(lang.lang, src).root();
  for (;;) {
    const kids = top.namedChildren();
    if (kids.length !== 1 || kids[0]?.text().trim() !== top.text().trim()) break;
    top = kids[0];
  }
  const leaves: SgNode[] = [];
  const visit = (n: SgNode): void => {
    const kids = n.children();
    if (kids.length === 0) leaves.push(n);
    else kids.forEach(visit);
  };
  visit(top);
  for (const leaf of leaves) {
    const m = /^([$µ]{1,3})([A-Z_][A-Z0-9_]*)$/.exec(leaf.text());
    const name = m?.[2];
    if (!m || name === undefined) continue;
    if (out.has(name) || (m[1]?.length ?? 0) > 1) {
      out.set(name, null);
      continue;
    }
    const path: Step[] = [];
    for (let n: SgNode = leaf; n.id() !== top.id();) {
      const p = n.parent();
      const s = p && stepTo(p, n);
      if (!p || s === null || s === undefined) {
        path.length = 0;
        path.push(-1);
        break;
      }
      path.unshift(s);
      n = p;
    }
    out.set(name, path[0] === -1 ? null : path);
  }
  pathCache.set(key, out);
  return out;
}

/** A rule tree with every metavariable and util name given `suffix`. */
export function renamed(v: unknown, suffix: string, key = ''): unknown {
  if (typeof v === 'string') {
    if (key === 'pattern' || key === 'context') return v.replace(METAVAR, `$1$2${suffix}`);
    if (key === 'matches') return `${v}${suffix}`;
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => renamed(x, suffix));
  if (v && typeof v === 'object') {
    const out: Rule = {};
    for (const [k, x] of Object.entries(v)) out[k] = renamed(x, suffix, k);
    return out;
  }
  return v;
}

/** Every metavariable name written in a rule tree (regexes included: a `$` there only makes a rule fall back). */
export function metavarsIn(v: unknown): string[] {
  return [...JSON.stringify(v ?? null).matchAll(METAVAR)].map((m) => m[2] ?? '');
}

/** Constraint `c` as a condition on the node at the end of `path` from the matched node. */
function placed(path: readonly Step[], c: Rule): Rule {
  let inner: Rule = c;
  for (let i = path.length - 1; i >= 0; i--) {
    const s = path[i] ?? '';
    const at = typeof s === 'string' ? { field: s } : { nthChild: { position: s, ofRule: NOT_COMMENT } };
    inner = i === path.length - 1 ? { ...at, ...c } : { ...at, has: inner };
  }
  return path.length === 0 ? c : { has: inner };
}

/**
 * Fields that hold one node in the JavaScript, TypeScript and Python grammars: the check on the field and the
 * binding are then on the same node by construction. (A field a node repeats, a class body's `member`, is
 * left out: ast-grep 0.51 reads its first node for both, but nothing here should rest on that.)
 */
const SINGLE_FIELDS = new Set(['value', 'name', 'key', 'left', 'right', 'object', 'property', 'function']);

/**
 * The metavariables an alternative binds as the whole child in one of its fields, `has: { field: value,
 * pattern: $V }` (its own `has`, or an item of its `all`): by the field they stand at.
 */
function fieldBound(alt: Rule): Map<string, string> {
  const out = new Map<string, string>();
  const items = [alt, ...(Array.isArray(alt.all) ? (alt.all as Rule[]) : [])];
  for (const item of items) {
    const h = item === alt || Object.keys(item ?? {}).join() === 'has' ? item?.has : undefined;
    if (!h || typeof h !== 'object') continue;
    const { field, pattern } = h as Rule;
    const name = typeof pattern === 'string' ? /^\$([A-Z_][A-Z0-9_]*)$/.exec(pattern)?.[1] : undefined;
    if (
      typeof field === 'string' &&
      SINGLE_FIELDS.has(field) &&
      name !== undefined &&
      Object.keys(h).length === 2
    )
      out.set(name, field);
  }
  return out;
}

/** True when every mention of metavariable `name` in `v` is a single one, `$NAME` (not `$$NAME`, `$$$NAME`). */
function backReferences(v: unknown, name: string): boolean {
  return [...JSON.stringify(v ?? null).matchAll(METAVAR)].every((m) => m[2] !== name || m[1] === '$');
}

/** The conditions for the constraints on what alternative `alt` binds, or null when they cannot be placed. */
function checksFor(alt: Rule, lang: FileLanguage, cons: Record<string, Rule>): Rule[] | null {
  const names = Object.keys(cons);
  const { pattern, ...rest } = alt;
  const inRest = metavarsIn(rest).filter((n) => names.includes(n));
  // Named once past the pattern, as a field's child the pattern does not bind: the check is on that field.
  const fields = inRest.length > 0 ? fieldBound(alt) : new Map<string, string>();
  const inPattern = new Set(metavarsIn(pattern));
  const byField: Rule[] = [];
  for (const n of new Set(inRest)) {
    // Bound by the pattern and named again only as `$N` (`$RES.$F($$$)` with a `not` that looks for an earlier
    // `$RES.$TYPE(…)`): a later mention matches only what the pattern bound, so the check placed on the
    // pattern's binding below tests the same node whenever it runs (as in firstOfAll).
    if (inPattern.has(n) && backReferences(rest, n)) continue;
    const field = fields.get(n);
    if (field === undefined || inRest.filter((x) => x === n).length > 1 || inPattern.has(n)) return null;
    byField.push({ has: { field, ...cons[n] } });
  }
  const bound = metavarsIn(pattern).filter((n) => names.includes(n));
  if (bound.length === 0) return byField;
  if (typeof pattern !== 'string') return null;
  const paths = metavarPaths(lang, pattern);
  const out: Rule[] = [];
  for (const name of new Set(bound)) {
    const path = paths.get(name);
    const c = cons[name];
    if (!path || !c) return null;
    out.push(placed(path, c));
  }
  return [...out, ...byField];
}

/** The keys of a rule object that test the node itself (cheap); the others look around it or combine rules. */
const ATOMIC = new Set(['pattern', 'kind', 'regex', 'nthChild', 'range']);

/**
 * `rule` and `checks`, all required, with the checks right after the rule's atomic keys: ast-grep tries the
 * items of an `all` in order and stops at the first that fails, and a relational or composite key (`not: {
 * inside: { stopBy: end, has: … } }`) can cost a walk of a whole block at every candidate node, where a check
 * is a regex on one child. (`$RES.$M($$$)` with a `not` on a `root` option, constraint `M: sendFile|download`,
 * took 65 s on 25 large files with the `not` tried first at every method call, 0.8 s with the check first.)
 */
function withChecks(rule: Rule, checks: readonly Rule[]): Rule[] {
  if (checks.length === 0) return [rule];
  const atom: Rule = {};
  const rest: Rule = {};
  for (const [k, v] of Object.entries(rule)) (ATOMIC.has(k) ? atom : rest)[k] = v;
  if (Object.keys(atom).length === 0) return [rule, ...checks];
  return Object.keys(rest).length === 0 ? [atom, ...checks] : [atom, ...checks, rest];
}

/**
 * `all: [{ pattern }, ...others]` whose constrained metavariables that first pattern binds: the checks go right
 * after the pattern's own tests, before the others (`$O[$K] = $V` and a `not` that searches the block around
 * it, with a constraint on the kind of `$V`). The items after it may name such a metavariable again (`has: {
 * pattern: $B }`): a metavariable already bound matches only what it bound, so the check on it tests the same
 * node whenever it runs. Null when the rule is not of that shape, or when a later item names a constrained
 * metavariable the pattern does not bind (it would be bound there, or as a multi-metavariable).
 */
function firstOfAll(
  rule: Rule,
  lang: FileLanguage,
  cons: Record<string, Rule>,
  utils: unknown = {},
): Inlined | null {
  const { all, ...outer } = rule;
  if (!Array.isArray(all) || rule.pattern !== undefined || rule.any !== undefined) return null;
  const [first, ...others] = all as Rule[];
  if (!first || typeof first.pattern !== 'string') return null;
  const checks = checksFor(first, lang, cons);
  if (checks === null) return null;
  const names = new Set(Object.keys(cons));
  const bound = new Set(metavarsIn(first.pattern).filter((n) => names.has(n)));
  // The utils count as later items: one the pattern's `all` uses (`matches: pp-one-level`, itself
  // `$O[$K] = $V` and exclusions) shares the binding, so a `$V` there matches only what the pattern bound.
  const later = [...JSON.stringify([others, outer, utils]).matchAll(METAVAR)];
  if (later.some((m) => names.has(m[2] ?? '') && (m[1] !== '$' || !bound.has(m[2] ?? '')))) return null;
  return { rule: { ...outer, all: [...withChecks(first, checks), ...others] }, utils: {} };
}

/** A rule, and the utils it needs besides the matcher's own. */
export interface Inlined {
  rule: Rule;
  utils: Rule;
}

/**
 * The matcher's rule with its constraints written in, or null when that would not mean the same: a
 * constrained metavariable bound outside a pattern or in a util, a constraint that names metavariables
 * itself or says where it applies, a `transform`. For `any: [a1, a2, ...]` the first alternative that matches
 * decides, as in ast-grep: alternative i becomes `all: [ai, its constraints, not a1, ..., not a(i-1)]`, each
 * ai a util (compiled once, used up to n times), each negated one with metavariables of its own (see FREE).
 */
export function inlined(m: Matcher, lang: FileLanguage): Inlined | null {
  const rule = m.rule as Rule;
  const cons = (m.constraints ?? {}) as Record<string, Rule>;
  const names = Object.keys(cons);
  if (m.transform !== undefined) return null;
  if (names.length === 0) return { rule, utils: {} };
  const odd = (c: Rule): boolean =>
    metavarsIn(c).length > 0 || ['field', 'nthChild', 'stopBy'].some((k) => k in c);
  if (names.some((n) => !cons[n] || odd(cons[n]))) return null;
  const { any, ...rest } = rule;
  const fromAll = firstOfAll(rule, lang, cons, m.utils);
  if (fromAll) return fromAll;
  const inUtils = metavarsIn(m.utils).filter((n) => names.includes(n));
  // A util that names a constrained metavariable is used by the rule's other keys, which ast-grep tries after
  // its pattern: when the pattern binds the name and the util only back-references it (`not: { matches:
  // untyped-or-unshown }` looking for an earlier `$RES.$TYPE(…)`), it matches only what the pattern bound, as
  // a later key naming it does (checksFor). Anything else (a rule without pattern, `$$$V` in the util) is kept.
  const patternNames = typeof rule.pattern === 'string' ? metavarsIn(rule.pattern) : [];
  if (inUtils.some((n) => !patternNames.includes(n) || !backReferences(m.utils, n))) return null;
  if (!Array.isArray(any) || rule.pattern !== undefined) {
    const checks = checksFor(rule, lang, cons);
    if (checks === null) return null;
    return { rule: checks.length === 0 ? rule : { all: withChecks(rule, checks) }, utils: {} };
  }
  if (metavarsIn(rest).some((n) => names.includes(n))) return null;
  // Copies of the matcher's utils with names of their own, for the earlier alternatives' negations below.
  const utils: Rule = {};
  for (const [k, u] of Object.entries(m.utils ?? {})) utils[`${k}${FREE}`] = renamed(u, FREE);
  const out = anyInlined(any as Rule[], rest, lang, cons, 'vg_alt');
  return out && { rule: out.rule, utils: { ...utils, ...out.utils } };
}

/**
 * The suffix of the metavariables and utils of an earlier alternative in the negation a later one checks:
 * ast-grep's `not: { matches: u }` sees the metavariables the later alternative bound before it (as
 * back-references), where `any` tried the earlier alternative with none bound.
 */
const FREE = '_VGF';

/**
 * `any: alts` (with the other keys `rest`, which name no constrained metavariable) with the constraints
 * written into each alternative: alternative i becomes `all: [ai, its checks, not a1, ..., not a(i-1)]`, each
 * ai a util named `prefix` and i. An alternative that is itself `any: [...]` with tests of its own that name
 * no constrained metavariable (`any: [$L.template($C, $$$), $L.template($C)]` and a regex on the call) gets
 * the same treatment inside: the first of its alternatives that matches decides what it binds, as for the
 * outer one. Null when some alternative's constraints cannot be placed.
 */
function anyInlined(
  alts: readonly Rule[],
  rest: Rule,
  lang: FileLanguage,
  cons: Record<string, Rule>,
  prefix: string,
): Inlined | null {
  const names = Object.keys(cons);
  const utils: Rule = {};
  const out: Rule[] = [];
  for (let i = 0; i < alts.length; i++) {
    const alt = alts[i] as Rule;
    utils[`${prefix}${i}`] = alt;
    utils[`${prefix}${i}${FREE}`] = renamed(alt, FREE);
    const before = alts.slice(0, i).map((_, j) => ({ not: { matches: `${prefix}${j}${FREE}` } }));
    // An alternative `all: [{ pattern }, ...]` that names its constrained metavariables again after the pattern.
    const fromAll = metavarsIn(alt).some((n) => names.includes(n)) ? firstOfAll(alt, lang, cons) : null;
    if (fromAll) {
      out.push({ all: [fromAll.rule, ...before] });
      continue;
    }
    const checks = checksFor(alt, lang, cons);
    if (checks !== null) {
      // The alternative's own cheap tests first; the earlier alternatives (each a full match) last.
      out.push({
        all: [...(checks.length === 0 ? [{ matches: `${prefix}${i}` }] : withChecks(alt, checks)), ...before],
      });
      continue;
    }
    const { any: inner, ...own } = alt;
    if (!Array.isArray(inner) || own.pattern !== undefined || metavarsIn(own).some((n) => names.includes(n)))
      return null;
    const nested = anyInlined(inner as Rule[], own, lang, cons, `${prefix}${i}_`);
    if (nested === null) return null;
    Object.assign(utils, nested.utils);
    out.push({ all: [nested.rule, ...before] });
  }
  return { rule: { ...rest, any: out }, utils };
}
