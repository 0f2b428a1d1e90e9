import { createHmac, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks' tolerance: a message signed more than five minutes away from now is refused. */
export const TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true; hookId: string; messageId: string } | { ok: false; reason: string };

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Verifies a Standard Webhooks signature: `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>">` (several space-separated signatures allowed, for key
 * rotation), with the timestamp within five minutes. Compared in constant time.
 */
export function verifySignature(
  headers: Record<string, string | string[] | undefined>,
  body: string,
  keys: readonly { hookId: string; key: Buffer }[],
  now = Date.now(),
): SignatureCheck {
  const id = header(headers, 'webhook-id');
  const ts = header(headers, 'webhook-timestamp');
  const sig = header(headers, 'webhook-signature');
  if (!id || !ts || !sig)
    return { ok: false, reason: 'send webhook-id, webhook-timestamp and webhook-signature' };
  if (id.length > 200) return { ok: false, reason: 'webhook-id: longer than 200 characters' };
  if (!/^\d{1,12}$/.test(ts))
    return { ok: false, reason: 'webhook-timestamp: expected seconds since the epoch' };
  if (Math.abs(now / 1000 - Number(ts)) > TOLERANCE_SECONDS)
    return { ok: false, reason: 'webhook-timestamp: more than 5 minutes from the server clock (replay?)' };
  const given = sig
    .split(' ')
    .slice(0, 10)
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'))
    .filter((b) => b.length === 32);
  if (given.length === 0) return { ok: false, reason: 'webhook-signature: no v1 signature' };
  const content = `${id}.${ts}.${body}`;
  for (const k of keys) {
    const expected = createHmac('sha256', k.key).update(content).digest();
    if (given.some((g) => timingSafeEqual(g, expected))) return { ok: true, hookId: k.hookId, messageId: id };
  }
  return { ok: false, reason: 'webhook-signature: does not match any active generic hook secret' };
}

/** Signs as a Standard Webhooks sender does (for tests and for documentation examples). */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
