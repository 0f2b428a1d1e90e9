import { holds, regexNeeds } from './regex-needs.js';
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

/**
 * Whether the top-level pattern of `m` binds metavariable `name` in a name's or an operand's place (not
 * inside a string): then every match binds it, and the constraint on it always applies.
 */
function placed(m: Matcher, name: string): boolean {
  const p = (m.rule as { pattern?: unknown }).pattern;
  if (typeof p !== 'string' || /['"`]/.test(p)) return false;
  // `$M` right after `.` or at an expression's start, and followed by what ends a name.
  return new RegExp(`(?:^|[\\s.(,=\\[{:])\\$${name}(?=$|[\\s.(),;\\]}=:])`).test(p);
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
  for (const [name, c] of Object.entries(m.constraints ?? {})) {
    const re = (c as { regex?: unknown }).regex;
    if (typeof re !== 'string' || !placed(m, name)) continue;
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
 * What a file's text must contain for a rule to match some node of it: every word of `all`, and for each
 * of `any`, one of its requirements. Empty lists: nothing is required.
 */
interface Needs {
  all: string[];
  any: Needs[][];
}

const NOTHING: Needs = { all: [], any: [] };

/** Marks a word needed as a name of its own (not inside a longer run of name characters). */
const WHOLE = '\u0001';

/**
 * The plain words of a pattern that stand as names of their own in it (`eval`, `Function` in `new
 * Function($$$)`; not `foo` in `$Xfoo`): a node the pattern matches has the same tokens, so each is then a
 * whole run of name characters in the file's text too (a string's content is matched as written).
 */
function patternNames(p: string): string[] {
  // Metavariables blanked to the same length, so that a word's neighbours are read in the pattern as written.
  const blank = p.replace(/\$+[A-Z_0-9]*/g, (v) => ' '.repeat(v.length));
  const out = new Set<string>();
  for (const w of blank.matchAll(/[A-Za-z_][\w$]*/g)) {
    const end = w.index + w[0].length;
    if (w.index > 0 && /[\w$]/.test(p[w.index - 1] as string)) continue;
    if (end < p.length && /[\w$]/.test(p[end] as string)) continue;
    out.add(`${WHOLE}${w[0]}`);
  }
  return [...out];
}

/** Whether `name` occurs in `text` with no name character on either side. */
function hasName(text: string, name: string): boolean {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const after = i + name.length < text.length ? text.charCodeAt(i + name.length) : 32;
    if (!isNameChar(before) && !isNameChar(after)) return true;
  }
  return false;
}

/** `[\w$]`: ASCII letters, digits, `_` and `$`. */
function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/**
 * What the text of a file must contain for `rule` to match one of its nodes. Each part of a rule object
 * must hold (pattern, kind, regex, all, any, matches and the relational clauses): a pattern's plain words are
 * names in the matched node's text (see patternNames); a regex needs one of each list of its literals
 * (regex-needs.ts); `any` needs what one of its alternatives needs; a relational clause (`has`, `inside`,
 * `follows`, `precedes`) needs a node of the same file; `not` needs nothing. Utils (`matches`) are followed
 * once each, so that recursive utils end.
 */
function needsOf(rule: unknown, utils: Record<string, unknown>, seen: Set<string>): Needs {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return NOTHING;
  const r = rule as Record<string, unknown>;
  const out: Needs = { all: [], any: [] };
  const add = (n: Needs): void => {
    out.all.push(...n.all);
    out.any.push(...n.any);
  };
  if (typeof r.pattern === 'string') out.all.push(...patternNames(r.pattern));
  // A regex is tested on the node's text, part of the file's: one literal of each of its lists must occur.
  if (typeof r.regex === 'string')
    for (const set of regexNeeds(r.regex)) out.any.push(set.map((w) => ({ all: [w], any: [] })));
  if (Array.isArray(r.all)) for (const x of r.all) add(needsOf(x, utils, seen));
  if (Array.isArray(r.any)) {
    const alts = r.any.map((x) => needsOf(x, utils, seen));
    if (alts.length > 0 && alts.every((a) => a.all.length > 0 || a.any.length > 0)) out.any.push(alts);
  }
  for (const k of ['has', 'inside', 'follows', 'precedes'])
    if (r[k] !== undefined) add(needsOf(r[k], utils, seen));
  if (typeof r.matches === 'string' && !seen.has(r.matches) && utils[r.matches] !== undefined) {
    seen.add(r.matches);
    add(needsOf(utils[r.matches], utils, seen));
  }
  return out;
}

const needed = new WeakMap<Matcher, Needs>();

/**
 * What a file's text must contain for `m` to match in it, worked out once per matcher: what its rule needs,
 * and what the constraint on each metavariable that every match binds (see placed) needs of the node bound.
 */
function needsOfMatcher(m: Matcher): Needs {
  let n = needed.get(m);
  if (!n) {
    const utils = m.utils ?? {};
    n = needsOf(m.rule, utils, new Set());
    for (const [name, c] of Object.entries(m.constraints ?? {})) {
      if (!placed(m, name)) continue;
      const more = needsOf(c, utils, new Set());
      n = { all: [...n.all, ...more.all], any: [...n.any, ...more.any] };
    }
    needed.set(m, n);
  }
  return n;
}

let wordsText: string | undefined;
let wordsIn = new Map<string, boolean>();

/** Whether `word` occurs in `text` (answers kept for the last text asked about). */
function contains(text: string, word: string): boolean {
  if (text !== wordsText) {
    wordsText = text;
    wordsIn = new Map();
  }
  let v = wordsIn.get(word);
  if (v === undefined)
    wordsIn.set(word, (v = word.startsWith(WHOLE) ? hasName(text, word.slice(1)) : holds(text, word)));
  return v;
}

function satisfied(n: Needs, text: string): boolean {
  return n.all.every((w) => contains(text, w)) && n.any.every((alts) => alts.some((a) => satisfied(a, text)));
}

/**
 * False when `m` cannot match anywhere in `text`: a word its rule needs is missing (see needsOf), or a
 * constraint accepts only names of which none occurs in the text. True says only that a walk is needed.
 */
export function mayMatch(m: Matcher, text: string): boolean {
  const anchor = anchorOf(m);
  if (anchor !== '' && !contains(text, anchor)) return false;
  if (!satisfied(needsOfMatcher(m), text)) return false;
  const sets = constraintNames(m);
  if (sets.length === 0) return true;
  const names = namesOf(text);
  return sets.every((words) => words.some((w) => names.has(w)));
}
