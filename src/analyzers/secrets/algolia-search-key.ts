import type { MatchContext, Verdict } from './types.js';

/**
 * An Algolia key by its use: sent only with searches. Algolia's Distributed Search Network hosts
 * (`<app>-dsn.algolia.net`) serve read operations only, and `/1/indexes/<index>/query`, the multi-index `queries` and a
 * facet's `/query` are the search endpoints; a key the file sends only there, beside such a request, is most
 * likely the search-only key a site's page ships to every visitor (Algolia documents it as safe in front-end
 * code). Lowered to medium, not dropped: an admin key has the same 32-hex shape, and an admin key used for
 * searching is still a leak. Kept at its level: a file that also writes (an indexer's `/batch` or
 * `saveObjects`), a key given to a client object (`algoliasearch(app, key)`: its uses are methods), a key
 * with no search request near it.
 */
const ALGOLIA_URL =
  /https?:\/\/([\w%{}$-]+)\.(?:algolia\.net|algolianet\.com|algolia\.io)(\/[^\s"'`<>)]*)?/gi;
const SEARCH_PATH = /^\/1\/indexes\/[^/?\s]+\/(?:query|queries|facets\/[^/?\s]+\/query)(?:[?#]|$)/i;
// On a DSN host, the index itself (a GET is a search; writes go to the main host and fail there).
const DSN_INDEX = /^\/1\/indexes\/[^/?\s]+\/?(?:\?|$)/i;
// A write method's name, called or not (`index[op === 'add' ? 'saveObjects' : 'deleteObjects'](…)`), in
// camelCase or a Python or Ruby client's snake_case (`index.save_objects(records)`).
const WRITE_CALL =
  /\b(?:(?:save|add|partial_?update|delete|replace_?all|clear)_?objects?|set_?settings|save_?rules?|save_?synonyms?|(?:add|update|delete|list)_?api_?keys?|(?:copy|move|delete|clear)_?index|delete_?by|browse_?objects)\b/i;
// An Algolia host however written: a URL joined from parts (`'https://' + app + '.algolia.net/1/…/batch'`) is no
// whole URL ALGOLIA_URL can read, so each host mention must belong to one it read.
const ALGOLIA_HOST = /\.(?:algolia\.net|algolianet\.com|algolia\.io)\b/gi;

const NOTE =
  "Sent only with searches (Algolia's search endpoint or a search-only DSN host): most likely a search-only key, which Algolia documents as safe in front-end code; check its ACL — an admin key used this way is a leak.";

/** Every Algolia request in `text` is a search, and there is at least one. */
function onlySearches(text: string): boolean {
  let seen = 0;
  for (const u of text.matchAll(ALGOLIA_URL)) {
    const host = u[1] ?? '';
    const path = u[2] ?? '';
    const search = SEARCH_PATH.test(path) || (/-dsn$/i.test(host) && DSN_INDEX.test(path));
    if (!search) return false;
    seen += 1;
  }
  return seen > 0 && seen === (text.match(ALGOLIA_HOST) ?? []).length;
}

export function algoliaSearchKeyVerdict(m: MatchContext): Verdict {
  // The whole file is read (a write anywhere keeps the key); past the whole-text limit (1 MB,
  // whole-text.ts) it is empty and nothing is lowered.
  const file = m.fileText();
  if (file === '' || WRITE_CALL.test(file) || !onlySearches(file) || !onlySearches(m.around())) return {};
  return { severity: 'medium', confidence: 'low', note: NOTE };
}
