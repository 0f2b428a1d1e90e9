import { mayOccur } from './trigrams.js';
/*
 * What text a rule's regex needs: literal strings of which one must occur in any text the regex matches
 * (`^(fetch|axios)\.get\(` needs `fetch.get(` or `axios.get(`). A rule's regex is tested on a node's text,
 * which is part of the file's text, so a file that holds none of them cannot match (match-words.ts).
 *
 * The regexes are ast-grep's (Rust `regex` syntax). Read: literals and escapes, classes, `.`, anchors and
 * word boundaries, groups (capturing, `(?:`, named, with flags), alternation and repetition. Case-insensitive
 * parts (`(?i)`, `(?i-u)`, `(?i:…)`) give literals to look for in the lowered text (see lowered). Anything
 * else (verbose mode, look-around, an escape not listed) gives no need at all: the regex rules nothing out.
 */

/** A literal that must occur, as written; a case-insensitive one is lowered and marked by a leading NUL. */
export type Literal = string;

/** One of each inner list must occur in the text (an empty result: nothing is required). */
export type RegexNeeds = Literal[][];

/** What a part of a regex matches: every string it can match when few (exact), else what they contain. */
interface Info {
  exact: Literal[] | null;
  need: Literal[][];
}

const MAX_EXACT = 32;
const CI = '\0';
const EMPTY: Info = { exact: [''], need: [] };
const ANY: Info = { exact: null, need: [] };

class Unsupported extends Error {}

/** A defect of the reader itself: it was sent back to an earlier position (it would read for ever). */
export class RegexReaderError extends Error {
  readonly code = 'REGEX_READER_BACKWARDS';
}

const isCi = (s: Literal): boolean => s.startsWith(CI);
const bare = (s: Literal): string => (isCi(s) ? s.slice(1) : s);

/** `s` as a case-insensitive literal, or null when lowering could change what it stands for (non-ASCII). */
function lowered(s: Literal): Literal | null {
  if (isCi(s)) return s;
  // Lowering is per character only for ASCII (a final sigma lowers by its context).
  return /[\u0080-\uffff]/.test(s) ? null : `${CI}${s.toLowerCase()}`;
}

function join(a: Literal, b: Literal): Literal | null {
  if (!isCi(a) && !isCi(b)) return a + b;
  const x = lowered(a);
  const y = lowered(b);
  return x === null || y === null ? null : x + bare(y);
}

const all = (x: Info): Literal[][] => (x.exact ? [x.exact] : x.need);

function concat(a: Info, b: Info): Info {
  if (a.exact && b.exact && a.exact.length * b.exact.length <= MAX_EXACT) {
    const out = new Set<Literal>();
    for (const x of a.exact)
      for (const y of b.exact) {
        const j = join(x, y);
        if (j === null) return { exact: null, need: [...all(a), ...all(b)] };
        out.add(j);
      }
    return { exact: [...out], need: [] };
  }
  return { exact: null, need: [...all(a), ...all(b)] };
}

/** The shortest string of a list (what it guarantees at least). */
const weakest = (set: readonly Literal[]): number => Math.min(...set.map((s) => bare(s).length));

function alternation(branches: Info[]): Info {
  if (branches.every((b) => b.exact)) {
    const out = new Set(branches.flatMap((b) => b.exact ?? []));
    if (out.size <= MAX_EXACT) return { exact: [...out], need: [] };
  }
  const sets: Literal[] = [];
  for (const b of branches) {
    const best = all(b)
      .filter((s) => weakest(s) > 0)
      .sort((x, y) => weakest(y) - weakest(x))[0];
    if (!best) return ANY;
    sets.push(...best);
  }
  return { exact: null, need: [[...new Set(sets)]] };
}

const SIMPLE: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', a: '\x07' };

class Reader {
  #pos = 0;
  constructor(private readonly src: string) {}

