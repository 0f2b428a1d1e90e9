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
});
