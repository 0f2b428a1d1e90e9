import type { Rule } from './constraint-inline.js';

/*
 * ast-grep compiles a matcher at every findAll/matches call (its napi API keeps no compiled matcher), and it
 * compiles a sub-rule written twice twice, but a util once however often `matches` names it. Rules built
 * from shared parts repeat them: js-code-injection-audit's matcher writes the same JSON.stringify regex in
 * every sink's alternative, the cookie rule the same `inside: program … matches: cookie-package` four times.
 * Written once as a util, each compiles once: the same rule, since a util matches with the same
 * metavariable environment as the sub-rule it replaces (its bindings are the caller's) and ast-grep reads a
 * util's node kinds for its walk as it reads an inline rule's.
 */

/** The relational keys, whose `field` and `stopBy` belong to the relation, not to the sub-rule. */
const RELATIONAL = ['has', 'inside', 'follows', 'precedes'] as const;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** A relation's sub-rule: the relation without its `field` and `stopBy`. */
function subRule(rel: Json): Json {
  const { field: _field, stopBy: _stopBy, ...rest } = rel;
  return rest;
}

/** Calls `f` on each sub-rule of `r` (not on `r`), in the places a sub-rule can be written as `matches`. */
function eachSubRule(r: Json, f: (sub: Json) => void): void {
  for (const k of ['all', 'any'] as const) {
    const list = r[k];
    if (Array.isArray(list)) for (const x of list) if (isObject(x)) f(x);
  }
  if (isObject(r.not)) f(r.not);
  for (const k of RELATIONAL) {
    const rel = r[k];
    if (!isObject(rel)) continue;
    f(subRule(rel));
    if (isObject(rel.stopBy)) f(rel.stopBy);
  }
  const nth = r.nthChild;
  if (isObject(nth) && isObject(nth.ofRule)) f(nth.ofRule);
}

/** Whether a sub-rule costs enough to compile to be worth a util: it holds a regex or a pattern. */
const costly = (text: string): boolean => text.includes('"regex"') || text.includes('"pattern"');

/**
 * `rule` and `utils` with every sub-rule written more than once (and holding a regex or a pattern) written
 * once as a util named `${prefix}N${suffix}` and referred to by `matches`. Returns the input unchanged when
 * nothing repeats.
 */
export function hoistRepeated(
  rule: Rule,
  utils: Rule | undefined,
  prefix: string,
  suffix = '',
): { rule: Rule; utils: Rule | undefined } {
  const counts = new Map<string, number>();
  const count = (r: Json): void => {
    const k = JSON.stringify(r);
    if (costly(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
    eachSubRule(r, count);
  };
  eachSubRule(rule, count);
  for (const u of Object.values(utils ?? {})) if (isObject(u)) eachSubRule(u, count);
  if (![...counts.values()].some((n) => n > 1)) return { rule, utils };
  const names = new Map<string, string>();
  const hoisted: Rule = {};
  // Inside a util's body its parts are left as written: they were counted once per copy of the body, and
  // a chain of utils would cost a lookup per step at every node tested.
  let inBody = false;
  const hoist = (r: Json): Json => {
    if (inBody) return rewrite(r);
    const k = JSON.stringify(r);
    if ((counts.get(k) ?? 0) < 2) return rewrite(r);
    let name = names.get(k);
    if (name === undefined) {
      name = `${prefix}${names.size}${suffix}`;
      names.set(k, name);
      inBody = true;
      hoisted[name] = rewrite(r);
      inBody = false;
    }
    return { matches: name };
  };
  const rewrite = (r: Json): Json => {
    const out: Json = { ...r };
    for (const k of ['all', 'any'] as const) {
      const list = r[k];
      if (Array.isArray(list)) out[k] = list.map((x: unknown) => (isObject(x) ? hoist(x) : x));
    }
    if (isObject(r.not)) out.not = hoist(r.not);
    for (const k of RELATIONAL) {
      const rel = r[k];
      if (!isObject(rel)) continue;
      const { field, stopBy } = rel;
      out[k] = {
        ...(field === undefined ? {} : { field }),
        ...(stopBy === undefined ? {} : { stopBy: isObject(stopBy) ? hoist(stopBy) : stopBy }),
        ...hoist(subRule(rel)),
      };
    }
    const nth = r.nthChild;
    if (isObject(nth) && isObject(nth.ofRule)) out.nthChild = { ...nth, ofRule: hoist(nth.ofRule) };
    return out;
  };
  const newRule = rewrite(rule);
  const newUtils: Rule = {};
  for (const [n, u] of Object.entries(utils ?? {})) newUtils[n] = isObject(u) ? rewrite(u) : u;
  return { rule: newRule, utils: { ...newUtils, ...hoisted } };
}
