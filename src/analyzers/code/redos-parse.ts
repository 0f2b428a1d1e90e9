/**
 * The syntax of a regular expression as the ReDoS check (redos.ts) reads it: JavaScript's and Python's
 * `re`, reduced to characters, sequences, alternatives and repetition. Anchors and word boundaries consume
 * nothing; `$` reads the end of the input; lookarounds are kept as markers so that none sits in a loop.
 */
import { type CharSet, classEscape, negate, union, withCase } from './redos-chars.js';

export type Node =
  | { t: 'char'; set: CharSet; src: string }
  | { t: 'empty' }
  /** A lookaround: it consumes nothing, but what it forbids is not modelled, so none may sit in a loop. */
  | { t: 'look' }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number; src: string };

/** A pattern this module does not read exactly: it is never reported. */
export class Unsupported extends Error {}

export type RegexFlavor = 'js' | 'python';

const END: CharSet = [[-1, -1]];
/** Positions (characters of the written-out pattern) beyond which a pattern is given up on. */
export const MAX_POSITIONS = 250;
const MAX_COPIES = 10;

/** Parses a pattern into the subset of syntax that decides ambiguity. Throws Unsupported otherwise. */
export class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly flavor: RegexFlavor,
    private ignoreCase: boolean,
    private dotAll: boolean,
    private readonly unicodeSets: boolean,
    multiline: boolean,
    private verbose = false,
  ) {
    // Python's `$` also matches before a final newline; with the m flag, before any line break.
    const breaks: CharSet = multiline
      ? [
          [10, 10],
          [13, 13],
          [0x2028, 0x2029],
        ]
      : flavor === 'python'
        ? [[10, 10]]
        : [];
    this.lineEnd = union(END, breaks);
  }

  private lineEnd: CharSet;

  parse(): Node {
    if (this.flavor === 'python') this.inlineFlags();
    const n = this.alternation();
    if (this.i < this.src.length) throw new Unsupported('unbalanced )');
    return n;
  }

  /** Python's leading `(?aiLmsux)`: only i and s change what matches. */
  private inlineFlags(): void {
    const m = /^\(\?([aiLmsux]+)\)/.exec(this.src.slice(this.i));
    if (!m) return;
    if (m[1]!.includes('i')) this.ignoreCase = true;
    if (m[1]!.includes('s')) this.dotAll = true;
    if (m[1]!.includes('m')) this.lineEnd = union(END, [[10, 10]]);
    if (m[1]!.includes('x')) this.verbose = true;
    this.i += m[0].length;
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  /** In verbose mode (Python's `re.X`), whitespace and `#` comments between atoms are not part of the pattern. */
  private skipVerbose(): void {
    while (this.verbose && this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (/\s/.test(c)) this.i++;
      else if (c === '#') {
        const end = this.src.indexOf('\n', this.i);
        this.i = end < 0 ? this.src.length : end + 1;
      } else break;
    }
  }

  private sequence(): Node {
    const items: Node[] = [];
    this.skipVerbose();
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const start = this.i;
      const atom = this.atom();
      this.skipVerbose();
      items.push(this.quantified(atom, start));
      this.skipVerbose();
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private quantified(atom: Node, start: number): Node {
    const s = this.src;
    let min: number;
    let max: number;
    const c = s[this.i];
    if (c === '*' || c === '+' || c === '?') {
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
    } else return atom;
    if (s[this.i] === '?') this.i++;
    else if (s[this.i] === '+') throw new Unsupported('possessive quantifier');
    if (atom.t === 'empty' || atom.t === 'look') return atom;
    return { t: 'rep', node: atom, min, max, src: s.slice(start, this.i) };
  }

  private atom(): Node {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    const start = this.i;
    if (c === '\\') return this.escape(start);
    this.i++;
    if (c === '^') return { t: 'empty' };
    if (c === '$') return { t: 'char', set: this.lineEnd, src: '$' };
    if (c === '.') {
      // JavaScript's `.` stops at every line terminator, Python's only at a newline.
      const breaks: CharSet =
        this.flavor === 'python'
          ? [[10, 10]]
          : [
              [10, 10],
              [13, 13],
              [0x2028, 0x2029],
            ];
      const set: CharSet = this.dotAll ? [[0, 0x10ffff]] : negate(breaks);
      return { t: 'char', set, src: '.' };
    }
    if ((c === '*' || c === '+' || c === '?') && this.flavor === 'js')
      throw new Unsupported('nothing to repeat');
    const cp = s.codePointAt(start)!;
    if (cp > 0xffff) this.i++;
    return this.literal(cp, s.slice(start, this.i));
  }

  private literal(cp: number, src: string): Node {
    const set: CharSet = [[cp, cp]];
    return { t: 'char', set: this.ignoreCase ? withCase(set) : set, src };
  }

  private group(): Node {
    const s = this.src;
    this.i++;
    let look = false;
    if (s[this.i] === '?') {
      const rest = s.slice(this.i);
      const m = /^\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>|P<[A-Za-z_]\w*>|#)/.exec(rest);
      if (!m) throw new Unsupported('group kind');
      if (m[1] === '#') {
        const end = s.indexOf(')', this.i);
        if (end < 0) throw new Unsupported('comment');
        this.i = end + 1;
        return { t: 'empty' };
      }
      look = m[1] === '=' || m[1] === '!' || m[1] === '<=' || m[1] === '<!';
      this.i += m[0].length;
    }
    const inner = this.alternation();
    if (s[this.i] !== ')') throw new Unsupported('unclosed group');
    this.i++;
    // A lookaround consumes nothing: what it asks of the input is not part of the loops.
    return look ? { t: 'look' } : inner;
  }

  private escape(start: number): Node {
    const s = this.src;
    const n = s[this.i + 1];
    if (n === undefined) throw new Unsupported('trailing backslash');
    this.i += 2;
    if (n === 'b' || n === 'B' || n === 'A' || n === 'G') return { t: 'empty' };
    if (n === 'Z' || n === 'z') return { t: 'char', set: END, src: `\\${n}` };
    if (/[1-9k]/.test(n) || (n === 'g' && this.flavor === 'python')) throw new Unsupported('back-reference');
    if (n === 'p' || n === 'P') throw new Unsupported('property class');
    const cls = classEscape(n);
    if (cls) return { t: 'char', set: cls, src: s.slice(start, this.i) };
    const cp = this.escapedCodePoint(n);
    return this.literal(cp, s.slice(start, this.i));
  }

  /** The code point of an escape after its backslash and letter (`\n`, `\x41`, `\u{1F600}`, `\.`). */
  private escapedCodePoint(n: string): number {
    const s = this.src;
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, 0: 0, a: 7 };
    if (n in simple && !(n === '0' && /\d/.test(s[this.i] ?? ''))) return simple[n]!;
    const hex = (len: number): number => {
      const h = s.slice(this.i, this.i + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(h)) throw new Unsupported('escape');
      this.i += len;
      return parseInt(h, 16);
    };
    if (n === 'x') return hex(2);
    if (n === 'u' && s[this.i] === '{') {
      const end = s.indexOf('}', this.i);
      if (end < 0) throw new Unsupported('escape');
      const v = parseInt(s.slice(this.i + 1, end), 16);
      this.i = end + 1;
      return v;
    }
    if (n === 'u') return hex(4);
    if (n === 'U' && this.flavor === 'python') return hex(8);
    if (n === 'c' && /[A-Za-z]/.test(s[this.i] ?? '')) return s.charCodeAt(this.i++) % 32;
    return n.codePointAt(0)!;
  }

  private charClass(): Node {
    const s = this.src;
    const start = this.i;
    this.i++;
    if (this.unicodeSets) throw new Unsupported('set operations');
    let negated = false;
    if (s[this.i] === '^') {
      negated = true;
      this.i++;
    }
    let set: CharSet = [];
    let first = true;
    while (this.i < s.length && (s[this.i] !== ']' || (first && this.flavor === 'python'))) {
      first = false;
      const lo = this.classAtom();
      if (typeof lo !== 'number') {
        set = union(set, lo);
        continue;
      }
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        this.i++;
        const hi = this.classAtom();
        if (typeof hi !== 'number' || hi < lo) throw new Unsupported('class range');
        set = union(set, [[lo, hi]]);
      } else set = union(set, [[lo, lo]]);
    }
    if (s[this.i] !== ']') throw new Unsupported('unclosed class');
    this.i++;
    if (this.ignoreCase) set = withCase(set);
    return { t: 'char', set: negated ? negate(set) : set, src: s.slice(start, this.i) };
  }

  /** One member of a class: a code point, or a set for `\d`, `\w`, `\s` and their negations. */
  private classAtom(): number | CharSet {
    const s = this.src;
    if (s[this.i] !== '\\') {
      const cp = s.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
      return cp;
    }
    const n = s[this.i + 1];
    if (n === undefined) throw new Unsupported('trailing backslash');
    this.i += 2;
    if (n === 'b') return 8;
    if (n === 'p' || n === 'P') throw new Unsupported('property class');
    return classEscape(n) ?? this.escapedCodePoint(n);
  }
}

