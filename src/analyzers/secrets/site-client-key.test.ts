import { describe, expect, it } from 'vitest';
import { credentialRowsOf } from '../../core/test-whole-scan.js';
import { expandTemplate, seededRandom } from './test-tokens.js';

const rnd = seededRandom(4821);
const key = (n = 32): string => expandTemplate(`<<a62:${n}>>`, rnd);

const scanned = credentialRowsOf;

const extractor = (pattern: string, extra: string[] = []): string =>
  [
    'import hashlib',
    'import hmac',
    'import re',
    '',
    'class ExampleTubeIE(InfoExtractor):',
    `    _VALID_URL = ${pattern}`,
    `    _API_KEY = '${key()}'`,
    ...extra,
    '',
    '    def _real_extract(self, url):',
    "        video_id = re.match(self._VALID_URL, url).group('id')",
    `        sig = hmac.new(b'${key(16)}', video_id.encode(), hashlib.sha256).hexdigest()`,
    "        return self._download_json('https://api.exampletube.com/v1/videos/' + video_id, video_id,",
    "                                   headers={'x-api-key': self._API_KEY, 'x-sig': sig})",
  ].join('\n');

const SITE_PATTERN = "r'https?://(?:www\\.)?exampletube\\.com/watch/(?P<id>[0-9]+)'";

describe("a key in a module that handles one website's links", () => {
  it('is lowered one step with its reason: the key and the signing key the site’s page gives every visitor', async () => {
    // The code rules' client keys so lowered are reported only with the opt-in audit profile (stop 54), and so is
    // the secrets analyzer's (stop 55, audit-shapes.ts), lowered.
    const at = await scanned('extractors/exampletube.py', extractor(SITE_PATTERN));
    expect(at).toEqual([]);
    const audit = await scanned('extractors/exampletube.py', extractor(SITE_PATTERN), 'audit');
    expect(audit.map(([l, r, s]) => [l, r, s])).toContainEqual([7, 'secrets/generic-api-key', 'medium']);
    expect(audit.find(([l]) => l === 7)![3]).toContain("handles one website's page links");
    expect(audit.map(([l, r, s]) => [l, r, s])).toContainEqual([
      11,
      'code/py-hardcoded-crypto-key',
      'medium',
    ]);
    expect(audit.find(([l]) => l === 11)![3]).toContain('rotate it if it is your own');
  });

  it("keeps a provider's token and a password at their level in the same module", async () => {
    const awsId = expandTemplate('AKIA<<b32:16>>', rnd);
    const at = await scanned(
      'extractors/exampletube.py',
      extractor(SITE_PATTERN, [`    _AWS_KEY_ID = '${awsId}'`, `    _LOGIN = {'password': '${key(14)}'}`]),
    );
    const levels = at.map(([l, r, s]) => [l, r, s]);
    expect(levels).toContainEqual([8, 'secrets/aws-access-key', 'critical']);
    expect(levels.find(([l]) => l === 9)?.[2]).toBe('high');
    expect(levels.find(([l]) => l === 7)).toBeUndefined();
  });

  it("leaves the site API's own login (a password under an API's name) to the audit profile, lowered", async () => {
    const weak = ['111', '11'].join('');
    const api = [`    _API_USER = 'tvapp_147'`, `    _API_PASS = '${weak}'`];
    const at = await scanned('extractors/exampletube.py', extractor(SITE_PATTERN, api));
    expect(at.filter(([, r]) => r.startsWith('secrets/'))).toEqual([]);
    const audit = await scanned('extractors/exampletube.py', extractor(SITE_PATTERN, api), 'audit');
    expect(audit.map(([l, r, s]) => [l, r, s])).toContainEqual([9, 'secrets/weak-password', 'medium']);
    // Outside a site client (a server's own API login) it keeps its level.
    const server = await scanned(
      'server/settings.py',
      [`API_USER = 'ops'`, `API_PASS = '${weak}'`, ''].join('\n'),
    );
    expect(server.map(([l, r, s]) => [l, r, s])).toEqual([[2, 'secrets/weak-password', 'high']]);
  });

  it('is not lowered where the module names no site link it handles (an origin allow-list, any address)', async () => {
    for (const pattern of ["r'^https?://(.+\\.)?exampletube\\.com$'", "r'^https?://([^/]+)/(.*)'"]) {
      const at = await scanned('extractors/exampletube.py', extractor(pattern));
      expect(at.map(([l, r, s]) => [l, r, s])).toEqual([
        [7, 'secrets/generic-api-key', 'high'],
        [11, 'code/py-hardcoded-crypto-key', 'high'],
      ]);
    }
  });

  it("lowers a fast password hash there: the hash the site's own login page computes", async () => {
    const login = (pattern: string): string =>
      [
        'import hashlib',
        '',
        'class ExampleTubeIE(InfoExtractor):',
        `    _VALID_URL = ${pattern}`,
        '',
        '    def _perform_login(self, username, password):',
        '        digest = hashlib.md5(password.encode()).hexdigest()',
        "        self._download_json('https://www.exampletube.com/login', None, data={'user': username, 'hash': digest})",
      ].join('\n');
    const weak = async (pattern: string): Promise<string[]> =>
      (await scanned('extractors/exampletube.py', login(pattern)))
        .filter(([, r]) => r === 'code/py-weak-password-hash')
        .map(([l, , s]) => `${l} ${s}`);
    expect(await weak(SITE_PATTERN)).toEqual([]);
    expect(await weak("r'^https?://([^/]+)/(.*)'")).toEqual(['7 high']);
    const audit = (await scanned('extractors/exampletube.py', login(SITE_PATTERN), 'audit'))
      .filter(([, r]) => r === 'code/py-weak-password-hash')
      .map(([l, , s]) => `${l} ${s}`);
    expect(audit).toEqual(['7 medium']);
  });

  it('reads a JavaScript link handler the same way, and not a CORS origin pattern', async () => {
    const js = (pattern: string): string =>
      [
        `const PATTERN = ${pattern};`,
        `const apiKey = "${key()}";`,
        'module.exports = { PATTERN, apiKey };',
      ].join('\n');
    const handler = js('/^https?:\\/\\/(?:www\\.)?exampletube\\.com\\/watch\\/(\\d+)/');
    expect(await scanned('plugins/exampletube.js', handler)).toEqual([]);
    const plugin = await scanned('plugins/exampletube.js', handler, 'audit');
    expect(plugin.map(([l, r, s]) => [l, r, s])).toEqual([[2, 'secrets/generic-api-key', 'medium']]);
    const server = await scanned('server/app.js', js('/^https?:\\/\\/(.+\\.)?exampletube\\.com$/'));
    expect(server.map(([l, r, s]) => [l, r, s])).toEqual([[2, 'secrets/generic-api-key', 'high']]);
  });
});
