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
const YAML_URI = /^[ \t]+uri:[ \t]*['"]?([^\s'"]+)/m;
const JSON_REQUEST = /"request"\s*:\s*\{/g;
const JSON_URL = /"(?:uri|url)"\s*:\s*"([^"\\]{1,2000})"/;
const NOCK_SCOPE = /"scope"\s*:\s*"([^"\\]{1,500})"/g;

/** The start of the last match of `re` (a global regex) that begins before `offset`, or -1. */
function lastBefore(
  re: RegExp,
  text: string,
  offset: number,
): { at: number; m: RegExpExecArray } | undefined {
  re.lastIndex = 0;
  let last: { at: number; m: RegExpExecArray } | undefined;
  for (let m = re.exec(text); m !== null && m.index < offset; m = re.exec(text)) {
    last = { at: m.index, m };
    if (m[0] === '') re.lastIndex++;
  }
  return last;
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
  const head = text.slice(0, 4000);
  if (YAML_CASSETTE.test(head)) {
    const request = lastBefore(YAML_REQUEST, text, offset);
    if (!request) return undefined;
    // The interaction runs to the next `- request:`; its request's `uri:` may follow the value (headers first).
    YAML_REQUEST.lastIndex = request.at + request.m[0].length;
    const next = YAML_REQUEST.exec(text)?.index ?? text.length;
    const uri = YAML_URI.exec(text.slice(request.at, next));
    return uri?.[1];
  }
  if (BETAMAX.test(head) || (HAR.test(head) && head.includes('"entries"'))) {
    const request = lastBefore(JSON_REQUEST, text, offset);
    if (!request) return undefined;
    JSON_REQUEST.lastIndex = request.at + request.m[0].length;
    const next = JSON_REQUEST.exec(text)?.index ?? text.length;
    return JSON_URL.exec(text.slice(request.at, next))?.[1];
  }
  if (NOCK.test(head)) return lastBefore(NOCK_SCOPE, text, offset)?.m[1];
  return undefined;
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
