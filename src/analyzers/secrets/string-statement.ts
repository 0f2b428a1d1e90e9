import type { MatchContext } from './types.js';

/** The text before a match on a line of program source that is a comment (`//`, `/*`, ` * `, `#`). */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*(?!\*?\/)|#)/;
// Python's string prefixes that leave a literal a plain string (`r"""…"""`, `u'''…'''`); an f-string is
// evaluated, a bytes literal is data.
const PLAIN_PREFIX = /^[ \t]*[rRuU]?$/;
const REST_OF_LINE = /^[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/;
const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** Where the string opened by `quote` at `from` ends (the offset of its closing quote), or -1 if it runs to the end. */
function closeOf(text: string, from: number, quote: string): number {
  const triple = quote.length === 3;
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (!triple && c === '\n') return j;
    else if (text.startsWith(quote, j)) return j;
  }
  return -1;
}

/**
 * Whether the string literal from `open` to `end` (just past its closing quote) is a statement of its own: at
 * bracket depth 0, the first thing on its line (after a plain prefix), not continued from the line before by a
 * backslash, and followed on its last line by nothing but a comment. Such a string — a docstring, or a bare
 * string the author left as a note — is never read by the program (only `__doc__` shows a docstring).
 */
function isStatement(text: string, open: number, end: number, depth: number): boolean {
  if (depth !== 0) return false;
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  if (!PLAIN_PREFIX.test(text.slice(lineStart, open))) return false;
  if (lineStart > 0 && /\\\r?$/.test(text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1)))
    return false;
  return REST_OF_LINE.test(text.slice(end, end + 200));
}

/**
 * Whether offset `at` of the Python source `text` lies inside a triple-quoted string literal that is a
 * statement of its own (see isStatement): a docstring's example (`mailto://user:mypassword@host` in a method's help text), not
 * a value the program uses. Reads the text up to `at` as Python's tokenizer would for comments, strings and
 * brackets; a string assigned, passed, returned or joined to another value is not one.
 */
export function inStringStatement(text: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text[i]!;
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl === -1 || nl >= at) return false;
      i = nl;
    } else if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth = Math.max(0, depth - 1);
    else if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const close = closeOf(text, i + quote.length, quote);
      const end = close === -1 ? text.length : close + (text[close] === '\n' ? 0 : quote.length);
      if (at < end) return quote.length === 3 && close !== -1 && isStatement(text, i, end, depth);
      i = end - 1;
    }
  }
  return false;
}

/** A match in program source on a comment line or in a Python docstring: text the program never reads. */
export function inCommentOrDocstring(m: MatchContext): boolean {
  return m.sourceCode && (COMMENT_LINE.test(m.before) || m.inStringStatement());
}

// How far back a block comment's opener is looked for.
const BLOCK_COMMENT_REACH = 20_000;

/**
 * A match inside a `/* … *\/` block comment whose opener is the first thing on its line and whose close comes after
 * the match: a block switched off as a whole (log.io's `web_server.conf`, a JavaScript object whose optional
 * `auth: { user: "admin", pass: "1234" }` is commented out), whose inner lines start with no marker of their own.
 * The opener must start its line, so a `/*` inside a string (a glob's `src/**\/*.js`) opens nothing here.
 */
export function inBlockComment(m: MatchContext): boolean {
  const at = m.offset();
  if (at === undefined) return false;
  const text = m.fileText();
  const before = text.slice(Math.max(0, at - BLOCK_COMMENT_REACH), at);
  const open = before.lastIndexOf('/*');
  if (open === -1 || before.includes('*/', open + 2)) return false;
  const lineStart = before.lastIndexOf('\n', open - 1) + 1;
  if (!/^[ \t]*$/.test(before.slice(lineStart, open)) || !text.includes('*/', at)) return false;
  // A format whose comments start with `#` or `;` has no block comment: a `/*` opening a line there is data (a
  // glob under an ini key), and a later `*/` a cron step (`*/5 * * * *`).
  if (NO_BLOCK_COMMENTS.test(m.path)) return false;
  // An odd number of backticks since the opener: it opened a line of a template string, not a comment.
  return (before.slice(open).match(/`/g) ?? []).length % 2 === 0;
}

const NO_BLOCK_COMMENTS =
  /(?:\.(?:ini|cfg|toml|ya?ml|env|properties|sh|bash|zsh|py|pyi|rb|pl|pm|r|mk|cmake|dockerignore|gitignore)|(?:^|\/)(?:\.env[^/]*|Dockerfile[^/]*|Makefile|Procfile))$/i;
