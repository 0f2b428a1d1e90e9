import { plainValue } from './scalar-value.js';
import { quotedScalar, UNSURE, unsure } from './quoted-scalar.js';
import type { YDoc, YMap, YNode, YScalar, YSeq } from './tree.js';

/**
 * Builds the line-aware tree of the YAML most configuration files are written in (block maps and
 * sequences, one-line scalars, literal and folded block scalars, one-line flow collections, comments)
 * by scanning lines, without yaml's lexer and parser (several times faster on CI workflows). Anything
 * else — anchors and aliases, tags, multi-line plain or quoted scalars, escapes other than `\\`, `\"`,
 * `\/`, `\t` and `\n`, tabs, carriage returns, `...`, explicit keys, odd indentation, and every syntax
 * error — returns undefined, and the caller parses with the CST builder, which decides. What this returns
 * is what `docsFromCst` returns for the same text (checked by its tests on fixtures, generated and mutated
 * documents).
 */
export function blockDocs(text: string, uniqueKeys = false): YDoc[] | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new BlockParser(text, uniqueKeys).docs();
  } catch (err) {
    if (err === UNSURE) return undefined;
    throw err;
  }
}

// Tabs and carriage returns (indentation and line-break rules), control characters, byte-order marks
// and the Unicode line separators are left to the full parser.
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

// Below the builders' depth limit, so that a document nested too deeply gets their error.
const MAX_DEPTH = 90;
// An implicit key longer than this is an error for yaml; left to it.
const MAX_KEY = 1000;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SQUOTE = 39;
const DQUOTE = 34;

/** Characters that cannot start a plain scalar or key here (indicators, or handled elsewhere). */
const NOT_PLAIN_START = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
/** Characters a plain scalar inside a flow collection must not contain (kept simple: no `:` either). */
const NOT_IN_FLOW_PLAIN = new Set([...',[]{}:#\'"'].map((c) => c.charCodeAt(0)));

class BlockParser {
  /** Start offset of the current line. */
  private ls = 0;
  /** Offset of the current line's newline (or the end of the text). */
  private le = 0;
  /** Spaces that indent the current line. */
  private ind = 0;
  /** 1-based number of the current line. */
  private ln = 1;

  constructor(
    private readonly t: string,
    private readonly uniqueKeys: boolean,
  ) {
    this.setLine(0, 1);
  }

  private setLine(start: number, line: number): void {
    const t = this.t;
    this.ls = start;
    this.ln = line;
    const nl = t.indexOf('\n', start);
    this.le = nl < 0 ? t.length : nl;
    let i = start;
    while (i < this.le && t.charCodeAt(i) === SPACE) i++;
    this.ind = i - start;
  }

  private eof(): boolean {
    return this.ls >= this.t.length;
  }

  private next(): void {
    this.setLine(this.le + 1, this.ln + 1);
  }

  /** True when the current line holds nothing but spaces or a comment. */
  private insignificant(): boolean {
    return this.ind === this.le - this.ls || this.t.charCodeAt(this.ls + this.ind) === HASH;
  }

  /** Moves to the next line with content (or the end). */
  private skip(): void {
    while (!this.eof() && this.insignificant()) this.next();
  }

  /** True when the current line is a document marker (`---` or `...` at column 0, alone or before a space). */
  private marker(c: number): boolean {
    const t = this.t;
    const i = this.ls;
    if (this.ind !== 0 || t.charCodeAt(i) !== c || t.charCodeAt(i + 1) !== c || t.charCodeAt(i + 2) !== c)
      return false;
    return i + 3 === this.le || t.charCodeAt(i + 3) === SPACE;
  }

  docs(): YDoc[] {
    const out: YDoc[] = [];
    this.skip();
    while (!this.eof()) {
      if (this.t.charCodeAt(this.ls) === 37) unsure(); // `%` directives
      // A document starts at its `---` line, or else at its first content.
      const line = this.ln;
      if (this.marker(DASH)) {
        // `---` followed by anything but a comment puts content on the marker line: left to yaml.
        this.afterValue(this.ls + 3);
        this.next();
        this.skip();
      } else if (out.length > 0) unsure();
      if (this.eof() || this.marker(DASH)) {
        out.push({ root: undefined, line });
        continue;
      }
      if (this.marker(46)) unsure(); // `...`
      const root = this.block(this.ind, 0);
      if (!this.eof() && !this.marker(DASH)) unsure();
      out.push({ root, line });
    }
    return out;
  }

  // Every node reader below leaves the current line at the next line with content after the node
  // (or the end), for the collection around it to decide what that line is.

  /** A block map or sequence starting on the current line at column `n`. */
  private block(n: number, depth: number): YMap | YSeq {
    if (depth > MAX_DEPTH) unsure();
    return this.isSeqItem() ? this.seq(n, depth) : this.map(this.ls + n, n, depth);
  }

