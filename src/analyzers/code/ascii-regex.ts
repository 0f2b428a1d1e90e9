import type { Matcher } from './rule-schema.js';

/*
 * ast-grep compiles a matcher's regexes again at every findAll/matches call (its napi API has no compiled
 * matcher), and the Rust regex crate's Unicode classes are large: bench/code/regex-compile.mjs gives 40 ms
 * for one compile of every rule regex as written and 22 ms with ASCII classes (the costliest 4–40× less).
 * Rule regexes test code (identifiers, literals, operators), so their `\w`, `\d`, `\s` and `\b` are taken as
 * ASCII classes; a rule that means other letters writes `\p{L}` (docs/rules.md says so).
 */

const WORD = '0-9A-Za-z_';
const DIGIT = '0-9';
const SPACE = '\\t\\n\\x0B\\f\\r ';
const CLASSES: Record<string, string> = { w: WORD, d: DIGIT, s: SPACE };
const NEGATED: Record<string, string> = { W: WORD, D: DIGIT, S: SPACE };

/** The regex with its Perl classes (`\w \d \s`, their negations and `\b`) spelled as ASCII classes. */
export function asciiClasses(re: string): string {
  if (!re.includes('\\')) return re;
  let out = '';
  // Depth of (possibly nested) character classes; Rust's syntax nests `[a-z&&[^x]]`.
  let depth = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i] ?? '';
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i] ?? '';
      const cls = CLASSES[n];
      const neg = NEGATED[n];
      if (cls !== undefined) out += depth > 0 ? cls : `[${cls}]`;
      else if (neg !== undefined && depth === 0) out += `[^${neg}]`;
      else if (n === 'b' && depth === 0) out += '(?-u:\\b)';
      else if (n === 'B' && depth === 0) out += '(?-u:\\B)';
      else out += c + n;
      continue;
    }
    if (c === '[') {
      out += c;
      depth++;
      // A `]` right after `[` or `[^` is a literal member of the class.
      if (re[i + 1] === '^') out += re[++i];
      if (re[i + 1] === ']') out += re[++i];
      continue;
    }
    if (c === ']' && depth > 0) depth--;
    out += c;
  }
  return out;
}

/**
 * Case-insensitive matching (`(?i)`) of ASCII letters only: Unicode case folding makes every letter a class
 * of its Unicode variants, and such a regex costs two to six times as much to compile (the Kelvin sign
 * matches `k`, the long s `s`; rule regexes test code, where neither occurs). Only where the regex cannot
 * then match bytes that are not UTF-8, which Rust's regex refuses: no `.`, negated class, `\p` or non-ASCII
 * character in it.
 */
export function asciiCaseless(re: string): string {
  if (!re.includes('(?i') || [...re].some((c) => c.charCodeAt(0) > 0x7f)) return re;
  let depth = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') {
      // `\p{L}` and byte escapes mean non-ASCII text.
      if (/[pPxu]/.test(re[++i] ?? '')) return re;
    } else if (c === '[') {
      if (re[i + 1] === '^') return re;
      depth++;
    } else if (c === ']' && depth > 0) depth--;
    else if (c === '.' && depth === 0) return re;
  }
  return re.replace(/\(\?i\)/g, '(?i-u)').replace(/\(\?i:/g, '(?i-u:');
}

function rewrite(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rewrite);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v))
    out[k] = k === 'regex' && typeof x === 'string' ? asciiCaseless(asciiClasses(x)) : rewrite(x);
  return out;
}

/** The matcher with every `regex` (in its rule, constraints and utils) given ASCII classes. */
export function withAsciiClasses(m: Matcher): Matcher {
  return rewrite(m) as Matcher;
}