/** Bounded repetition written out (`x{2,3}` = `xx(x)?`), unbounded as copies then a loop. */
export function expand(n: Node, budget: { copies: number }): Node {
  switch (n.t) {
    case 'char':
    case 'empty':
    case 'look':
      return n;
    case 'seq':
      return { t: 'seq', items: n.items.map((x) => expand(x, budget)) };
    case 'alt':
      return { t: 'alt', alts: n.alts.map((x) => expand(x, budget)) };
    case 'rep': {
      const copy = (): Node => expand(n.node, budget);
      const min = Math.min(n.min, n.max === Infinity ? 1 : MAX_COPIES);
      const max = n.max === Infinity || n.max > MAX_COPIES ? Infinity : n.max;
      budget.copies += min + (max === Infinity ? 1 : max - min);
      if (budget.copies > MAX_POSITIONS) throw new Unsupported('too large');
      const items: Node[] = [];
      for (let k = 0; k < min; k++) items.push(copy());
      if (max === Infinity) items.push({ t: 'rep', node: copy(), min: 0, max: Infinity, src: n.src });
      else {
        // `x{0,3}` is `(x(x(x)?)?)?`, not `x?x?x?`, which would match one x in three ways.
        let tail: Node | undefined;
        for (let k = min; k < max; k++) {
          const body: Node = tail ? { t: 'seq', items: [copy(), tail] } : copy();
          tail = { t: 'rep', node: body, min: 0, max: 1, src: n.src };
        }
        if (tail) items.push(tail);
      }
      return { t: 'seq', items };
    }
  }
}
