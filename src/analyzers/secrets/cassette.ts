/**
 * Recorded HTTP interactions ("cassettes") that tests replay instead of calling a server: vcrpy's and Ruby VCR's
 * YAML (`interactions:` / `http_interactions:`, a list of `- request:` … `uri:` with its `response:`), Betamax's
 * JSON (`"http_interactions"`, `"request": {… "uri": …}`), HAR files as Polly.js records them (`"log"` …
 * `"entries"`, `"request": {… "url": …}`) and nock's recorder output (`[{"scope": "http://…", "method": …}]`).
 * Recognised by that structure at the top of the file, never by its name.
 *
 * A value inside an interaction whose request went to a loopback address (`localhost`, `*.localhost`,
 * `127.0.0.0/8`, `::1`) was sent to or issued by a server on the recording machine itself (a development
 * GitLab in a container, a test server): its tokens open that throwaway server and nothing reachable from
 * elsewhere. The same value in an interaction with any other host (a public registry, a company's API) is
 * reported as before: a live key in a test is still live.
 */

import type { WholeText } from './whole-text.js';

const YAML_CASSETTE = /^(?:---[ \t]*\r?\n)?(?:http_)?interactions:[ \t]*\r?$/m;
const BETAMAX = /^\s*\{\s*"http_interactions"\s*:\s*\[/;
const HAR = /^\s*\{\s*"log"\s*:\s*\{/;
const NOCK = /^\s*\[\s*\{\s*"scope"\s*:\s*"/;

const YAML_REQUEST = /^[ \t]*- request:[ \t]*\r?$/gm;
const JSON_REQUEST = /"request"\s*:\s*\{/g;
const JSON_URL = /"(?:uri|url)"\s*:\s*"([^"\\]{1,2000})"/;
const NOCK_SCOPE = /"scope"\s*:\s*"([^"\\]{1,500})"/g;

/** One recorded interaction: where it starts and ends in the file's text and the URL its request went to. */
interface Interaction {
  at: number;
  end: number;
  url: string | undefined;
}

/**
 * The interactions of a list whose items start at each match of `item`; `url` reads an item's request URL, and
 * `length` how much of the text up to the next item's start is the item's own (all of it unless said).
 */
function itemsOf(
  text: string,
  item: RegExp,
  url: (item: string) => string | undefined,
  length: (item: string) => number = (i) => i.length,
): Interaction[] {
  const starts: number[] = [];
  item.lastIndex = 0;
  for (let m = item.exec(text); m !== null; m = item.exec(text)) starts.push(m.index);
  return starts.map((at, k) => {
    const own = text.slice(at, starts[k + 1] ?? text.length);
    return { at, end: at + length(own), url: url(own) };
  });
}

const firstOf =
  (re: RegExp) =>
  (item: string): string | undefined =>
    re.exec(item)?.[1];

/**
 * A YAML item's request URL: its `uri:` key at the indentation of the request's first key. vcrpy writes the
 * request's `body:` before its `uri:`, and a block scalar body may hold a `uri:` line of its own, deeper.
 */
function yamlRequestUri(item: string): string | undefined {
  const indent = /^- request:[ \t]*\r?\n([ \t]+)\S/.exec(item.replace(/^[ \t]+/, ''))?.[1];
  if (indent === undefined) return undefined;
  return new RegExp(`^${indent}uri:[ \t]*['"]?([^\\s'"]+)`, 'm').exec(item)?.[1];
}

/**
 * How much of the text from a YAML item's `- request:` line on is the item: up to the first later line, not
 * blank, indented no deeper than the item's dash (a key after the list, `upstream:`, is no part of the last one).
 */
function yamlItemLength(item: string): number {
  const dash = /^[ \t]*/.exec(item)![0].length;
  const firstEnd = item.indexOf('\n');
  if (firstEnd < 0) return item.length;
  const next = new RegExp(`^[ \t]{0,${dash}}[^\\s]`, 'm').exec(item.slice(firstEnd + 1));
  return next ? firstEnd + 1 + next.index : item.length;
}

// The interactions of the last cassette read: a file's matches are judged one after another.
let lastText: string | undefined;
let lastItems: Interaction[] = [];

/** The recorded interactions of a cassette's text, in order (empty for any other text). */
function interactionsOf(text: string): Interaction[] {
  if (text === lastText) return lastItems;
  const head = text.slice(0, 4000);
  let items: Interaction[] = [];
  // A YAML item's request may hold headers before its `uri:`; a JSON one, its `uri`/`url` after the headers.
  if (YAML_CASSETTE.test(head)) items = itemsOf(text, YAML_REQUEST, yamlRequestUri, yamlItemLength);
  else if (BETAMAX.test(head) || (HAR.test(head) && head.includes('"entries"')))
    items = itemsOf(text, JSON_REQUEST, firstOf(JSON_URL));
  else if (NOCK.test(head)) items = itemsOf(text, NOCK_SCOPE, firstOf(/^"scope"\s*:\s*"([^"\\]{1,500})"/));
  [lastText, lastItems] = [text, items];
  return items;
}

/** True when a file's first 4,000 characters open a cassette of one of the formats above. */
export function isCassetteHead(head: string): boolean {
  return (
    YAML_CASSETTE.test(head) ||
    BETAMAX.test(head) ||
    (HAR.test(head) && head.includes('"entries"')) ||
    NOCK.test(head)
  );
}

/**
 * The request URL of the recorded interaction that holds `offset` in `text`, when `text` is a cassette of one
 * of the formats above; undefined otherwise (not a cassette, or before its first interaction).
 */
export function recordedRequestUrl(text: string, offset: number): string | undefined {
  const items = interactionsOf(text);
  // The last interaction that starts before the offset (binary search: a cassette may hold thousands).
  let [lo, hi] = [0, items.length - 1];
  let found: Interaction | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.at < offset) [found, lo] = [items[mid], mid + 1];
    else hi = mid - 1;
  }
  return found !== undefined && offset < found.end ? found.url : undefined;
}

/** True for a URL whose host is a loopback address (`localhost`, `*.localhost`, 127.0.0.0/8, `::1`). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    // Not a URL: no host to judge.
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '[::1]'
  );
}

/** True when `offset` in `text` lies in a recorded interaction whose request went to a loopback address. */
export function inLoopbackInteraction(text: string, offset: number): boolean {
  const url = recordedRequestUrl(text, offset);
  return url !== undefined && isLoopbackUrl(url);
}

/**
 * True when the match at byte `start` of `bytes` lies in a recorded interaction with a loopback server. Reads
 * the whole text only for a file that opens as a cassette (marking `read` so the verdict is not cached by line).
 */
export function inRecordedLoopback(
  bytes: Buffer,
  start: number,
  enc: BufferEncoding,
  whole: WholeText,
  read: { context: boolean },
): boolean {
  if (!isCassetteHead(bytes.toString(enc, 0, Math.min(bytes.length, 4000)))) return false;
  read.context = true;
  const text = whole.get();
  const offset = whole.offsetOf(start);
  return text !== undefined && offset !== undefined && inLoopbackInteraction(text, offset);
}
