/**
 * Content-Security-Policy evaluation: the ways a policy is trivially bypassed, per CSP Level 3
 * (a nonce or hash makes browsers ignore 'unsafe-inline'; 'strict-dynamic' makes them ignore host
 * and scheme sources). Several policies are all enforced, so a weakness counts only when every
 * policy has it.
 */

export type CspPolicy = Map<string, string[]>;

const MAX_POLICY = 16_384;

/** Parses a header value (policies separated by commas, directives by semicolons). */
export function parseCsp(value: string): CspPolicy[] {
  return value
    .slice(0, MAX_POLICY)
    .split(',')
    .map((p) => {
      const policy: CspPolicy = new Map();
      for (const d of p.split(';')) {
        const [name, ...sources] = d.trim().split(/\s+/);
        // The first occurrence of a directive wins; later duplicates are ignored by browsers.
        if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
      }
      return policy;
    })
    .filter((p) => p.size > 0);
}

const lower = (xs: readonly string[]): string[] => xs.map((x) => x.toLowerCase());

/** The weaknesses of one policy, as short phrases (stable keys for fingerprints). */
function weaknessesOf(policy: CspPolicy): string[] {
  const out: string[] = [];
  const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
  if (scriptSrc === undefined) {
    out.push('no script-src or default-src, so script may come from anywhere');
  } else {
    const s = lower(scriptSrc);
    const keyed = s.some((x) => /^'(?:nonce|sha256|sha384|sha512)-/.test(x));
    const strictDynamic = s.includes("'strict-dynamic'");
    if (s.includes("'unsafe-inline'") && !keyed)
      out.push("'unsafe-inline' in script-src without a nonce or hash");
    if (!(strictDynamic && keyed)) {
      if (s.includes('*')) out.push('script-src allows any host (*)');
      if (s.includes('data:')) out.push('script-src allows data: URLs');
      if (s.includes('http:') || s.includes('https:')) out.push('script-src allows any host by scheme');
    }
  }
  if (!policy.has('object-src') && !policy.has('default-src')) out.push('no object-src (plugins allowed)');
  else {
    const o = lower(policy.get('object-src') ?? policy.get('default-src') ?? []);
    if (o.includes('*')) out.push('object-src allows any host (*)');
  }
  if (!policy.has('base-uri')) out.push('no base-uri, so an injected <base> redirects relative scripts');
  return out;
}

/** The weaknesses every one of these policies shares (empty when any policy avoids each of them). */
export function cspWeaknesses(policies: readonly CspPolicy[]): string[] {
  if (policies.length === 0) return [];
  const [first, ...rest] = policies.map(weaknessesOf);
  return first!.filter((w) => rest.every((r) => r.includes(w)));
}

/** True when some policy restricts framing (`frame-ancestors`). */
export function restrictsFraming(policies: readonly CspPolicy[]): boolean {
  return policies.some((p) => {
    const fa = p.get('frame-ancestors');
    return fa !== undefined && !lower(fa).includes('*');
  });
}
