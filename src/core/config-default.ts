/**
 * A configuration's shipped defaults: the dictionary given to a configuration object's `add` (confuse's, as beets'
 * plugins write it: `self.config.add({'apikey': '…', 'tokenfile': 'x.json'})`, `config['kodi'].add({…})`). Each
 * value is what every copy of the program starts with until the installation's own configuration file sets it: an
 * open-source client's default application key for the service it talks to (the Beatport, Spotify, Discogs keys
 * every copy of beets ships) is one, read by every user from the published source. No shape tells whose account
 * the key is, so a key found there is lowered one step with a note, never dropped (as a site client's,
 * core/site-client.ts). A module-level constant whose only other uses are values of such defaults
 * (`API_KEY = '…'` then `'apikey': API_KEY`) is the same default under a name.
 *
 * Not a default: a dictionary given to another object's `add` (`headers.add({…})`, `session.add(…)`), a
 * configuration's `set` or assignment (the program's own setting, not a default the user replaces), a constant used
 * anywhere outside the defaults (sent with a request, passed to a client: the module's own key at work).
 */

import { namesOnlyThisMachine } from './local-service.js';

// `config.add({`, `self.config.add({`, `config['kodi'].add({`, `self.config["x"]["y"].add({`: the receiver's last
// name is `config` (with subscripts after it), the argument a dictionary literal.
const DEFAULTS_CALL = /\bconfig(?:\s*\[\s*(?:'[^'\n]*'|"[^"\n]*")\s*\])*\s*\.\s*add\s*\(\s*\{/g;

/** The offset just past the `}` that closes the `{` at `open` (strings and comments skipped); -1 when unclosed. */
function closingBrace(text: string, open: number, limit = text.length): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text[i]!;
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** 1-based line of an offset of `text`, found by a binary search of its line breaks (listed once). */
function lineIndex(text: string): (at: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (at) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((breaks[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/**
 * The offsets of each defaults dictionary's `{` and just past its `}`. The searches for closing braces read at
 * most four times the text between them: dictionaries that close are read once each (nested ones twice), and a
 * file of unclosed `config.add({` lines, each read to the end, stops being searched once that is spent.
 */
function defaultsSpans(text: string): [number, number][] {
  if (!/\bconfig\b/.test(text) || !text.includes('.add')) return [];
  const spans: [number, number][] = [];
  let budget = 4 * text.length;
  for (const m of text.matchAll(DEFAULTS_CALL)) {
    const open = m.index + m[0].length - 1;
    const limit = Math.min(text.length, open + budget);
    const end = closingBrace(text, open, limit);
    budget -= (end >= 0 ? end : limit) - open;
    if (end >= 0) spans.push([open, end]);
    if (budget <= 0) break;
  }
  return spans;
}

/**
 * The 1-based lines of the defaults dictionaries (above) that set the host of the service they connect to to this
 * machine and no other host (`config['kodi'].add({'host': 'localhost', …, 'user': …, 'pwd': …})`, one member a
 * line): the code form of a shipped configuration file's section for the user's own local service, read as that
 * section is (core/local-service.ts). A login there is the default for a service on the same machine, replaced by
 * the installation's own setting.
 */
export function localDefaultLines(text: string): ReadonlySet<number> {
  // Asked for every password match of a file (secrets/filters.ts): the last file's answer is kept.
  if (lastLocal?.text === text) return lastLocal.lines;
  const lines = new Set<number>();
  const spans = defaultsSpans(text);
  const lineAt = spans.length > 0 ? lineIndex(text) : undefined;
  for (const [open, end] of spans) {
    const first = lineAt!(open);
    const block = text.slice(open, end).split('\n');
    if (namesOnlyThisMachine(block)) block.forEach((_, i) => lines.add(first + i));
  }
  lastLocal = { text, lines };
  return lines;
}

let lastLocal: { text: string; lines: ReadonlySet<number> } | undefined;

/**
 * The 1-based lines of `text` that hold a configuration default (see above): the lines of each defaults
 * dictionary, and the line of a module-level constant `NAME = '…'` whose every other use is a value in one.
 */
export function configDefaultLines(text: string): Set<number> {
  const lines = new Set<number>();
  const spans = defaultsSpans(text);
  if (spans.length === 0) return lines;
  const lineAt = lineIndex(text);
  for (const [open, end] of spans)
    for (let l = lineAt(open), last = lineAt(end); l <= last; l++) lines.add(l);
  for (const c of text.matchAll(
    /^([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*[rbuRBU]?(['"])[^'"\n]+\2[ \t]*(?:#.*)?$/gm,
  )) {
    const uses = [...text.matchAll(new RegExp(String.raw`\b${c[1]}\b`, 'g'))].filter(
      (u) => u.index !== c.index,
    );
    // Every other use a dictionary's value (`: NAME,` or `: NAME}`) inside a defaults dictionary.
    const asDefault = (at: number): boolean =>
      spans.some(([s, e]) => at > s && at < e) &&
      /:\s*$/.test(text.slice(Math.max(0, at - 40), at)) &&
      /^\s*[,}\n]/.test(text.slice(at + c[1]!.length, at + c[1]!.length + 8));
    if (uses.length > 0 && uses.every((u) => asDefault(u.index))) lines.add(lineAt(c.index));
  }
  return lines;
}

/** The note a lowered key carries: why it is lowered and when it still matters. */
export const CONFIG_DEFAULT_NOTE =
  "a default of the program's configuration (given to `config.add`), which every copy ships and each installation's own setting replaces: most likely the published client's own application key for that service; rotate it if it is your own";

/** The note a login lowered in such a local service's defaults carries. */
export const LOCAL_DEFAULT_NOTE =
  "a default of the program's configuration (given to `config.add`) for a service on this machine (its host is localhost), which each installation's own setting replaces";
