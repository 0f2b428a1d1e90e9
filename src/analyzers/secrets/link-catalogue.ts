import type { MatchContext } from './types.js';

// A search link's placeholder for the user's terms: `%s`, `{q}`, `{{query}}`, or DuckDuckGo's bang marker
// `\u0002` (written escaped in JSON, or raw).
// eslint-disable-next-line no-control-regex -- the raw marker characters U+0002 and U+0001 are what is matched
const SEARCH_PLACEHOLDER = /[?&][\w.-]*=(?:%s|\{+[\w:.-]{0,30}\}+|\\u0002|\u0002)(?=&|$|#|\\u0001|\u0001)/;

/**
 * A value fixed in the query of a search link among links to many other sites (`?q=%s&searchToken=…` in a
 * search engine's table of bang URLs): a public page's own form token, which every visitor's browser sends.
 * The link is a template, its query holding the search's placeholder before or after the value; a token in a
 * URL beside fewer than six other hosts, or in a plain URL among many (a configuration's endpoints), is
 * still reported.
 */
export function inLinkCatalogue(m: MatchContext): boolean {
  if (!/\/\/[^\s"'<>`]*[?&][\w.-]*$/.test(m.before)) return false;
  // The whole link: its start before the value, its rest after it (the placeholder may come later).
  const at = m.line.indexOf(m.secret);
  const rest = at < 0 ? '' : /^[^\s"'<>`]*/.exec(m.line.slice(at + m.secret.length))![0];
  const url = m.before.slice(m.before.lastIndexOf('//')) + m.secret + rest;
  if (!SEARCH_PLACEHOLDER.test(url)) return false;
  const hosts = new Set(
    Array.from(m.around().matchAll(/\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi), (x) => x[1]!.toLowerCase()),
  );
  return hosts.size >= 6;
}
