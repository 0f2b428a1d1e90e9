import type { Verdict } from './types.js';

/**
 * Credentials whose own signed or recorded text says they can no longer be used: a JSON Web Token whose `exp`
 * claim has passed, a registry token reply whose `issued_at` plus `expires_in` has passed, a pre-signed URL
 * past its expiry. The expiry is part of what the issuer signed (a JWT's claims, a URL's signed query) or
 * what the issuer answered beside the token, so no verifier accepts the value after it: like TruffleHog,
 * which counts a JWT its verifier rejects as expired as not live, such a value is not reported. The margin is
 * a day past the expiry, far beyond the minutes of clock skew verifiers allow (TruffleHog: one minute).
 */

/** How long past its stated expiry a credential must be before it counts as spent (milliseconds). */
export const SPENT_MARGIN_MS = 24 * 60 * 60 * 1000;

const JWT = /^eyJ[A-Za-z0-9_-]{10,}\.(eyJ[A-Za-z0-9_-]{10,})\.[A-Za-z0-9_-]{20,}$/;

/** The `exp` claim of a signed JWT (seconds since the epoch), when it has one. */
export function jwtExpiry(token: string): number | undefined {
  const body = JWT.exec(token)?.[1];
  if (body === undefined || body.length > 8000) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    // A body that is not JSON states no expiry.
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const exp = (claims as Record<string, unknown>).exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
}

/** True for a JWT whose `exp` claim is more than SPENT_MARGIN_MS before `now`. */
export function isExpiredJwt(token: string, now = Date.now()): boolean {
  const exp = jwtExpiry(token);
  return exp !== undefined && exp * 1000 < now - SPENT_MARGIN_MS;
}

// A token service's reply (Docker registry token auth, OAuth 2.0 with the registry's `issued_at`): the token's
// lifetime and the moment it was issued, both in the same JSON object as the token.
const EXPIRES_IN = /"expires_in"\s*:\s*(\d{1,9})\s*[,}]/;
const ISSUED_AT = /"issued_at"\s*:\s*"(\d{4}-\d\d-\d\dT[0-9:.]{8,20}(?:Z|[+-]\d\d:\d\d))"/;

/**
 * True when `secret` is the `token` or `access_token` of a token reply on `line` whose `issued_at` plus
 * `expires_in` is more than SPENT_MARGIN_MS before `now`.
 */
export function isExpiredTokenReply(line: string, secret: string, now = Date.now()): boolean {
  if (!line.includes('"issued_at"') || !line.includes('"expires_in"')) return false;
  const quoted = `"${secret}"`;
  const at = line.indexOf(quoted);
  if (at < 0 || !/"(?:access_)?token"\s*:\s*$/.test(line.slice(Math.max(0, at - 40), at))) return false;
  // The reply is one JSON object: the fields are read from the object the token sits in, and only from one that
  // holds no object of its own (a nested object's fields say nothing of this token).
  const open = line.lastIndexOf('{', at);
  const close = line.indexOf('}', at);
  if (line.lastIndexOf('}', at) > open) return false;
  const inner = line.indexOf('{', at);
  if (inner >= 0 && (close < 0 || inner < close)) return false;
  const reply = line.slice(open < 0 ? 0 : open, close < 0 ? undefined : close + 1);
  const lifetime = EXPIRES_IN.exec(reply)?.[1];
  const issued = ISSUED_AT.exec(reply)?.[1];
  if (lifetime === undefined || issued === undefined) return false;
  const start = Date.parse(issued);
  return Number.isFinite(start) && start + Number(lifetime) * 1000 < now - SPENT_MARGIN_MS;
}

/** How a pre-signed URL on a line names the key id `keyId`, and until when it is valid (ms; NaN if unknown). */
export interface PresignedUrl {
  version: 'SigV4' | 'SigV2';
  expires: number;
}

