import { describe, expect, it } from 'vitest';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

/** An Algolia key sent only with searches is lowered to medium with the reason; an indexer's key is not. */
const scan = (text: string, path: string) => {
  return scanText(text, path).filter((d) => d.ruleId === 'secrets/algolia-admin-key');
};
const rnd = seededRandom(1516);
const key = (): string => expandTemplate('<<hex:32>>', rnd);
const request = (url: string, k: string) =>
  `        hits = self._download_json(\n            '${url}' % slug,\n            playlist_id, headers={\n                'Origin': 'https://www.acme-recipes.com',\n                'X-Algolia-API-Key': '${k}',\n                'X-Algolia-Application-Id': 'Q4ZVN2KX7T',\n            }, query={'hitsPerPage': 1000})\n`;

describe('Algolia keys sent only with searches', () => {
  it('lowers a key sent to a search-only DSN host or to the search endpoint', () => {
    const dsn = request('https://q4zvn2kx7t-dsn.algolia.net/1/indexes/recipes_%s_desc', key());
    const found = scan(dsn, 'pkg/extractor/recipes.py');
    expect(found.map((d) => d.severity)).toEqual(['medium']);
    expect(found[0]?.note).toMatch(/search-only/);
    const query = request('https://q4zvn2kx7t.algolia.net/1/indexes/recipes_%s/query', key());
    expect(scan(query, 'pkg/extractor/recipes.py').map((d) => d.severity)).toEqual(['medium']);
    const js = `fetch('https://Q4ZVN2KX7T-dsn.algolia.net/1/indexes/*/queries', {\n  method: 'POST',\n  headers: { 'x-algolia-api-key': '${key()}' },\n});\n`;
    expect(scan(js, 'src/search.js').map((d) => d.severity)).toEqual(['medium']);
  });
  it("keeps an indexer key, a client object's key and a key with no request at high", () => {
    // The same file also writes: a batch to the main host.
    const writes =
      request('https://q4zvn2kx7t-dsn.algolia.net/1/indexes/recipes_%s', key()) +
      "        self._post('https://q4zvn2kx7t.algolia.net/1/indexes/recipes/batch', data)\n";
    expect(scan(writes, 'tools/indexer.py').map((d) => d.severity)).toEqual([undefined]);
    // An index on the main host (a POST there adds an object) is not read as a search.
    const main = request('https://q4zvn2kx7t.algolia.net/1/indexes/recipes_%s', key());
    expect(scan(main, 'tools/indexer.py').map((d) => d.severity)).toEqual([undefined]);
    // A search request beside the client's write methods.
    const client =
      request('https://q4zvn2kx7t-dsn.algolia.net/1/indexes/recipes_%s/query', key()) +
      '        index.saveObjects(records)\n';
    expect(scan(client, 'tools/indexer.py').map((d) => d.severity)).toEqual([undefined]);
    // The Python client's snake_case write (review41).
    const snake =
      request('https://q4zvn2kx7t-dsn.algolia.net/1/indexes/recipes_%s/query', key()) +
      '        index.save_objects(records)\n';
    expect(scan(snake, 'tools/indexer.py').map((d) => d.severity)).toEqual([undefined]);
    expect(scan(`ALGOLIA_KEY = '${key()}'\n`, 'app/settings.py').map((d) => d.severity)).toEqual([undefined]);
    // A key under its name, given to a client object: no search request beside it.
    const object = `const ALGOLIA_ADMIN_KEY = '${key()}';\nconst client = algoliasearch('Q4ZVN2KX7T', ALGOLIA_ADMIN_KEY);\n`;
    expect(scan(object, 'scripts/reindex.js').map((d) => d.severity)).toEqual([undefined]);
  });
  it('keeps a key whose file writes through a joined URL or a method named in a string (review41)', () => {
    const js = (write: string) =>
      `const ALGOLIA_KEY = '${key()}';\nexport const search = (q) =>\n  fetch(\`https://\${APP}-dsn.algolia.net/1/indexes/products?query=\${q}\`, {\n    headers: { 'X-Algolia-API-Key': ALGOLIA_KEY },\n  });\n${write}`;
    const joined = js(
      "export const push = (body) =>\n  fetch('https://' + APP + '.algolia.net/1/indexes/products/batch', {\n    method: 'POST',\n    headers: { 'X-Algolia-API-Key': ALGOLIA_KEY },\n    body,\n  });\n",
    );
    expect(scan(joined, 'src/search.js').map((d) => d.severity)).toEqual([undefined]);
    const named = js(
      "export const run = (index, op, objects) => index[op === 'add' ? 'saveObjects' : 'deleteObjects'](objects);\n",
    );
    expect(scan(named, 'src/search.js').map((d) => d.severity)).toEqual([undefined]);
    // The search alone is still lowered.
    expect(scan(js(''), 'src/search.js').map((d) => d.severity)).toEqual(['medium']);
  });
});
