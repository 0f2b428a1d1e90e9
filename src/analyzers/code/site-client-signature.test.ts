import { describe, expect, it } from 'vitest';
import { wholeScanOf } from '../../core/test-whole-scan.js';

/** The weak-hash findings of one file of a whole code scan, as [line, rule, severity, suppression reason]. */
async function digests(
  path: string,
  text: string,
  profile: 'default' | 'audit' = 'default',
): Promise<[number, string, string, string | undefined][]> {
  return (await wholeScanOf(path, text, profile))
    .filter((f) => /weak-(?:password-)?hash/.test(f.ruleId))
    .map((f) => [f.location.startLine, f.ruleId, f.severity, f.suppression?.reason]);
}

const SITE = "r'https?://(?:www\\.)?exampletube\\.com/watch/(?P<id>[0-9]+)'";
const ORIGIN = "r'^https?://(.+\\.)?exampletube\\.com$'";

const pyExtractor = (pattern: string, extra: string[] = []): string =>
  [
    'import hashlib',
    'import re',
    'import time',
    '',
    'class ExampleTubeIE(InfoExtractor):',
    `    _VALID_URL = ${pattern}`,
    '',
    '    def _perform_login(self, url):',
    "        video_id = re.match(self._VALID_URL, url).group('id')",
    '        ts = str(int(time.time()))',
    "        sign = hashlib.md5(f'{video_id}{ts}'.encode()).hexdigest()",
    "        return self._download_json('https://api.exampletube.com/v1/play', video_id,",
    "                                   query={'id': video_id, 'ts': ts, 'sign': sign})",
    ...extra,
  ].join('\n');

const jsPlugin = (pattern: string): string =>
  [
    "const crypto = require('crypto');",
    '',
    'module.exports = {',
    `  re: [${pattern}],`,
    '  getData(url, request, cb) {',
    '    const id = url.match(this.re[0])[1];',
    '    const ts = Date.now();',
    "    const sign = crypto.createHash('md5').update(id + ts).digest('hex');",
    "    request({ uri: 'https://api.exampletube.com/v1/play', qs: { id, ts, sign } }, cb);",
    '  },',
    '};',
  ].join('\n');

describe("a weak digest in a module that handles one website's links", () => {
  it("is that site's request signature: kept, not reported, with the reason (Python)", async () => {
    const found = await digests('extractors/exampletube.py', pyExtractor(SITE));
    expect(found.map(([l, r]) => [l, r])).toEqual([[11, 'code/py-weak-hash']]);
    expect(found[0]![3]).toContain("that site's protocol fixes the hash");
  });

  it("is that site's request signature: kept, not reported, with the reason (JavaScript)", async () => {
    const found = await digests(
      'plugins/domains/exampletube.js',
      jsPlugin('/^https?:\\/\\/(?:www\\.)?exampletube\\.com\\/watch\\/(\\d+)/i'),
    );
    expect(found.map(([l, r]) => [l, r])).toEqual([[8, 'code/js-weak-hash']]);
    expect(found[0]![3]).toContain('request signature');
  });

  it('is reported where the module names no site link it handles (an origin allow-list)', async () => {
    const py = await digests('extractors/exampletube.py', pyExtractor(ORIGIN));
    expect(py).toEqual([[11, 'code/py-weak-hash', 'low', undefined]]);
    const js = await digests(
      'plugins/domains/exampletube.js',
      jsPlugin('/^https?:\\/\\/(.+\\.)?exampletube\\.com$/'),
    );
    expect(js).toEqual([[8, 'code/js-weak-hash', 'low', undefined]]);
  });

  it('keeps reporting a password hashed in the same module (it may be stored)', async () => {
    const found = await digests(
      'extractors/exampletube.py',
      pyExtractor(SITE, [
        '',
        '    def _remember(self, username, password):',
        '        self.cache.store(username, hashlib.md5(password.encode()).hexdigest())',
      ]),
    );
    // Lowered as the site's login hash, it is reported only with the opt-in audit profile (stop 54).
    expect(found.find(([, r]) => r === 'code/py-weak-password-hash')).toBeUndefined();
    const audit = await digests(
      'extractors/exampletube.py',
      pyExtractor(SITE, [
        '',
        '    def _remember(self, username, password):',
        '        self.cache.store(username, hashlib.md5(password.encode()).hexdigest())',
      ]),
      'audit',
    );
    const password = audit.find(([, r]) => r === 'code/py-weak-password-hash');
    expect(password?.[3]).toBeUndefined();
    expect(password?.[2]).toBe('medium');
  });

  // review38: a server that also recognises a site's links (an embed filter) stores what it hashes.
  it('is reported in a server module that also recognises a video site link', async () => {
    const app = [
      'import hashlib',
      'import re',
      'from flask import Flask, request',
      'app = Flask(__name__)',
      `YOUTUBE = re.compile(${SITE})`,
      '',
      "@app.route('/reset', methods=['POST'])",
      'def reset():',
      "    token = request.form['token']",
      '    token_hash = hashlib.md5(token.encode() + login_salt).hexdigest()',
      "    db.save(request.form['user'], token_hash)",
      "    return 'ok'",
    ].join('\n');
    expect(await digests('web/app.py', app)).toEqual([[10, 'code/py-weak-hash', 'low', undefined]]);
    const server = [
      "const crypto = require('crypto');",
      "const app = require('express')();",
      'const TUBE = /^https?:\\/\\/(?:www\\.)?exampletube\\.com\\/watch\\/(\\d+)/;',
      "app.post('/token', (req, res) => {",
      "  const secret = crypto.createHash('md5').update(req.body.token).digest('hex');",
      '  db.tokens.insert({ user: req.body.user, secret, video: TUBE.test(req.body.link) });',
      "  res.send('ok');",
      '});',
    ].join('\n');
    expect(await digests('web/server.js', server)).toEqual([[5, 'code/js-weak-hash', 'low', undefined]]);
  });
});

// Stop 56 (pyrest56): a site client's random value, the nonce of an anonymous token request as the site's player draws it.
const NONCE = [
  '',
  '    def _token(self, video_id):',
  "        return self._download_json('https://api.exampletube.com/anonymous', video_id, query={",
  "            'nonce': ''.join(random.choices(string.ascii_letters, k=32))})",
];

/** The random findings of one file of a whole code scan, as [line, severity]. */
async function draws(path: string, text: string, profile: 'default' | 'audit' = 'default') {
  return (await wholeScanOf(path, text, profile))
    .filter((f) => f.ruleId === 'code/py-insecure-random' && f.suppression === undefined)
    .map((f) => [f.location.startLine, f.severity]);
}

describe("a random value in a module that handles one website's links", () => {
  it('is reported only by the audit profile, lowered', async () => {
    expect(await draws('extractors/exampletube.py', pyExtractor(SITE, NONCE))).toEqual([]);
    expect(await draws('extractors/exampletube.py', pyExtractor(SITE, NONCE), 'audit')).toEqual([
      [17, 'low'],
    ]);
  });

  it('stays reported where the module names no site link, or also answers requests', async () => {
    expect(await draws('extractors/exampletube.py', pyExtractor(ORIGIN, NONCE))).toEqual([[17, 'medium']]);
    const server = [...NONCE, '', "@app.route('/token')", 'def issue():', "    return request.args.get('x')"];
    expect(await draws('web/app.py', pyExtractor(SITE, server))).toEqual([[17, 'medium']]);
  });
});