  private isSeqItem(): boolean {
    const i = this.ls + this.ind;
    if (this.t.charCodeAt(i) !== DASH) return false;
    return i + 1 === this.le || this.t.charCodeAt(i + 1) === SPACE;
  }

  /** True when the current line is another entry at column `n`; a line indented past it is unsure. */
  private atColumn(n: number): boolean {
    if (this.eof() || this.ind < n) return false;
    if (this.ind > n) unsure();
    return true;
  }

  /** A block map whose first key starts at `start` (on the current line) and whose keys sit at column `n`. */
  private map(start: number, n: number, depth: number): YMap {
    const out: YMap = { kind: 'map', line: this.ln, entries: new Map() };
    let pos = start;
    for (;;) {
      const keyLine = this.ln;
      const [key, colon] = this.key(pos);
      if (key === '<<') unsure(); // merge keys: the CST builder applies them
      if (this.uniqueKeys && out.entries.has(key)) unsure();
      const value = this.mapValue(colon + 1, n, keyLine, depth);
      out.entries.set(key, { key, keyLine, value });
      if (!this.atColumn(n) || (n === 0 && (this.marker(DASH) || this.marker(46)))) return out;
      if (this.isSeqItem()) unsure();
      pos = this.ls + n;
    }
  }

  /** Reads a key at `pos`; returns it and the offset of its `:`. */
  private key(pos: number): [string, number] {
    const t = this.t;
    const c = t.charCodeAt(pos);
    if (c === SQUOTE || c === DQUOTE) {
      const [value, end] = this.quoted(pos);
      let i = end;
      while (t.charCodeAt(i) === SPACE) i++;
      if (t.charCodeAt(i) !== COLON || i - pos > MAX_KEY) unsure();
      if (i + 1 < this.le && t.charCodeAt(i + 1) !== SPACE) unsure();
      return [value, i];
    }
    if (NOT_PLAIN_START.has(c) || pos >= this.le) unsure();
    for (let i = pos; i < this.le; i++) {
      const ch = t.charCodeAt(i);
      if (ch === COLON) {
        if (i + 1 === this.le || t.charCodeAt(i + 1) === SPACE) {
          if (i - pos > MAX_KEY) unsure();
          let end = i;
          while (t.charCodeAt(end - 1) === SPACE) end--;
          return [t.slice(pos, end), i];
        }
      } else if (ch === HASH && t.charCodeAt(i - 1) === SPACE) unsure();
      else if (ch === 91 || ch === 93 || ch === 123 || ch === 125 || ch === 44) unsure(); // flow indicators
    }
    return unsure();
  }

  /** The value after a key's `:` (at `pos`), in a map whose keys sit at column `n`. */
  private mapValue(pos: number, n: number, keyLine: number, depth: number): YNode {
    const t = this.t;
    while (pos < this.le && t.charCodeAt(pos) === SPACE) pos++;
    if (pos < this.le && t.charCodeAt(pos) !== HASH) return this.inline(pos, n, depth);
    // The value starts on a later line: a deeper block, a sequence at the key's column, or nothing.
    this.next();
    this.skip();
    if (!this.eof() && (this.ind > n || (this.ind === n && this.isSeqItem())))
      return this.block(this.ind, depth + 1);
    return nil(keyLine);
  }

  /** A value that starts on the current line at `pos`, inside a collection at column `n`. */
  private inline(pos: number, n: number, depth: number): YNode {
    const t = this.t;
    const c = t.charCodeAt(pos);
    if (c === 124 || c === 62) return this.blockScalar(pos, n); // | >
    const line = this.ln;
    let node: YNode;
    if (c === 91 || c === 123) {
      let end: number;
      [node, end] = this.flow(pos, depth + 1);
      this.afterValue(end);
    } else if (c === SQUOTE || c === DQUOTE) {
      const [value, end] = this.quoted(pos);
      this.afterValue(end);
      node = scalar(line, value, true);
    } else {
      node = scalar(line, plainValue(this.plain(pos)), false);
    }
    this.next();
    this.skip();
    return node;
  }

  /** A plain scalar at `pos` that ends on its line (a deeper line after it continues it: unsure then). */
  private plain(pos: number): string {
    const t = this.t;
    const c = t.charCodeAt(pos);
    if (NOT_PLAIN_START.has(c)) {
      // `-x`, `?x`, `:x` start plain scalars; the other indicators are left to yaml.
      const after = t.charCodeAt(pos + 1);
      if (!(c === DASH || c === 63 || c === COLON) || pos + 1 === this.le || after === SPACE) unsure();
    }
    let end = this.le;
    for (let i = pos; i < this.le; i++) {
      const ch = t.charCodeAt(i);
      if (ch === COLON && (i + 1 === this.le || t.charCodeAt(i + 1) === SPACE)) unsure(); // a nested map
      if (ch === HASH && t.charCodeAt(i - 1) === SPACE) {
        end = i;
        break;
      }
    }
    while (t.charCodeAt(end - 1) === SPACE) end--;
    return t.slice(pos, end);
  }

