import { ParseError } from '../../core/errors.js';

/**
 * A Dockerfile read as Docker (BuildKit) reads it, one instruction at a time: parser directives
 * (`# escape=`), comments, line continuations (the escape character at the end of a line; comment and
 * blank lines inside a continuation are dropped) and here-documents (`RUN <<EOF … EOF`). Only the
 * instruction being read is held, so memory follows the longest instruction, not the file: a parse tree
 * of every line (2.6 KB of objects per line with dockerfile-ast) made a 19 MB file take 2.6 GB.
 */

/** One instruction, its continuation lines joined. */
export interface DockerInstruction {
  /** The keyword in upper case (`RUN`). */
  readonly keyword: string;
  /** 1-based line of the keyword. */
  readonly line: number;
  /** The escape character (`\\`, or a backtick set by `# escape=`). */
  readonly escape: string;
  /** 1-based line the instruction ends on (its last continuation or here-document line). */
  readonly endLine: number;
  /**
   * The arguments, trimmed: continuation lines joined as Docker joins them (the escape character and
   * the line break removed), here-document bodies appended after a line break each.
   */
  readonly args: string;
  /** The 1-based physical line that holds `args[offset]`. */
  lineAt(offset: number): number;
  /** The text of one physical line of this instruction (for a finding's snippet). */
  lineText(line: number): string;
}

// BuildKit's directive form: `# name=value` on the first lines, before anything else.
const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const HEREDOC = /(?:^|\s)\d{0,2}<<(-?)(?:"([^"\s]{1,200})"|'([^'\s]{1,200})'|([^\s"'<]{1,200}))(?=\s|$)/g;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

const isBlank = (c: number): boolean => c === 32 || c === 9;

/** Physical lines of the instruction being read: where each starts in the file and in the joined text. */
class LineTable {
  private joinedAt: Uint32Array = new Uint32Array(16);
  private textAt: Uint32Array = new Uint32Array(16);
  count = 0;

  add(joinedOffset: number, lineStart: number): void {
    if (this.count === this.joinedAt.length) {
      const grow = (a: Uint32Array): Uint32Array => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.joinedAt = grow(this.joinedAt);
      this.textAt = grow(this.textAt);
    }
    this.joinedAt[this.count] = joinedOffset;
    this.textAt[this.count++] = lineStart;
  }

