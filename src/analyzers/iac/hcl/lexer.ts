import { ParseError } from '../../../core/errors.js';

/** Token kinds of the HCL native syntax, as far as Vanguard needs them. */
export type TokenKind = 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'newline' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Punctuation text, identifier name, number text, or the decoded literal string. */
  value: string;
  /** True for strings and heredocs that contain `${` or `%{` interpolation. */
  interp: boolean;
  line: number;
  /** Offsets into the source: [start, end). */
  start: number;
  end: number;
}

const TWO_CHAR = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>', '::']);
const ONE_CHAR = new Set([...'{}[]()=,.:?!+-*/%<>']);
const MAX_HEREDOC_TAG = 64;

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function unescape(raw: string, line: number): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const n = raw[++i];
    if (n === 'n') out += '\n';
    else if (n === 't') out += '\t';
    else if (n === 'r') out += '\r';
    else if (n === '"' || n === '\\') out += n;
    else if (n === 'u' || n === 'U') {
      const len = n === 'u' ? 4 : 8;
      const hex = raw.slice(i + 1, i + 1 + len);
      const code = Number.parseInt(hex, 16);
      if (hex.length !== len || Number.isNaN(code) || code > 0x10ffff)
        throw new ParseError('invalid unicode escape', line);
      out += String.fromCodePoint(code);
      i += len;
    } else throw new ParseError(`invalid escape sequence \\${n ?? ''}`, line);
  }
  return out;
}

/** Splits HCL source into tokens in one pass; comments are dropped, line numbers are 1-based. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  const push = (
    kind: TokenKind,
    value: string,
    start: number,
    end: number,
    tokLine = line,
    interp = false,
  ): void => {
    tokens.push({ kind, value, interp, line: tokLine, start, end });
  };

  // Scans a quoted template from the opening quote; returns the offset after the closing quote.
  // Interpolations may nest quoted strings and braces, so it tracks both.
  const scanQuoted = (from: number): { end: number; interp: boolean } => {
    let p = from + 1;
    let interp = false;
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === 34) return { end: p + 1, interp };
      if (c === 10) throw new ParseError('unterminated string', line);
      if (c === 92) {
        p += 2;
        continue;
      }
      if ((c === 36 || c === 37) && src.charCodeAt(p + 1) === 123) {
        if (src.charCodeAt(p - 1) === c && src.charCodeAt(p - 2) !== c) {
          p += 2; // `$${` and `%%{` are escapes
          continue;
        }
        interp = true;
        p = scanInterpolation(p + 2);
        continue;
      }
      p++;
    }
    throw new ParseError('unterminated string', line);
  };
  const scanInterpolation = (from: number): number => {
    let depth = 1;
    let p = from;
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === 34) {
        p = scanQuoted(p).end;
        continue;
      }
      if (c === 10) line++;
      if (c === 123) depth++;
      else if (c === 125 && --depth === 0) return p + 1;
      p++;
    }
    throw new ParseError('unterminated interpolation', line);
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
      i++;
      continue;
    }
    if (c === 10) {
      push('newline', '\n', i, i + 1);
      line++;
      i++;
      continue;
    }
    if (c === 35 || (c === 47 && src.charCodeAt(i + 1) === 47)) {
      while (i < n && src.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 42) {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) throw new ParseError('unterminated comment', line);
      for (let p = i; p < close; p++) if (src.charCodeAt(p) === 10) line++;
      i = close + 2;
      continue;
    }
    if (c === 34) {
      const startLine = line;
      const { end, interp } = scanQuoted(i);
      const raw = src.slice(i + 1, end - 1);
      const literal = interp
        ? raw
        : unescape(raw, startLine)
            .replace(/\$\$\{/g, '${')
            .replace(/%%\{/g, '%{');
      push('string', literal, i, end, startLine, interp);
      i = end;
      continue;
    }
    if (c === 60 && src.charCodeAt(i + 1) === 60 && i + 2 < n) {
      const indent = src.charCodeAt(i + 2) === 45;
      let p = i + (indent ? 3 : 2);
      const tagStart = p;
      while (p < n && p - tagStart <= MAX_HEREDOC_TAG && isIdentPart(src.charCodeAt(p))) p++;
      const tag = src.slice(tagStart, p);
      if (tag !== '' && isIdentStart(tag.charCodeAt(0))) {
        const eol = src.indexOf('\n', p);
        if (eol < 0 || src.slice(p, eol).trim() !== '')
          throw new ParseError('heredoc marker must end its line', line);
        const startLine = line;
        let q = eol + 1;
        let bodyLines: string[] = [];
        let closed = false;
        let curLine = line + 1;
        while (q <= n) {
          let e = src.indexOf('\n', q);
          if (e < 0) e = n;
          const text = src.slice(q, e).replace(/\r$/, '');
          if (text.trim() === tag) {
            closed = true;
            q = e;
            break;
          }
          bodyLines.push(text);
          curLine++;
          q = e + 1;
        }
        if (!closed) throw new ParseError(`unterminated heredoc <<${tag}`, startLine);
        if (indent) {
          let min = Infinity;
          for (const l of bodyLines)
            if (l.trim() !== '') min = Math.min(min, l.length - l.trimStart().length);
          if (min !== Infinity) bodyLines = bodyLines.map((l) => l.slice(min));
        }
        const body = bodyLines.length ? `${bodyLines.join('\n')}\n` : '';
        push('heredoc', body, i, q, startLine, body.includes('${') || body.includes('%{'));
        line = curLine;
        i = q;
        continue;
      }
    }
    if (isDigit(c)) {
      let p = i + 1;
      while (p < n && isDigit(src.charCodeAt(p))) p++;
      if (src.charCodeAt(p) === 46 && isDigit(src.charCodeAt(p + 1))) {
        p++;
        while (p < n && isDigit(src.charCodeAt(p))) p++;
      }
      const e = src.charCodeAt(p);
      if (e === 101 || e === 69) {
        let q = p + 1;
        if (src.charCodeAt(q) === 43 || src.charCodeAt(q) === 45) q++;
        if (isDigit(src.charCodeAt(q))) {
          p = q;
          while (p < n && isDigit(src.charCodeAt(p))) p++;
        }
      }
      push('number', src.slice(i, p), i, p);
      i = p;
      continue;
    }
    if (isIdentStart(c)) {
      let p = i + 1;
      while (p < n && isIdentPart(src.charCodeAt(p))) p++;
      push('ident', src.slice(i, p), i, p);
      i = p;
      continue;
    }
    if (src.startsWith('...', i)) {
      push('punct', '...', i, i + 3);
      i += 3;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (TWO_CHAR.has(two)) {
      push('punct', two, i, i + 2);
      i += 2;
      continue;
    }
    const one = src[i]!;
    if (ONE_CHAR.has(one)) {
      push('punct', one, i, i + 1);
      i++;
      continue;
    }
    throw new ParseError(`unexpected character ${JSON.stringify(one)}`, line);
  }
  push('eof', '', n, n);
  return tokens;
}
