import { START } from './patterns.js';
import type { SecretRule } from './types.js';

const ESCAPABLE = new Set([...'.$/-+*?(){}[]|^\\']);
const LITERAL = /[A-Za-z0-9_\-:/="'@!~#%&,;<> ]/;
const QUANTIFIER = new Set(['?', '*', '+', '{']);

/** True when `pattern` has an alternation outside every group it opens itself (then no prefix is shared). */
function hasOuterAlternation(pattern: string): boolean {
  // Depth relative to the prefix; a '|' at the lowest depth reached so far is an alternative to it.
  let depth = 0;
  let min = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')') min = Math.min(min, --depth);
    else if (c === '|' && depth === min) return true;
  }
  return false;
}

/** The literal text every match of `pattern` starts with (after boundaries and an opening group). */
export function literalPrefix(pattern: string): string {
  let s = pattern;
  for (let changed = true; changed;) {
    changed = false;
    for (const w of [START, '\\b', '(?:', '(']) {
      if (s.startsWith(w) && !s.startsWith('(?i')) {
        s = s.slice(w.length);
        changed = true;
      }
    }
  }
  if (hasOuterAlternation(s)) return '';
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (QUANTIFIER.has(c)) return out.slice(0, -1);
    if (c === '\\') {
      const n = s[i + 1] ?? '';
      if (!ESCAPABLE.has(n)) break;
      if (QUANTIFIER.has(s[i + 2] ?? '')) break;
      out += n;
      i++;
      continue;
    }
    if (!LITERAL.test(c)) break;
    out += c;
  }
  return out;
}

const ASSIGNMENT_TAIL = '[\\w.-]{0,25}';

/** A leading `(?i:…)` group (the name words of an assignment pattern), balanced. */
function leadingFlagGroup(pattern: string): string | undefined {
  if (!pattern.startsWith('(?i:')) return undefined;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return pattern.slice(0, i + 1);
  }
  return undefined;
}

function escapeLiteral(s: string): string {
  return s.replace(/[.$/\-+*?(){}[\]|^\\]/g, (c) => `\\${c}`);
}

/**
 * The cheap pattern that must occur in a file before a rule's full pattern runs: the rule's own
 * `prefilter`, its literal prefix, or its leading name group. Small literal-like patterns keep the
 * RE2.Set automaton small (the full patterns together make it thrash on random-looking text).
 */
export function prefilterOf(rule: SecretRule): string | undefined {
  if (rule.prefilter !== undefined) return rule.prefilter;
  if (rule.pattern === undefined) return undefined;
  const group = leadingFlagGroup(rule.pattern);
  if (group !== undefined) {
    const rest = rule.pattern.slice(group.length);
    if (hasOuterAlternation(rest)) return undefined;
    // Name words must be followed by an assignment: random text in bundles contains 'aws' or 'pat' often.
    return rest.startsWith(ASSIGNMENT_TAIL) ? `${group}[\\w.-]*["']?\\s*[:=,]` : group;
  }
  const lit = literalPrefix(rule.pattern);
  return lit.length >= 2 ? escapeLiteral(lit) : undefined;
}
