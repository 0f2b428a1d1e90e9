import { buildProjectBom } from '../analyzers/deps/sbom/build.js';
import { digestOf } from '../analyzers/deps/sbom/inventory.js';
import type { ResourceDescriptor } from './provenance.js';

const ALG = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

/**
 * The resolved dependencies the lockfiles pin, with the digests they record, read by the deps
 * analyzer's own lockfile parsers (the same inventory `vanguard sbom` writes).
 */
export async function lockedDependencies(root: string): Promise<{
  dependencies: ResourceDescriptor[];
  lockfiles: string[];
  problems: { path: string; message: string }[];
}> {
  const { bom, files, failed } = await buildProjectBom(root);
  const dependencies: ResourceDescriptor[] = [];
  for (const c of [...bom.components.values()].sort((a, b) => (a.purl < b.purl ? -1 : 1))) {
    const d = digestOf(c.integrity);
    const r: ResourceDescriptor = { uri: c.purl, name: `${c.name}@${c.version}` };
    if (d) r.digest = { [ALG[d.alg]]: d.hex };
    if (c.resolved && /^https?:\/\//.test(c.resolved)) r.downloadLocation = c.resolved;
    r.annotations = { lockfiles: [...c.sources], direct: c.direct, ...(c.dev ? { dev: true } : {}) };
    dependencies.push(r);
  }
  return { dependencies, lockfiles: files, problems: failed };
}