// A query's separator is `?` or `&`, or `;` where the URL is HTML-escaped (`&amp;` in a recorded page).
const AMZ_DATE = /[?&;]X-Amz-Date=(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/;
const AMZ_EXPIRES = /[?&;]X-Amz-Expires=(\d{1,7})\b/;
const V2_EXPIRES = /[?&;]Expires=(\d{9,11})\b/;

/**
 * The pre-signed URL that names `keyId` as its signer on `line`: SigV4's `X-Amz-Credential=<key id>/<date>/…`
 * with `X-Amz-Signature=`, or SigV2's `AWSAccessKeyId=<key id>` with `Signature=` and `Expires=`. The key id
 * there is the signer's public identifier, shown to everyone the URL is given to; the secret key is not in it.
 */
export function presignedUrl(line: string, keyId: string): PresignedUrl | undefined {
  if (line.includes(`X-Amz-Credential=${keyId}`) && /[?&;]X-Amz-Signature=[0-9a-f]{64}/.test(line)) {
    const d = AMZ_DATE.exec(line);
    const lifetime = AMZ_EXPIRES.exec(line)?.[1];
    const signed = d ? Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +d[4]!, +d[5]!, +d[6]!) : NaN;
    return { version: 'SigV4', expires: lifetime === undefined ? NaN : signed + Number(lifetime) * 1000 };
  }
  if (line.includes(`AWSAccessKeyId=${keyId}`) && /[?&;]Signature=[A-Za-z0-9%+/=]{20,}/.test(line)) {
    const expires = V2_EXPIRES.exec(line)?.[1];
    if (expires !== undefined) return { version: 'SigV2', expires: Number(expires) * 1000 };
  }
  return undefined;
}

const KEY_ID = /^((?:AKIA|ASIA)[A-Z2-7]{16})(?:$|%2F|\/)/;

/**
 * True when `secret` is (or starts with, as a generic rule captures `X-Amz-Credential`'s whole value) the key id
 * of a pre-signed URL on `line` that expired more than SPENT_MARGIN_MS before `now`.
 */
export function isExpiredPresignedKeyId(line: string, secret: string, now = Date.now()): boolean {
  const keyId = KEY_ID.exec(secret)?.[1];
  const url = keyId === undefined ? undefined : presignedUrl(line, keyId);
  return url !== undefined && url.expires < now - SPENT_MARGIN_MS;
}

/**
 * The aws-access-key rule's verdict on a key id that signs a pre-signed URL on its line: not reported once the
 * URL has expired (more than SPENT_MARGIN_MS ago: the key id alone opens nothing), otherwise low, since what
 * the line gives away is one object until the URL's expiry (at most seven days for SigV4), not the key.
 * Any other key id keeps its rule's level.
 */
export function presignedVerdict(line: string, keyId: string, now = Date.now()): Verdict {
  const url = presignedUrl(line, keyId);
  if (!url) return {};
  if (url.expires < now - SPENT_MARGIN_MS) return false;
  const until = Number.isFinite(url.expires) ? ` until ${new Date(url.expires).toISOString()}` : '';
  return {
    severity: 'low',
    note: `the signer's key id in a ${url.version} pre-signed URL: the URL gives whoever holds it one request${until}; the secret key is not in it`,
  };
}

/**
 * The by-design reason of a code rule's hard-coded credential whose literal (quotes and string prefixes
 * included, as the code rules capture it) is a JWT past its `exp` claim: the secrets analyzer does not report
 * that token, and a code rule naming the same literal does not either (kept, suppressed, with this reason).
 */
export function spentTokenReason(literal: string, now = Date.now()): string | undefined {
  const token = /^[rbuRBU]{0,2}(['"`])([^'"`\\]*)\1$/.exec(literal.trim())?.[2] ?? literal.trim();
  const exp = jwtExpiry(token);
  if (exp === undefined || !isExpiredJwt(token, now)) return undefined;
  return `a JSON Web Token whose signed exp claim passed on ${new Date(exp * 1000).toISOString().slice(0, 10)}: no verifier accepts it`;
}
