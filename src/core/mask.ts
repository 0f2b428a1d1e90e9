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
    const k = cutLength(before, secret);
    if (k > keep) parts[p] = `${before.slice(0, before.length - k)}${maskSecret(secret)}`;
  }
  return parts.join('…');
}

/**
 * The length of the longest end of `text` that is a beginning of `secret` shorter than the whole, found in
 * linear time (Knuth-Morris-Pratt): trying each length with `endsWith` was quadratic in the secret's length
 * (a 100 KB literal nearly repeated before an ellipsis took seconds; a scanned file is hostile input).
 */
function cutLength(text: string, secret: string): number {
  const border = new Int32Array(secret.length);
  for (let i = 1, k = 0; i < secret.length; i++) {
    while (k > 0 && secret[i] !== secret[k]) k = border[k - 1]!;
    if (secret[i] === secret[k]) k++;
    border[i] = k;
  }
  let k = 0;
  for (let i = Math.max(0, text.length - secret.length); i < text.length; i++) {
    while (k > 0 && (k === secret.length || text[i] !== secret[k])) k = border[k - 1]!;
    if (text[i] === secret[k]) k++;
  }
  return k === secret.length ? border[k - 1]! : k;
}
