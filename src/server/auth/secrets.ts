import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Token kinds and their prefixes: recognisable, so secret scanners (ours included) find leaked ones. */
export const TOKEN_PREFIX = { push: 'vgp', user: 'vgu', hook: 'vgh' } as const;
export type TokenKind = keyof typeof TOKEN_PREFIX;

function randomBase62(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += BASE62[randomInt(62)];
  return out;
}

function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  do {
    out = BASE62[v % 62]! + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, '0');
}

/**
 * A new token `<prefix>_<30 random base62><6 base62 CRC-32>` (the shape GitHub's tokens have, so a
 * scanner can tell a real token from a typo offline). Its first 12 random characters are its public
 * id, used to find the stored hash; the rest is never stored.
 */
export function generateToken(kind: TokenKind): { token: string; id: string } {
  const body = randomBase62(30);
  const token = `${TOKEN_PREFIX[kind]}_${body}${base62(crc32(body), 6)}`;
  return { token, id: token.slice(0, 4 + 12) };
}

/** The public id of a well-formed token of `kind`, or undefined (wrong prefix, length or checksum). */
export function tokenId(token: string): string | undefined {
  const m = /^(vg[puh])_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/.exec(token);
  if (!m || base62(crc32(m[2]!), 6) !== m[3]) return undefined;
  return token.slice(0, 16);
}

export function kindOf(token: string): TokenKind | undefined {
  const p = token.slice(0, 3);
  return (Object.keys(TOKEN_PREFIX) as TokenKind[]).find((k) => TOKEN_PREFIX[k] === p);
}

/** A generated password for `admin user add`: 24 base62 characters (~143 bits). */
export function generatePassword(): string {
  return randomBase62(24);
}

// scrypt N=2^15, r=8, p=1: ~32 MiB and tens of milliseconds per check, the OWASP baseline.
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scryptAsync(secret: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEYLEN, { N: n, r, p, maxmem: 128 * n * r * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** A salted scrypt hash: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `secret` matches a stored hash, compared in constant time. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const expected = Buffer.from(parts[5]!, 'base64url');
  const key = await scryptAsync(secret, Buffer.from(parts[4]!, 'base64url'), n, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** sha256 for values that are already high-entropy random (session cookies, cache keys). */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Random url-safe text (session ids, CSRF tokens). */
export function randomText(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
