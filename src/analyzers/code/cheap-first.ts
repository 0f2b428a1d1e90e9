import { parse } from '@ast-grep/napi';
import type { Rule } from './constraint-inline.js';
import type { FileLanguage } from './languages.js';

/*
 * ast-grep checks the items of an `all` in order. Sinks are mostly written `all: [{ pattern: '$F($$$)' }, { has:
 * { field: function, regex: ... } }]`: the pattern matches every call of the file and binds its metavariables
 * (the arguments collected for `$$$`) before the cheap test of the callee's name rejects almost all of them.
 * On vite's 1.4 MB bundle such a matcher walked alone costs 59 ms against 32 ms with the name tested first.
 *
 * Here the tests that read no metavariable and look only at the node's own children (`has` without `stopBy`,
 * `kind`, `regex` below a `has`, and `not`/`any`/`all`/`nthChild` of those) move before a pattern made only of
 * metavariables and punctuation, behind a `kind` test of the pattern's root kind, so that they run only where
 * the pattern could match. An `all` is a conjunction, and these tests bind nothing, so the rule matches the
 * same nodes with the same metavariables. Anything else (a pattern with names in it, which is selective; a
 * relational test that walks further than a child; a regex on the whole node's text) stays where it is.
 */

/** Keys a test may hold and still be cheap: it looks at the node and its children, binds nothing. */
const CHEAP_KEYS = new Set([
  'kind',
  'regex',
  'has',
  'field',
  'not',
  'any',
  'all',
  'nthChild',
  'position',
  'ofRule',
  'reverse',
]);

/** Whether `r` is a cheap test (see above); `top`: it applies to the node itself, whose text may be large. */
export function isCheap(r: unknown, top = true): boolean {
  if (!r || typeof r !== 'object' || Array.isArray(r)) return false;
  for (const [k, v] of Object.entries(r as Rule)) {
    if (!CHEAP_KEYS.has(k)) return false;
    if (k === 'regex' && (top || typeof v !== 'string')) return false;
    // Without `stopBy`, `has` looks at the node's children only.
    if (k === 'has' && !isCheap(v, false)) return false;
    if ((k === 'any' || k === 'all') && !(Array.isArray(v) && v.every((x) => isCheap(x, top)))) return false;
    if (k === 'not' && !isCheap(v, top)) return false;
    if (k === 'ofRule' && !isCheap(v, false)) return false;
    if (k === 'nthChild' && typeof v !== 'number' && !isCheap(v, false)) return false;
    if (k === 'field' && (top || typeof v !== 'string')) return false;
  }
  return true;
}

/** A pattern of metavariables and punctuation only (`$F($$$)`, `$DB.$M($Q, $$$)`, `$O[$K] = $V`). */
export function isGeneric(pattern: string): boolean {
  return !/[A-Za-z0-9]/.test(pattern.replace(/\$\$?\$?[A-Z_][A-Z0-9_]*|\$\$\$/g, ''));
}

const kinds = new Map<string, string | null>();

/**
 * The kind of every node `pattern` matches in `lang`, or null when it cannot be told (a lone metavariable
 * matches any node). ast-grep matches a pattern only at nodes of its root's kind; the root is found by
 * matching the pattern against its own text, and kept only when every match there has that one kind and a
 * `kind` test of its name accepts that node (a name several node types share would not).
 */
export function patternKind(pattern: string, lang: FileLanguage['lang']): string | null {
  const key = `${String(lang)}\0${pattern}`;
  let k = kinds.get(key);
  if (k !== undefined) return k;
  k = null;
  if (!/^\s*\$\$?\$?[A-Z_]*[A-Z0-9_]*\s*;?\s*$/.test(pattern)) {
    try {
      const found = parse(lang, pattern).root().findAll({ rule: { pattern } });
      const names = new Set(found.map((n) => n.kind()));
      const first = found[0];
      const only = names.size === 1 ? String(first?.kind()) : null;
      if (first && only && only !== 'program' && first.matches({ rule: { kind: only } })) k = only;
    } catch {
      // A pattern this language cannot parse on its own: no kind known, the rule stays as written.
      k = null;
    }
  }
  kinds.set(key, k);
  return k;
}

/**
 * The rule with cheap tests first (see above), in `all`s at its top and in the alternatives of a top `any`;
 * the same object when nothing moves.
 */
export function cheapFirst(rule: Rule, lang: FileLanguage): Rule {
  const keys = Object.keys(rule);
  if (keys.length !== 1) return rule;
  if (keys[0] === 'any' && Array.isArray(rule.any)) {
    const alts = rule.any as Rule[];
    const moved = alts.map((a) => (a && typeof a === 'object' ? cheapFirst(a, lang) : a));
    return moved.some((a, i) => a !== alts[i]) ? { any: moved } : rule;
  }
  if (keys[0] !== 'all' || !Array.isArray(rule.all)) return rule;
  const items = rule.all as Rule[];
  const at = items.findIndex((x) => x && typeof x.pattern === 'string' && Object.keys(x).length === 1);
  const pattern = items[at]?.pattern as string | undefined;
  if (pattern === undefined || !isGeneric(pattern)) return rule;
  const cheap = items.filter((x, j) => j > at && isCheap(x));
  if (cheap.length === 0) return rule;
  const kind = patternKind(pattern, lang.lang);
  if (kind === null) return rule;
  const rest = items.slice(at).filter((x) => !cheap.includes(x));
  return { all: [{ kind }, ...items.slice(0, at), ...cheap, ...rest] };
}
