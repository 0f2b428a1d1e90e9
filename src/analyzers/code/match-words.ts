import type { Matcher } from './rule-schema.js';

/*
 * Text tests that tell, before any walk of the tree, that a matcher cannot match in a file. Each walk and
 * each compile of a matcher costs (see batch-match.ts), and most matchers find nothing in most files.
 */

const anchors = new WeakMap<Matcher, string>();

/**
 * The longest plain word of a matcher's pattern (`parseInt` for `parseInt($$$)`): a node whose text lacks
 * it cannot match, which saves most ast-grep match calls. Empty when the matcher has no pattern.
 */
export function anchorOf(m: Matcher): string {
  let a = anchors.get(m);
  if (a === undefined) {
    const p = (m.rule as { pattern?: unknown }).pattern;
    const words =
      typeof p === 'string' ? (p.replace(/\$+[A-Z_0-9]*/g, ' ').match(/[A-Za-z_][\w]*/g) ?? []) : [];
    a = words.reduce((best, w) => (w.length > best.length ? w : best), '');
    anchors.set(m, a);
  }
  return a;
}

/** A name as it can stand alone in code: what a constrained metavariable in a name's place binds. */
const NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * The literal alternatives of a constraint regex that accepts only whole names (`^(query|raw)$`,
 * `^console$`), or null for any other regex.
 */
function literalNames(re: string): string[] | null {
  const m = /^\^(?:\((?:\?:)?([^()]*)\)|([^()|]*))\$$/.exec(re);
  const body = m?.[1] ?? m?.[2];
  if (body === undefined) return null;
  const words = body.split('|').map((w) => w.replace(/\\\$/g, '$'));
  return words.every((w) => NAME.test(w)) ? words : null;
}

const required = new WeakMap<Matcher, string[][]>();

/**
 * For each constraint on a metavariable the top-level pattern binds in a name's place (`$M` in
 * `$DB.$M($$$)`, not inside a string), that is a regex of whole names: the names, one of which must then
 * occur in the file as a name of its own.
 */
export function constraintNames(m: Matcher): string[][] {
  let out = required.get(m);
  if (out) return out;
  out = [];
  const p = (m.rule as { pattern?: unknown }).pattern;
  for (const [name, c] of Object.entries(m.constraints ?? {})) {
    const re = (c as { regex?: unknown }).regex;
    if (typeof p !== 'string' || typeof re !== 'string') continue;
    // `$M` right after `.` or at an expression's start, and followed by what ends a name: not in a string.
    const place = new RegExp(`(?:^|[\\s.(,=\\[{:])\\$${name}(?=$|[\\s.(),;\\]}=:])`);
    if (!place.test(p) || /['"`]/.test(p)) continue;
    const words = literalNames(re);
    if (words) out.push(words);
  }
  required.set(m, out);
  return out;
}

let lastText: string | undefined;
let lastNames: Set<string> | undefined;

/** The names of a text: maximal runs of name characters (kept for the last text asked about). */
function namesOf(text: string): Set<string> {
  if (text !== lastText || !lastNames) {
    lastNames = new Set(text.match(/[\w$]+/g) ?? []);
    lastText = text;
  }
  return lastNames;
}

/**
 * False when `m` cannot match anywhere in `text`: its pattern's anchor word is missing, or a constraint
 * accepts only names of which none occurs in the text. True says only that a walk is needed.
 */
export function mayMatch(m: Matcher, text: string): boolean {
  const anchor = anchorOf(m);
  if (anchor !== '' && !text.includes(anchor)) return false;
  const sets = constraintNames(m);
  if (sets.length === 0) return true;
  const names = namesOf(text);
  return sets.every((words) => words.some((w) => names.has(w)));
}
