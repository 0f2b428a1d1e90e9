/** Masks a secret for display: a short prefix, never the length, never the rest. */
export function maskSecret(secret: string): string {
  const keep = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, keep)}*****`;
}

/** Replaces every occurrence of `secret` in `text` by its mask. */
export function maskIn(text: string, secret: string): string {
  if (secret.length === 0 || !text.includes(secret)) return text;
  return text.split(secret).join(maskSecret(secret));
}
