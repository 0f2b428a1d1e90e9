/** An integrity string as an algorithm and hex digest (npm SRI `sha512-<base64>`, `sha256:<hex>`), when it is one. */
export function digestOf(
  integrity: string | undefined,
): { alg: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'; hex: string } | undefined {
  if (!integrity) return undefined;
  const first = integrity.trim().split(/\s+/)[0] ?? '';
  const sri = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/=]{20,200})$/.exec(first);
  const hexed = /^(sha1|sha256|sha384|sha512):([a-fA-F0-9]{40,128})$/.exec(first);
  const alg = (sri?.[1] ?? hexed?.[1]) as 'sha1' | 'sha256' | 'sha384' | 'sha512' | undefined;
  if (!alg) return undefined;
  const hex = sri ? Buffer.from(sri[2]!, 'base64').toString('hex') : hexed![2]!.toLowerCase();
  const expected = { sha1: 40, sha256: 64, sha384: 96, sha512: 128 }[alg];
  if (hex.length !== expected) return undefined;
  return {
    alg: ({ sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const)[alg],
    hex,
  };
}
