import type { Rule } from './constraint-inline.js';

/*
 * ast-grep compiles every util a configuration lists at each findAll (its napi API keeps no compiled
 * matcher), whether or not the rule names it. A rule's sinks and sources each carry the rule's whole `utils`,
 * and a matcher with its constraints written in (constraint-inline.ts) may no longer name some of them: on
 * node_modules' first 300 files a sixth of the combined walks' compile time was such utils. A util is only
 * ever reached by a `matches` that names it, from the rule, a constraint or another reached util, so leaving
 * out the others changes no match.
 */

/** The names `x` (a rule, or any part of one) gives to `matches`, at any depth. */
function namedIn(x: unknown, out: string[]): void {
  if (Array.isArray(x)) for (const y of x) namedIn(y, out);
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) {
      if (k === 'matches' && typeof v === 'string') out.push(v);
      else namedIn(v, out);
    }
}

/**
 * `utils` without those no `matches` reaches from `roots` (the rule and its constraints), directly or
 * through another util; the same object when every one is reached.
 */
export function reachedUtils<U extends Rule | undefined>(utils: U, ...roots: unknown[]): U {
  if (!utils) return utils;
  const todo: string[] = [];
  for (const r of roots) namedIn(r, todo);
  const reached = new Set<string>();
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    if (reached.has(name) || !Object.hasOwn(utils, name)) continue;
    reached.add(name);
    namedIn(utils[name], todo);
  }
  const names = Object.keys(utils);
  if (reached.size === names.length) return utils;
  return Object.fromEntries(names.filter((n) => reached.has(n)).map((n) => [n, utils[n]])) as U;
}