  /** After a one-line value ending at `end`: only spaces and a comment may follow on the line. */
  private afterValue(end: number): void {
    const t = this.t;
    let i = end;
    while (i < this.le && t.charCodeAt(i) === SPACE) i++;
    if (i < this.le && (t.charCodeAt(i) !== HASH || i === end)) unsure();
  }

  /** A quoted scalar that ends on its line; returns its value and the offset after the closing quote. */
  private quoted(pos: number): [string, number] {
    return quotedScalar(this.t, pos, this.le);
  }

  /** A block sequence whose dashes sit at column `n`, starting on the current line. */
  private seq(n: number, depth: number): YSeq {
    const out: YSeq = { kind: 'seq', line: this.ln, items: [] };
    do out.items.push(this.seqItem(n, depth));
    while (this.atColumn(n) && this.isSeqItem());
    return out;
  }

  /** One item of a block sequence at column `n`; the current line holds its dash. */
  private seqItem(n: number, depth: number): YNode {
    const t = this.t;
    const dashLine = this.ln;
    let pos = this.ls + n + 1;
    while (pos < this.le && t.charCodeAt(pos) === SPACE) pos++;
    if (pos === this.le || t.charCodeAt(pos) === HASH) {
      this.next();
      this.skip();
      if (!this.eof() && this.ind > n) return this.block(this.ind, depth + 1);
      return nil(dashLine);
    }
    const c = t.charCodeAt(pos);
    if (c === DASH && (pos + 1 === this.le || t.charCodeAt(pos + 1) === SPACE)) unsure(); // `- - x`
    if (!this.startsEntry(pos)) return this.inline(pos, n, depth);
    if (depth + 1 > MAX_DEPTH) unsure();
    return this.map(pos, pos - this.ls, depth + 1);
  }

  /** True when the text at `pos` is a key followed by `:` (a map entry), not a scalar. */
  private startsEntry(pos: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(pos);
    if (c === SQUOTE || c === DQUOTE) {
      const [, end] = this.quoted(pos);
      let i = end;
      while (t.charCodeAt(i) === SPACE) i++;
      return t.charCodeAt(i) === COLON;
    }
    if (c === 91 || c === 123) return false;
    for (let i = pos; i < this.le; i++) {
      const ch = t.charCodeAt(i);
      if (ch === COLON && (i + 1 === this.le || t.charCodeAt(i + 1) === SPACE)) return true;
      if (ch === HASH && t.charCodeAt(i - 1) === SPACE) return false;
    }
    return false;
  }

  /**
   * A literal or folded block scalar whose header is at `pos`, in a collection at column `n`: clip
   * or strip chomping, indentation detected from the first line.
   */
  private blockScalar(pos: number, n: number): YScalar {
    const t = this.t;
    const folded = t.charCodeAt(pos) === 62;
    let i = pos + 1;
    const strip = t.charCodeAt(i) === DASH;
    if (strip) i++;
    // Keep chomping (`+`), indentation indicators and anything else on the header: left to yaml.
    if (i < this.le && t.charCodeAt(i) !== SPACE) unsure();
    this.afterValue(i);
    const line = this.ln;
    this.next();
    // The content's indentation is the first non-blank line's; blank lines before it may not be wider.
    let m = -1;
    let widestBlank = 0;
    let blanks = 0;
    for (let p = this.ls; p < t.length;) {
      const nl = t.indexOf('\n', p);
      const end = nl < 0 ? t.length : nl;
      let k = p;
      while (k < end && t.charCodeAt(k) === SPACE) k++;
      if (k < end) {
        m = k - p;
        break;
      }
      widestBlank = Math.max(widestBlank, end - p);
      blanks++;
      p = end + 1;
    }
    if (m <= n) {
      // No content: the scalar is empty (blank lines before what follows are left to yaml).
      if (blanks > 0) unsure();
      this.skip();
      return scalar(line, '', true, line + 1);
    }
    if (widestBlank > m) unsure();
    // Lines up to the last one with text; blank lines after it belong to nobody (clip and strip).
    const lines: string[] = [];
    let textLines = 0;
    let lastLine = line;
    let lastHasNewline = true;
    while (!this.eof()) {
      const width = this.le - this.ls;
      const blank = this.ind === width;
      if (!blank && this.ind < m) break;
      if (blank && width <= m) lines.push('');
      else {
        lines.push(t.slice(this.ls + m, this.le));
        textLines = lines.length;
        lastLine = this.ln;
        lastHasNewline = this.le < t.length;
      }
      this.next();
    }
    this.skip();
    lines.length = textLines;
    let value = folded ? fold(lines) : lines.join('\n');
    if (!strip) value += '\n';
    // As yaml counts it: the newlines of the scalar's source, which runs through its last text line.
    const newlines = lastLine - line - (lastHasNewline ? 0 : 1);
    return scalar(line, value, true, line + Math.max(1, newlines));
  }