  /**
   * The position read to. It only moves forward, and every loop below reads at least one character a turn, so
   * reading ends on any text; a move back (an `indexOf` that found nothing, once) throws rather than loops.
   */
  private get i(): number {
    return this.#pos;
  }
  private set i(to: number) {
    if (!(to > this.#pos))
      throw new RegexReaderError(`regex reader sent back from ${this.#pos} to ${to} in ${this.src}`);
    this.#pos = to;
  }

  read(): Info {
    const info = this.alternation(false, true);
    if (this.i < this.src.length) throw new Unsupported('unbalanced');
    return info;
  }

  private alternation(ci: boolean, unicode: boolean): Info {
    const branches: Info[] = [];
    const flags = { ci, unicode };
    for (;;) {
      branches.push(this.sequence(flags));
      if (this.src[this.i] !== '|') break;
      this.i++;
    }
    return branches.length === 1 ? (branches[0] as Info) : alternation(branches);
  }

  /**
   * A concatenation: runs of parts with few exact strings are joined (`\.(exec|spawn)\(` is `.exec(` or
   * `.spawn(`); a part without them (a class, a repetition) ends a run, and the runs are needed each.
   */
  private sequence(flags: { ci: boolean; unicode: boolean }): Info {
    let run = EMPTY;
    const done: Literal[][] = [];
    let open = true;
    while (this.i < this.src.length) {
      const c = this.src[this.i] as string;
      if (c === '|' || c === ')') break;
      const part = this.repeated(this.atom(flags));
      const joined = part.exact ? concat(run, part) : ANY;
      if (joined.exact) {
        run = joined;
        continue;
      }
      open = false;
      done.push(...all(run));
      if (part.exact) run = part;
      else {
        done.push(...part.need);
        run = EMPTY;
      }
    }
    if (open) return run;
    return { exact: null, need: [...done, ...all(run)] };
  }

  /** A group's flags (`(?i)`, `(?-u:`): returns true when a group follows (`:`), false when they end the group. */
  private flags(flags: { ci: boolean; unicode: boolean }): boolean {
    let on = true;
    for (;;) {
      const c = this.src[this.i++];
      if (c === ':') return true;
      if (c === ')') return false;
      if (c === '-') on = false;
      else if (c === 'i') flags.ci = on;
      else if (c === 'u') flags.unicode = on;
      else if (c !== 'm' && c !== 's' && c !== 'U') throw new Unsupported(`flag ${c}`);
    }
  }

  private atom(flags: { ci: boolean; unicode: boolean }): Info {
    const c = this.src[this.i++] as string;
    if (c === '(') {
      let inner = { ...flags };
      if (this.src[this.i] === '?') {
        this.i++;
        const n = this.src[this.i];
        if (n === 'P' || n === '<') {
          if (n === 'P') this.i++;
          if (this.src[this.i] === '=' || this.src[this.i] === '!') throw new Unsupported('look-behind');
          const end = this.src.indexOf('>', this.i);
          if (end < 0) throw new Unsupported('group name');
          this.i = end + 1;
        } else if (!this.flags(inner)) {
          // `(?i)`: the flags hold for the rest of the enclosing group.
          Object.assign(flags, inner);
          return EMPTY;
        }
      } else inner = { ...flags };
      const info = this.alternation(inner.ci, inner.unicode);
      if (this.src[this.i++] !== ')') throw new Unsupported('unclosed group');
      return info;
    }
    if (c === '[') {
      this.skipClass();
      return ANY;
    }
    if (c === '.') return ANY;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '\\') return this.escape(flags);
    if ('*+?{'.includes(c)) throw new Unsupported('repetition of nothing');
    return this.literal(c, flags);
  }

  private literal(ch: string, flags: { ci: boolean }): Info {
    if (!flags.ci || !/[A-Za-z]/.test(ch)) {
      // Without case, a character beyond ASCII may match others (its case folds): not read.
      return flags.ci && ch.charCodeAt(0) >= 0x80 ? ANY : { exact: [ch], need: [] };
    }
    return { exact: [`${CI}${ch.toLowerCase()}`], need: [] };
  }

  private escape(flags: { ci: boolean }): Info {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    if (SIMPLE[c] !== undefined) return this.literal(SIMPLE[c], flags);
    if (/[dDwWsS]/.test(c)) return ANY;
    if (c === 'p' || c === 'P') {
      if (this.src[this.i] === '{') {
        const end = this.src.indexOf('}', this.i);
        if (end < 0) throw new Unsupported('class name');
        this.i = end + 1;
      } else this.i++;
      return ANY;
    }
    if (/[bBAz<>]/.test(c)) return EMPTY;
    if (c === 'x') {
      let hex: string;
      if (this.src[this.i] === '{') {
        const end = this.src.indexOf('}', this.i);
        if (end < 0) throw new Unsupported('hex escape');
        hex = this.src.slice(this.i + 1, end);
        this.i = end + 1;
      } else {
        hex = this.src.slice(this.i, this.i + 2);
        this.i += 2;
      }
      if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) throw new Unsupported('hex escape');
      const ch = String.fromCodePoint(parseInt(hex, 16));
      return /[A-Za-z]/.test(ch) || ch.charCodeAt(0) < 0x80 ? this.literal(ch, flags) : ANY;
    }
    if (/[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e ]/.test(c)) return this.literal(c, flags);
    throw new Unsupported(`escape \\${c}`);
  }

