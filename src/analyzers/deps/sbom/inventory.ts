import { maskCredentials } from '../../../core/credentials.js';
import type { Inventory, LockedPackage } from '../lockfiles/types.js';

/** A package in a project's bill of materials, merged across the lockfiles that name it. */
export interface BomComponent {
  purl: string;
  ecosystem: string;
  name: string;
  version: string;
  direct: boolean;
  dev: boolean;
  integrity?: string;
  resolved?: string;
  /** Lockfiles (relative paths) the package was found in. */
  sources: string[];
  /** purls of the packages it depends on. */
  dependsOn: Set<string>;
}

export interface ProjectBom {
  name: string;
  components: Map<string, BomComponent>;
}

/** Adds one lockfile's inventory to the bill of materials (keyed by purl, edges translated to purls). */
export function addInventory(bom: ProjectBom, path: string, inv: Inventory): void {
  const purlOf = new Map<string, string>();
  // A name, version or purl taken from a git or registry URL can carry its credentials: never into an SBOM.
  for (const p of inv.packages) purlOf.set(p.id, maskCredentials(p.purl));
  for (const p of inv.packages) {
    const purl = purlOf.get(p.id)!;
    const c = bom.components.get(purl) ?? create(p, purl);
    c.direct ||= p.direct;
    c.dev &&= p.dev === true;
    if (!c.integrity && p.integrity) c.integrity = p.integrity;
    if (!c.resolved && p.resolved) c.resolved = p.resolved;
    if (!c.sources.includes(path)) c.sources.push(path);
    bom.components.set(purl, c);
  }
  for (const [from, to] of inv.edges) {
    const a = purlOf.get(from);
    const b = purlOf.get(to);
    if (a && b && a !== b) bom.components.get(a)?.dependsOn.add(b);
  }
}

function create(p: LockedPackage, purl: string): BomComponent {
  return {
    purl,
    ecosystem: p.ecosystem,
    name: maskCredentials(p.name),
    version: maskCredentials(p.version),
    direct: p.direct,
    dev: p.dev === true,
    sources: [],
    dependsOn: new Set(),
  };
}

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

// Query parameters that carry credentials in private registries' download URLs.
const SECRET_PARAM = /passw|pwd|secret|token|key|auth|sig|credential/i;

/** An http(s) download URL for a component, when the lockfile recorded one, without any credential in it. */
export function downloadUrl(resolved: string | undefined): string | undefined {
  const u = resolved?.replace(/^(registry|sparse)\+/, '');
  if (!u || !/^https?:\/\/[^\s]+$/.test(u)) return undefined;
  try {
    const url = new URL(u);
    url.username = '';
    url.password = '';
    for (const name of [...url.searchParams.keys()])
      if (SECRET_PARAM.test(name)) url.searchParams.delete(name);
    return maskCredentials(url.href);
  } catch (err) {
    void err; // Not a URL after all: leave the reference out.
    return undefined;
  }
}
