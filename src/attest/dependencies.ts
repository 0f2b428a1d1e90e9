import { loadConfig } from '../policy/config.js';
import { runScan } from '../scan/run-scan.js';
import type { ResourceDescriptor } from './provenance.js';

const ALG: Record<string, string> = {
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/**
 * The resolved dependencies the lockfiles pin, with the digests they record: the scan engine's
 * inventory (the same walk, ignores and parsers as `vanguard sbom`), with no advisory matching.
 */
export async function lockedDependencies(root: string): Promise<{
  dependencies: ResourceDescriptor[];
  lockfiles: string[];
  problems: { path: string; message: string }[];
}> {
  const config = await loadConfig(root);
  const result = await runScan({
    path: root,
    only: ['deps'],
    explicit: [],
    options: { deps: { ...config.options.deps, advisories: false } },
    ignore: config.ignore,
    config,
    failOn: 'none',
  });
  const components = [...(result.inventory?.components ?? [])].sort((a, b) => (a.purl < b.purl ? -1 : 1));
  const dependencies = components.map((c): ResourceDescriptor => {
    const r: ResourceDescriptor = { uri: c.purl, name: `${c.name}@${c.version}` };
    const h = c.hashes?.find((x) => ALG[x.alg] !== undefined);
    if (h) r.digest = { [ALG[h.alg]!]: h.value };
    r.annotations = {
      lockfiles: [c.declaredIn],
      direct: c.direct,
      ...(c.scope === 'dev' ? { dev: true } : {}),
    };
    return r;
  });
  const lockfiles = [...new Set(components.map((c) => c.declaredIn))].sort();
  const problems = result.analyzers.flatMap((a) =>
    a.errors.map((e) => ({ path: e.path, message: e.message })),
  );
  return { dependencies, lockfiles, problems };
}
