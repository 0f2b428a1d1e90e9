/** Offline checksum verification of token formats that carry one (GitHub, npm). */

const CRC_TABLE = ((): Uint32Array => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE) of the ASCII/UTF-8 bytes of `s`. */
export function crc32(s: string): number {
  let c = 0xffffffff;
  for (const b of Buffer.from(s, 'utf8')) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 (0-9A-Za-z) of a non-negative integer, left-padded with '0' to `width`. */
export function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  do {
    out = BASE62[v % 62]! + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, '0');
}

/**
 * True when a `<prefix>_<30 chars><6 chars>` token's last six characters are the base62 CRC-32 of the
 * thirty before them, as GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens are built.
 */
export function hasValidCrc32Tail(token: string): boolean {
  const sep = token.indexOf('_');
  if (sep < 0) return false;
  const body = token.slice(sep + 1);
  if (body.length < 7) return false;
  const payload = body.slice(0, -6);
  return base62(crc32(payload), 6) === body.slice(-6);
}