  /** Past a character class (nested classes and escapes included). */
  private skipClass(): void {
    let depth = 1;
    if (this.src[this.i] === '^') this.i++;
    if (this.src[this.i] === ']') this.i++;
    while (depth > 0) {
      const c = this.src[this.i++];
      if (c === undefined) throw new Unsupported('unclosed class');
      if (c === '\\') this.i++;
      else if (c === '[') {
        // `[:alpha:]`, `[:^digit:]`; any other `[` opens a nested class (`[[:a]]` holds `:` and `a`).
        const ascii = /^:\^?[a-z]+:\]/.exec(this.src.slice(this.i, this.i + 16));
        if (ascii) this.i += ascii[0].length;
        else {
          depth++;
          if (this.src[this.i] === '^') this.i++;
          if (this.src[this.i] === ']') this.i++;
        }
      } else if (c === ']') depth--;
    }
  }

  private repeated(atom: Info): Info {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported('repetition');
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return atom;
    if (this.src[this.i] === '?') this.i++;
    if (min === 1 && max === 1) return atom;
    if (min === 0)
      return max === 1 && atom.exact ? { exact: [...new Set(['', ...atom.exact])], need: [] } : ANY;
    return { exact: null, need: all(atom) };
  }
}

/**
 * The literals `re` needs (see RegexNeeds), without those that say nothing (an empty string, or a single
 * character); empty when the regex is not read.
 */
export function regexNeeds(re: string): RegexNeeds {
  let info: Info;
  try {
    info = new Reader(re).read();
  } catch (err) {
    if (err instanceof Unsupported) return [];
    throw err;
  }
  return all(info)
    .filter((set) => set.length > 0 && weakest(set) >= 2)
    .map(shortest)
    .sort((a, b) => a.length - b.length);
}

/**
 * A list without the literals that hold another of it (one of them occurs whenever such a literal does),
 * so that fewer are searched for; the lists with fewest literals come first, to rule a text out soonest.
 */
function shortest(set: readonly Literal[]): Literal[] {
  const sorted = [...new Set(set)].sort((a, b) => a.length - b.length);
  const out: Literal[] = [];
  for (const lit of sorted) {
    // A case-insensitive literal holds a case-sensitive one only when lowered alike: compared as lowered.
    const low = lowered(lit);
    const covered = out.some((o) =>
      isCi(o) ? low !== null && low.includes(o.slice(1)) : !isCi(lit) && lit.includes(o),
    );
    if (!covered) out.push(lit);
  }
  return out;
}

let lowText: string | undefined;
let lowOf: string | undefined;

/** The text as case-insensitive literals are looked for in it (kept for the last text asked about). */
export function lowerText(text: string): string {
  if (text !== lowText || lowOf === undefined) {
    // Two letters fold to ASCII ones without lowering to them: the long s (ſ) and the Kelvin sign (lowers to k).
    lowOf = text.toLowerCase().replace(/\u017f/g, 's');
    lowText = text;
  }
  return lowOf;
}

/**
 * Whether `lit` occurs in `text` (in its lowered text when case-insensitive). A case-sensitive one whose
 * three-character sequences the text lacks is not searched for (trigrams.ts).
 */
export function holds(text: string, lit: Literal): boolean {
  return isCi(lit) ? lowerText(text).includes(lit.slice(1)) : mayOccur(text, lit) && text.includes(lit);
}
