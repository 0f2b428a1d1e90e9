import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretEngine } from './engine.js';
import { publishedTokenCheck, isPublishedToken } from './published-client-token.js';
import { SECRET_RULES } from './rules.js';
import { expandTemplate, seededRandom } from './test-tokens.js';
import type { MatchContext } from './types.js';

/**
 * A vendor's published web-client token is known by its digest (the repository holds no token): the test
 * builds its own token at run time and gives the check that token's digest.
 */
const rnd = seededRandom(1517);
const prefix = 'A'.repeat(21);
const token = (): string => expandTemplate(`${prefix}<<a62:20>>%3D<<a62:50>>`, rnd);
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const context = (line: string, secret: string): MatchContext => ({
  secret,
  line,
  before: line.slice(0, line.indexOf(secret)),
  path: 'pkg/extractor/site.py',
  quoted: true,
  sourceCode: true,
  productNames: [],
  around: () => line,
  inStringStatement: () => false,
  fileText: () => line,
  offset: () => line.indexOf(secret),
});

describe('published client tokens', () => {
  it('knows a token by the digest of its decoded form, written encoded or not', () => {
    const t = token();
    const plain = decodeURIComponent(t);
    const digests = new Set([sha(plain)]);
    expect(isPublishedToken(t, digests)).toBe(true);
    expect(isPublishedToken(plain, digests)).toBe(true);
    expect(isPublishedToken(token(), digests)).toBe(false);
  });
  it('lowers the published token to low, reading the whole token past an `=` the rule stops at', () => {
    const t = decodeURIComponent(token());
    const check = publishedTokenCheck(new Set([sha(t)]), 'the vendor web client');
    const line = `    _AUTH = {'Authorization': 'Bearer ${t}'}`;
    const cut = t.slice(0, t.indexOf('='));
    expect(check(context(line, cut))).toEqual({
      severity: 'low',
      confidence: 'low',
      note: 'the vendor web client',
    });
    // Another token with the same prefix (a bot's own) is not lowered.
    const other = decodeURIComponent(token());
    expect(check(context(`BEARER = '${other}'`, other))).toEqual({});
  });
  it("keeps a bearer token of the rule's shape at high in a whole scan", () => {
    const engine = new SecretEngine(SECRET_RULES);
    const text = `TWITTER_BEARER = '${token()}'\n`;
    const found = engine
      .scan(Buffer.from(text), { path: 'bot/config.py', name: 'config.py', ext: 'py', productNames: [] })
      .filter((d) => d.ruleId === 'secrets/twitter-bearer-token');
    expect(found.map((d) => d.severity)).toEqual([undefined]);
  });
});
