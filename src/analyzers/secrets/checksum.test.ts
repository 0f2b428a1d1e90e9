import { describe, expect, it } from 'vitest';
import { base62, crc32, hasValidCrc32Tail } from './checksum.js';
import { SecretEngine } from './engine.js';
import { SECRET_RULES } from './rules.js';
import { checksummedToken, randomFrom, seededRandom } from './test-tokens.js';

const engine = new SecretEngine(SECRET_RULES);
const scan = (text: string) =>
  engine.scan(Buffer.from(text), { path: '.env', name: '.env', ext: '', productNames: [] });

describe('CRC-32 token checksums', () => {
  it('computes the IEEE CRC-32 and base62', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 1)).toBe('z');
    expect(base62(62, 2)).toBe('10');
  });

  it('accepts generated GitHub and npm tokens and rejects a changed character', () => {
    const rnd = seededRandom(7);
    for (const prefix of ['ghp', 'gho', 'ghu', 'ghs', 'ghr', 'npm']) {
      const t = checksummedToken(rnd, prefix);
      expect(hasValidCrc32Tail(t)).toBe(true);
      const flipped = t.slice(0, 10) + (t[10] === 'a' ? 'b' : 'a') + t.slice(11);
      expect(hasValidCrc32Tail(flipped)).toBe(false);
    }
  });

  it('reports a valid token with high confidence and drops one whose checksum fails', () => {
    const rnd = seededRandom(8);
    const good = checksummedToken(rnd, 'ghp');
    const bad = `ghp_${randomFrom(rnd, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 36)}`;
    const found = scan(`A=${good}\nB=${bad}\n`);
    expect(found.map((d) => [d.ruleId, d.line, d.confidence])).toEqual([
      ['secrets/github-pat-classic', 1, 'high'],
    ]);
    const npm = checksummedToken(rnd, 'npm');
    expect(scan(`//registry.npmjs.org/:_authToken=${npm}`)[0]).toMatchObject({
      ruleId: 'secrets/npm-access-token',
      confidence: 'high',
    });
  });
});
