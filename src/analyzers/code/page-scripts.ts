/**
 * The JavaScript of an HTML page's inline `<script>` elements, read as the browser runs it (as CodeQL's
 * JavaScript extractor reads `.html` files): a classic script or a module with no `src`, whose `type` is
 * absent, empty, a JavaScript MIME type or `module`. Data blocks (`text/template`, `text/x-handlebars`, JSON,
 * `importmap`, `application/ld+json`, `text/babel`) are not JavaScript and stay unread.
 *
 * The scripts are returned as one text of the page's own length in lines: every character outside a script's
 * body is blanked (a space, line breaks kept) and each line's trailing blanks dropped, so a finding's line and
 * column in the text are its line and column in the page. The page's classic scripts share one global scope,
 * so reading them as one program follows a flow from one to the next. A `;` takes the place of each closing
 * tag's `<`, so that a script without a final semicolon does not run on into the next one.
 *
 * Linear on any text: one forward pass with bounded look-ahead, no backtracking regex over the page.
 */

// The start of what matters: a comment (scripts inside it are text) or a script's start tag.
const NEXT = /<(?:!--|script(?=[\s/>]))/gi;
const CLOSE = /<\/script(?=[\s/>])/gi;
// MIME types the HTML standard runs as a classic script, and `module`.
const JS_TYPES = new Set([
  '',
  'module',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'application/x-javascript',
  'application/x-ecmascript',
  'text/ecmascript',
  'text/x-javascript',
  'text/x-ecmascript',
  'text/jscript',
  'text/livescript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
]);
// An attribute's name and value in a start tag (the value's length is bounded by the tag's).
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The extensions of HTML pages whose inline scripts are read. */
export const PAGE_EXTENSIONS: ReadonlySet<string> = new Set(['html', 'htm']);

/** Whether a start tag's attributes (the text between `<script` and `>`) make the element inline JavaScript. */
export function isInlineJavaScript(attrs: string): boolean {
  let type: string | undefined;
  let language: string | undefined;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m; m = ATTRIBUTE.exec(attrs)) {
    const name = m[1]!.toLowerCase();
    const value = (m[2] ?? m[3] ?? m[4] ?? '').trim().toLowerCase();
    if (name === 'src') return false;
    if (name === 'type') type ??= value;
    if (name === 'language') language ??= value;
  }
  // The standard's rule: no type (or an empty one) with a `language` attribute is `text/` + the language.
  if ((type === undefined || type === '') && language) type = `text/${language}`;
  return type === undefined || JS_TYPES.has(type);
}

/** The end of a start tag beginning at `from` (the index after its `>`), or -1 when it is never closed. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // A quote opens a value only after `=` (skipping spaces): `<script async'>` is not a value.
      let j = i - 1;
      while (j > from && /\s/.test(text[j]!)) j--;
      if (text[j] === '=') quote = c;
    } else if (c === '>') return i + 1;
  }
  return -1;
}

/** The inline scripts' bodies of an HTML page, as [start, end) offsets into `text`. */
export function inlineScriptRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  NEXT.lastIndex = 0;
  for (let m = NEXT.exec(text); m; m = NEXT.exec(text)) {
    if (m[0] === '<!--') {
      const end = text.indexOf('-->', m.index + 4);
      if (end < 0) break;
      NEXT.lastIndex = end + 3;
      continue;
    }
    const open = tagEnd(text, m.index + 7);
    if (open < 0) break;
    CLOSE.lastIndex = open;
    const close = CLOSE.exec(text);
    const end = close ? close.index : text.length;
    // A self-closed `<script … />` is still an open element in HTML: its body runs to `</script>`.
    if (isInlineJavaScript(text.slice(m.index + 7, open - 1))) out.push([open, end]);
    if (!close) break;
    NEXT.lastIndex = end + 8;
  }
  return out;
}

/**
 * The page's inline JavaScript at its own lines and columns (see the module comment), or undefined when the
 * page has none (only blanks in its scripts).
 */
export function pageScriptText(text: string): string | undefined {
  const ranges = inlineScriptRanges(text);
  if (!ranges.some(([s, e]) => /\S/.test(text.slice(s, e)))) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(blank(text.slice(at, start), at > 0));
    parts.push(withoutHtmlComments(text.slice(start, end)));
    at = end;
  }
  parts.push(blank(text.slice(at), at > 0));
  // Trailing blanks dropped line by line: a line of markup becomes empty.
  return parts.join('').replace(/[^\r\n\u2028\u2029]+/g, trimBlanks);
}

// A line without its trailing spaces and tabs, in one backward pass: `/[ \t]+$/gm` is quadratic in a long run of
// blanks followed by code on the same line (a one-line page's markup before its script).
function trimBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end === line.length ? line : line.slice(0, end);
}

// An old page's `<!--` opening a script and `-->` closing it (hiding it from browsers without scripting):
// JavaScript reads each, at the start of a line, as a comment to the line's end (ECMAScript Annex B).
function withoutHtmlComments(body: string): string {
  return body.replace(
    /^([ \t]*)(?:<!--|-->)[^\r\n]*/gm,
    (all, lead: string) => lead + ' '.repeat(all.length - lead.length),
  );
}

// Markup as blanks with its line breaks; after a script, its first character (the closing tag's `<`) a `;`.
function blank(markup: string, afterScript: boolean): string {
  const spaces = markup.replace(/[^\r\n]/g, ' ');
  return afterScript && spaces.length > 0 && spaces[0] === ' ' ? ';' + spaces.slice(1) : spaces;
}

// Pages a tool wrote from other sources (a coverage report, API documentation, a site generator's output):
// their scripts are the tool's, not the project's code.
const TOOL_PAGE =
  /<meta\s[^>]{0,200}?name\s*=\s*["']?generator\b|\b(?:generated|created) (?:by|using|with)\b[^\n]{0,120}?\b(?:jsdoc|doxygen|pdoc|typedoc|javadoc|sphinx|istanbul|epydoc|docco|yuidoc|mkdocs|esdoc|apidoc|coverage\.py|gcovr|jscoverage)\b|\bcode coverage report for\b/i;

/** Whether the page was written by a documentation, coverage or site-generating tool (its own words say so). */
export function isToolPage(text: string): boolean {
  return TOOL_PAGE.test(text);
}
