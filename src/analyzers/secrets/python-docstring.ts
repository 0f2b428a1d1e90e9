/**
 * Whether a point of a Python module lies inside a docstring: a triple-quoted string that is the first
 * statement of the module or of a `def`/`class` body. The interpreter keeps it as `__doc__` and the program
 * never reads it as data, as it never reads a comment (an example request or URL written in a method's help
 * text). A triple-quoted string anywhere else (an assignment, a call's argument, a dictionary's value) is data
 * the program may write out (a configuration template) and is not one.
 */

/** How much of a module before the point is read; past it the answer is "no" (the finding is kept). */
const MAX_BEFORE = 256 * 1024;
const HEADER = /^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]/;
const ENDS_BLOCK_OPENER = /:[ \t]*(?:#.*)?$/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?$/;
/** Lines a `def` signature may span above the line that ends it with `:`. */
const SIGNATURE_LINES = 12;

/** True when `before` (the module's text up to the point) ends inside a docstring. */
export function endsInsideDocstring(before: string): boolean {
  if (before.length > MAX_BEFORE) return false;
  let i = 0;
  while (i < before.length) {
    const c = before[i]!;
    if (c === '#') {
      const nl = before.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl + 1;
    } else if (c === '"' || c === "'") {
      const triple = before.startsWith(c.repeat(3), i);
      const end = triple ? closingTriple(before, i + 3, c) : closingSingle(before, i + 1, c);
      if (end < 0) return triple && opensDocstring(before, i);
      i = end;
    } else i++;
  }
  return false;
}

/** The index after the closing triple quote, or -1 when the text ends inside the string. */
function closingTriple(text: string, from: number, q: string): number {
  const close = q.repeat(3);
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(close, i)) return i + 3;
  }
  return -1;
}

/** The index after a one-line string's closing quote (or its line's end, where an unclosed one stops). */
function closingSingle(text: string, from: number, q: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === q) return i + 1;
    else if (c === '\n') return i + 1;
  }
  return -1;
}

/** The string opening at `quoteAt` stands alone first in the module or right under a def/class header. */
function opensDocstring(text: string, quoteAt: number): boolean {
  const lineStart = text.lastIndexOf('\n', quoteAt - 1) + 1;
  // Only indentation and a string prefix before it on its line: a statement of its own.
  if (!/^[ \t]*[rRuU]?$/.test(text.slice(lineStart, quoteAt))) return false;
  const lines = text.slice(Math.max(0, lineStart - 4096), lineStart).split('\n');
  lines.pop();
  let i = lines.length - 1;
  while (i >= 0 && BLANK_OR_COMMENT.test(lines[i]!)) i--;
  // First in the module (the look-back reached its start).
  if (i < 0) return lineStart <= 4096;
  if (!ENDS_BLOCK_OPENER.test(lines[i]!)) return false;
  for (let j = i; j >= Math.max(0, i - SIGNATURE_LINES); j--) {
    if (HEADER.test(lines[j]!)) return isOneHeader(lines.slice(j, i + 1));
    // Another block's opener above: the string is the first statement of an `if`, `for` or dictionary.
    if (j < i && ENDS_BLOCK_OPENER.test(lines[j]!)) return false;
  }
  return false;
}

/** The lines are one header: each but the last ends inside its open brackets (a signature over lines). */
function isOneHeader(lines: readonly string[]): boolean {
  let depth = 0;
  for (let k = 0; k < lines.length; k++) {
    for (const c of lines[k]!.replace(/#.*$/, '')) {
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
    }
    if (k < lines.length - 1 && depth <= 0) return false;
  }
  return depth === 0;
}