  /** A flow collection that opens at `pos` and closes on the same line; returns it and the offset after it. */
  private flow(pos: number, depth: number): [YNode, number] {
    if (depth > MAX_DEPTH) unsure();
    const t = this.t;
    const isMap = t.charCodeAt(pos) === 123;
    const close = isMap ? 125 : 93;
    const line = this.ln;
    let i = pos + 1;
    if (t.charCodeAt(i) === close) {
      const empty: YNode = isMap
        ? { kind: 'map', line, entries: new Map() }
        : { kind: 'seq', line, items: [] };
      return [empty, i + 1];
    }
    const map: YMap = { kind: 'map', line, entries: new Map() };
    const seq: YSeq = { kind: 'seq', line, items: [] };
    for (;;) {
      while (i < this.le && t.charCodeAt(i) === SPACE) i++;
      let key: string | undefined;
      if (isMap) {
        const c = t.charCodeAt(i);
        let end: number;
        if (c === SQUOTE || c === DQUOTE) [key, end] = this.quoted(i);
        else [key, end] = this.flowPlain(i);
        if (t.charCodeAt(end) !== COLON || t.charCodeAt(end + 1) !== SPACE) unsure();
        if (key === '<<' || (this.uniqueKeys && map.entries.has(key))) unsure();
        i = end + 2;
        while (i < this.le && t.charCodeAt(i) === SPACE) i++;
      }
      const c = t.charCodeAt(i);
      let value: YNode;
      if (c === 91 || c === 123) [value, i] = this.flow(i, depth + 1);
      else if (c === SQUOTE || c === DQUOTE) {
        let s: string;
        [s, i] = this.quoted(i);
        value = scalar(line, s, true);
      } else {
        let s: string;
        [s, i] = this.flowPlain(i);
        value = scalar(line, plainValue(s), false);
      }
      if (key !== undefined) map.entries.set(key, { key, keyLine: line, value });
      else seq.items.push(value);
      while (i < this.le && t.charCodeAt(i) === SPACE) i++;
      const sep = t.charCodeAt(i);
      if (sep === close) return [isMap ? map : seq, i + 1];
      if (sep !== 44 || i >= this.le) unsure();
      i++;
      // `[a, ]` and `[a,,b]`: left to yaml.
      while (i < this.le && t.charCodeAt(i) === SPACE) i++;
      const after = t.charCodeAt(i);
      if (after === close || after === 44) unsure();
    }
  }

  /** A plain scalar inside a flow collection at `i`; returns it (spaces trimmed) and the offset after it. */
  private flowPlain(i: number): [string, number] {
    const t = this.t;
    const start = i;
    const c = t.charCodeAt(i);
    if (NOT_PLAIN_START.has(c) || i >= this.le) unsure();
    while (i < this.le && !NOT_IN_FLOW_PLAIN.has(t.charCodeAt(i))) i++;
    let end = i;
    while (t.charCodeAt(end - 1) === SPACE) end--;
    const ch = t.charCodeAt(i);
    if (ch === HASH || ch === SQUOTE || ch === DQUOTE || end === start) unsure();
    return [t.slice(start, end), end];
  }
}

function nil(line: number): YScalar {
  return { kind: 'scalar', line, endLine: line, value: null, quoted: false };
}

function scalar(line: number, value: YScalar['value'], quoted: boolean, endLine = line): YScalar {
  return { kind: 'scalar', line, endLine, value, quoted };
}

/** Folds a folded scalar's lines: text lines join with a space, blank lines and more-indented lines keep their breaks. */
function fold(lines: readonly string[]): string {
  let out = '';
  let prev: 'text' | 'indented' | undefined;
  let empties = 0;
  for (const l of lines) {
    if (l === '') {
      empties++;
      continue;
    }
    const kind = l.charCodeAt(0) === SPACE ? 'indented' : 'text';
    if (prev === undefined) out += '\n'.repeat(empties);
    else if (prev === 'text' && kind === 'text') out += empties === 0 ? ' ' : '\n'.repeat(empties);
    else out += '\n'.repeat(empties + 1);
    out += l;
    empties = 0;
    prev = kind;
  }
  return out;
}
