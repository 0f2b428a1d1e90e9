/** Masks a secret for display: a short prefix, never the length, never the rest. */
export function maskSecret(secret: string): string {
  const keep = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, keep)}*****`;
}

/**
 * Replaces every occurrence of `secret` in `text` by its mask, and a beginning of it longer than the mask
 * keeps that ends where a message was cut short with `…` (a rule's `{sink}` is shortened to 80 characters),
 * which would otherwise print most of a long key.
 */
export function maskIn(text: string, secret: string): string {
  if (secret.length === 0) return text;
  const whole = text.includes(secret) ? text.split(secret).join(maskSecret(secret)) : text;
  if (!whole.includes('…')) return whole;
  const keep = Math.min(4, Math.floor(secret.length / 4));
  const parts = whole.split('…');
  for (let p = 0; p < parts.length - 1; p++) {
    const before = parts[p] ?? '';
    for (let k = Math.min(secret.length - 1, before.length); k > keep; k--) {
      if (before.endsWith(secret.slice(0, k))) {
        parts[p] = `${before.slice(0, before.length - k)}${maskSecret(secret)}`;
        break;
      }
    }
  }
  return parts.join('…');
}
