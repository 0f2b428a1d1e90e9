import { base62, crc32 } from './checksum.js';

/**
 * Generates credential-shaped strings for tests and the benchmark, so that no live-looking credential
 * is ever committed. Templates hold `<<charset:length>>` or `<<generator[:arg]>>` markers.
 */

const CHARSETS: Record<string, string> = {
  a62: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  low: 'abcdefghijklmnopqrstuvwxyz0123456789',
  up: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  az: 'abcdefghijklmnopqrstuvwxyz',
  dig: '0123456789',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
  b32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  bech: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
};

/** A small seeded generator (mulberry32) so that failures reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` characters drawn from `charset`. */
export function randomFrom(rnd: () => number, charset: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += charset[Math.floor(rnd() * charset.length)]!;
  return s;
}

/** A token with a valid CRC-32 tail (GitHub `ghp_…`, npm `npm_…`). */
export function checksummedToken(rnd: () => number, prefix: string): string {
  const body = randomFrom(rnd, CHARSETS.a62!, 30);
  return `${prefix}_${body}${base62(crc32(body), 6)}`;
}

/** A JWT-shaped token with an HS256 header. */
export function jwtToken(rnd: () => number): string {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const payload = Buffer.from(`{"sub":"${randomFrom(rnd, CHARSETS.dig!, 10)}","iat":1700000000}`).toString(
    'base64url',
  );
  return `${header}.${payload}.${randomFrom(rnd, CHARSETS.url!, 43)}`;
}

export function uuid(rnd: () => number): string {
  const h = (n: number): string => randomFrom(rnd, CHARSETS.hex!, n);
  return `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}`;
}

/** Expands a template; `product` replaces `<<product>>`. */
export function expandTemplate(template: string, rnd: () => number, product = 'acmecorp'): string {
  return template.replace(/<<([a-zA-Z0-9]+)(?::([a-zA-Z0-9]+))?>>/g, (_all, kind: string, arg?: string) => {
    const set = CHARSETS[kind];
    if (set !== undefined) return randomFrom(rnd, set, Number(arg));
    switch (kind) {
      case 'gh':
        return checksummedToken(rnd, arg ?? 'ghp');
      case 'npm':
        return checksummedToken(rnd, 'npm');
      case 'jwt':
        return jwtToken(rnd);
      case 'uuid':
        return uuid(rnd);
      case 'basic':
        return Buffer.from(`svc-deploy:${randomFrom(rnd, CHARSETS.a62!, 20)}`).toString('base64');
      case 'product':
        return product;
      case 'cut':
        return '';
      default:
        throw new Error(`unknown template marker <<${kind}>>`);
    }
  });
}