  /** Index of the last physical line whose text starts at or before `offset` of the joined text. */
  indexOf(offset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.joinedAt[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(index: number): number {
    return this.textAt[index]!;
  }
}

/** Builds a long string from many slices without a rope of one node per slice. */
class Joiner {
  private readonly chunks: string[] = [];
  private parts: string[] = [];
  length = 0;

  push(s: string): void {
    if (s === '') return;
    this.parts.push(s);
    this.length += s.length;
    if (this.parts.length === 1024) {
      this.chunks.push(this.parts.join(''));
      this.parts = [];
    }
  }

  toString(): string {
    this.chunks.push(this.parts.join(''));
    return this.chunks.length === 1 ? this.chunks[0]! : this.chunks.join('');
  }
}

/** The escape character set by an `# escape=` directive, and where the instructions start. */
function readDirectives(text: string, from: number): { escape: string; pos: number; line: number } {
  let escape = '\\';
  let pos = from;
  let line = 1;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    // A directive is short; a long first line is an instruction or a comment.
    const m = end - pos <= 1000 ? DIRECTIVE.exec(text.slice(pos, end).replace(/\r$/, '')) : null;
    if (!m) break;
    if (m[1]!.toLowerCase() === 'escape') {
      if (m[2] !== '\\' && m[2] !== '`') throw new ParseError(`invalid escape directive "${m[2]}"`, line);
      escape = m[2];
    }
    line++;
    pos = nl < 0 ? text.length : nl + 1;
  }
  return { escape, pos, line };
}

/** Yields the instructions of a Dockerfile in order; malformed directives are a ParseError. */
export function* dockerInstructions(text: string): Generator<DockerInstruction> {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { escape, pos: first, line: firstLine } = readDirectives(text, start);
  const esc = escape.charCodeAt(0);
  let pos = first;
  let line = firstLine;

  /** The bounds of the physical line at `at`: content end (without `\r`) and the next line's start. */
  const bounds = (at: number): { end: number; next: number } => {
    const nl = text.indexOf('\n', at);
    let end = nl < 0 ? text.length : nl;
    if (end > at && text.charCodeAt(end - 1) === 13) end--;
    return { end, next: nl < 0 ? text.length : nl + 1 };
  };
  /** Where a line's continuation escape sits (the escape followed only by blanks), or -1. */
  const continuation = (from: number, end: number): number => {
    let i = end - 1;
    while (i >= from && isBlank(text.charCodeAt(i))) i--;
    return i >= from && text.charCodeAt(i) === esc ? i : -1;
  };

  while (pos < text.length) {
    const { end, next } = bounds(pos);
    let p = pos;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
    if (p === end || text.charCodeAt(p) === 35 /* # */) {
      pos = next;
      line++;
      continue;
    }
    const startLine = line;
    const table = new LineTable();
    const joined = new Joiner();
    table.add(0, pos);
    let cont = continuation(p, end);
    joined.push(text.slice(p, cont < 0 ? end : cont));
    pos = next;
    line++;
    while (cont >= 0 && pos < text.length) {
      const b = bounds(pos);
      table.add(joined.length, pos);
      let q = pos;
      while (q < b.end && isBlank(text.charCodeAt(q))) q++;
      // Comment and blank lines inside a continuation are dropped; the instruction goes on.
      if (q < b.end && text.charCodeAt(q) !== 35) {
        cont = continuation(pos, b.end);
        joined.push(text.slice(pos, cont < 0 ? b.end : cont));
      }
      pos = b.next;
      line++;
    }
    let full = joined.toString();
    // A first line that is only the escape character leaves the keyword to the next line.
    const lead = /^\s*/.exec(full)![0].length;
    if (lead === full.length) continue;
    const kw = /^\S+/.exec(lead === 0 ? full : full.slice(lead))![0];
    const keyword = kw.toUpperCase();
    const trigger =
      keyword === 'ONBUILD' ? /^\s*(\S+)/.exec(full.slice(lead + kw.length, lead + kw.length + 200)) : null;
    const heredocKeyword = trigger ? trigger[1]!.toUpperCase() : keyword;
    if (HEREDOC_KEYWORDS.has(heredocKeyword) && full.includes('<<')) {
      const bodies = new Joiner();
      bodies.push(full);
      for (const m of full.matchAll(HEREDOC)) {
        const name = m[2] ?? m[3] ?? m[4]!;
        const tabs = m[1] === '-';
        // The body runs to a line that is the name alone (leading tabs removed with `<<-`).
        while (pos < text.length) {
          const b = bounds(pos);
          table.add(bodies.length + 1, pos);
          let s = pos;
          if (tabs) while (s < b.end && text.charCodeAt(s) === 9) s++;
          const body = text.slice(s, b.end);
          pos = b.next;
          line++;
          if (body === name) break;
          bodies.push('\n');
          bodies.push(body);
        }
      }
      full = bodies.toString();
    }
    let from = lead + kw.length;
    while (from < full.length && /\s/.test(full[from]!)) from++;
    const args = full.slice(from).trimEnd();
    const base = from;
    yield {
      keyword,
      line: startLine,
      escape,
      endLine: line - 1,
      args,
      lineAt: (offset) => startLine + table.indexOf(base + Math.max(0, offset)),
      lineText: (l) => {
        const i = Math.min(Math.max(0, l - startLine), table.count - 1);
        const at = table.lineStart(i);
        return text.slice(at, bounds(at).end);
      },
    };
  }
}
