import { describe, expect, it } from 'vitest';
import { maskIn, maskSecret } from './mask.js';

describe('maskIn', () => {
  const secret = "'claude-ui-dev-secret-change-in-production'";

  it('masks every whole occurrence', () => {
    expect(maskIn(`a ${secret} b ${secret}`, secret)).toBe(`a ${maskSecret(secret)} b ${maskSecret(secret)}`);
  });

  it('masks the beginning of a secret that a shortened message cut off', () => {
    const cut = `Signing secret has a hard-coded default: process.env.JWT_SECRET || ${secret.slice(0, 20)}…`;
    const out = maskIn(cut, secret);
    expect(out).toBe(
      `Signing secret has a hard-coded default: process.env.JWT_SECRET || ${maskSecret(secret)}…`,
    );
    expect(out).not.toContain('ui-dev');
  });

  it('leaves an ellipsis after other text alone', () => {
    expect(maskIn('a long message about something else…', secret)).toBe(
      'a long message about something else…',
    );
    // No more of the secret than the mask itself shows.
    expect(maskIn("x = 'cl…", secret)).toBe("x = 'cl…");
  });

  it('masks the longest cut beginning, also one that repeats inside the secret', () => {
    const repeating = 'abcabcabX-secret-tail';
    expect(maskIn('k = abcabcab…', repeating)).toBe(`k = ${maskSecret(repeating)}…`);
    // `abcabcabcab` ends with `abcabcab`, found after the mismatch at `X` by falling back, not restarting.
    expect(maskIn('k = abcabcabcab…', repeating)).toBe(`k = abc${maskSecret(repeating)}…`);
  });

  it('stays linear on a long near-copy of a long secret before an ellipsis (hostile input)', () => {
    const long = `${'A'.repeat(200_000)}C`;
    const t0 = Date.now();
    const out = maskIn(`x ${'A'.repeat(199_999)}B…`, long);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(out).toBe(`x ${'A'.repeat(199_999)}B…`);
    expect(maskIn(`x ${long.slice(0, 150_000)}…`, long)).toBe(`x ${maskSecret(long)}…`);
  });
});
