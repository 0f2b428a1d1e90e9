import { patternKind } from './cheap-first.js';
import type { Rule } from './constraint-inline.js';
import type { FileLanguage } from './languages.js';

/*
 * The node kinds a rule can match, read from its shape when it is loaded, so that a combined walk
 * (batch-match.ts) tries at each node only the alternatives that can match a node of that kind.
 *
 * ast-grep tries every alternative of an `any` at every node whose kind one of them allows: in a combined walk
 * of seventy matchers that is seventy util look-ups by name at each call, member and identifier, nearly all
 * rejected at once by a kind the alternative already tests. Each test read here is one the rule itself makes
 * of the node (a `kind`, the root kind of a pattern, an `all` of them, an `any` of them, a util it `matches`),
 * so a node of any other kind fails the rule whatever else it holds.
 */

/** A kind name as a `kind` test takes it (not a selector or anything else ast-grep might read there). */
export const KIND_NAME = /^[a-z_][a-z0-9_]*$/;

/** Intersection of the known kind sets (null when none is known). */
function meet(sets: readonly (Set<string> | null)[]): Set<string> | null {
  const known = sets.filter((s): s is Set<string> => s !== null);
  const [head, ...rest] = known;
  if (head === undefined) return null;
  return new Set([...head].filter((k) => rest.every((s) => s.has(k))));
}

/**
 * The kinds of every node `rule` can match in `lang`, or null when its shape does not tell (a `not`, a regex,
 * a relational test alone, a pattern of one metavariable, a util defined in terms of itself). `utils` are the
 * rule's own (what `matches` names).
 */
export function kindsOf(
  rule: unknown,
  utils: Rule,
  lang: FileLanguage['lang'],
  seen: ReadonlySet<string> = new Set(),
): Set<string> | null {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return null;
  const r = rule as Rule;
  const sets: (Set<string> | null)[] = [];
  if (typeof r.kind === 'string') sets.push(KIND_NAME.test(r.kind) ? new Set([r.kind]) : null);
  if (typeof r.pattern === 'string') {
    const k = patternKind(r.pattern, lang);
    sets.push(k === null ? null : new Set([k]));
  }
  if (Array.isArray(r.all)) sets.push(meet(r.all.map((x) => kindsOf(x, utils, lang, seen))));
  if (Array.isArray(r.any)) {
    const each = r.any.map((x) => kindsOf(x, utils, lang, seen));
    sets.push(each.every((s) => s !== null) ? new Set(each.flatMap((s) => [...(s ?? [])])) : null);
  }
  if (typeof r.matches === 'string' && !seen.has(r.matches) && utils[r.matches] !== undefined)
    sets.push(kindsOf(utils[r.matches], utils, lang, new Set([...seen, r.matches])));
  return meet(sets);
}

/**
 * The alternatives `alts` of an `any`, grouped behind a `kind` test of each kind they can match: at a node of
 * kind K only the alternatives that allow K are tried, in their order in `alts`, so the first that matches (whose
 * metavariables the `any` keeps) is the one it was. Null when some alternative's kinds are unknown.
 *
 * With `tags` (one rule per alternative, tested after the node matched: batch-match.ts' tags), a group becomes
 * `all: [kind K, any: its alternatives, the tags of its alternatives]`: at a node of kind K the tag of an
 * alternative that does not allow K is not tested, since its alternative, and so its tag, cannot match there.
 */
export function groupedByKind(
  alts: readonly Rule[],
  kinds: readonly (Set<string> | null)[],
  tags?: readonly Rule[],
): Rule | null {
  if (kinds.some((k) => k === null || k.size === 0)) return null;
  const groups = new Map<string, number[]>();
  alts.forEach((_, i) => {
    for (const k of kinds[i] ?? []) {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(i);
    }
  });
  return {
    any: [...groups].map(([kind, at]) => {
      const any = at.map((i) => alts[i]!);
      return tags ? { all: [{ kind }, { any }, ...at.map((i) => tags[i]!)] } : { kind, any };
    }),
  };
}

/** Whether an alternative of kinds `kinds` (see kindsOf; null or empty when unknown) may match a node of `kind`. */
export function allowsKind(kinds: Set<string> | null, kind: string): boolean {
  return kinds === null || kinds.size === 0 || kinds.has(kind);
}
