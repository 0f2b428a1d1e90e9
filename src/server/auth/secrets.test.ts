import { describe, expect, it } from 'vitest';
import { hasValidCrc32Tail } from '../../analyzers/secrets/checksum.js';
import { generateToken, hashSecret, kindOf, tokenId, verifySecret } from './secrets.js';

describe('tokens and hashes', () => {
  it('makes tokens with a recognisable prefix and a checksum the secrets analyzer verifies', () => {
    for (const kind of ['push', 'user', 'hook'] as const) {
      const { token, id } = generateToken(kind);
      expect(token).toMatch(/^vg[puh]_[A-Za-z0-9]{36}$/);
      expect(hasValidCrc32Tail(token)).toBe(true);
      expect(tokenId(token)).toBe(id);
      expect(kindOf(token)).toBe(kind);
      // One wrong character breaks the checksum, so the server refuses it without a lookup.
      const typo = token.slice(0, 10) + (token[10] === 'a' ? 'b' : 'a') + token.slice(11);
      expect(tokenId(typo)).toBeUndefined();
    }
  });

  it('stores salted scrypt hashes only and verifies in constant time', async () => {
    const { token } = generateToken('push');
    const a = await hashSecret(token);
    const b = await hashSecret(token);
    expect(a).not.toBe(b);
    expect(a).not.toContain(token.slice(4));
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifySecret(token, a)).toBe(true);
    expect(await verifySecret(`${token}x`, a)).toBe(false);
  });
});
