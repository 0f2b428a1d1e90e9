/** Splits `registry/name:tag@digest` into its parts. */
export function parseImageRef(ref: string): {
  name: string;
  tag: string | undefined;
  digest: string | undefined;
} {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined;
  return { name: colon > rest.lastIndexOf('/') ? rest.slice(0, colon) : rest, tag, digest };
}
