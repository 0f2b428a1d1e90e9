/** Splits a container reference `registry/name:tag@digest` into its parts. */
export function parseImageRef(ref: string): {
  name: string;
  tag: string | undefined;
  digest: string | undefined;
} {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  const tag = colon > slash ? rest.slice(colon + 1) : undefined;
  return { name: colon > slash ? rest.slice(0, colon) : rest, tag, digest };
}

/** How well an image reference is pinned: by digest, by a version tag, or not at all (no tag, `latest`). */
export function imagePinning(ref: string): 'digest' | 'tag' | 'none' {
  const r = parseImageRef(ref.trim());
  if (r.digest !== undefined && /^sha256:[0-9a-f]{64}$/i.test(r.digest)) return 'digest';
  if (r.tag === undefined || r.tag === '' || r.tag === 'latest') return 'none';
  return 'tag';
}
