import { randomUUID } from 'node:crypto';
import { digestOf, downloadUrl, type ProjectBom } from './inventory.js';

const ROOT_REF = 'root-component';

/** A CycloneDX 1.6 JSON document: components with purls and hashes, and the dependency graph. */
export function toCycloneDx(
  bom: ProjectBom,
  tool: { name: string; version: string },
  now = new Date(),
): Record<string, unknown> {
  const comps = [...bom.components.values()].sort((a, b) => (a.purl < b.purl ? -1 : 1));
  const components = comps.map((c) => {
    const out: Record<string, unknown> = {
      type: 'library',
      'bom-ref': c.purl,
      name: c.name,
      version: c.version,
      purl: c.purl,
      scope: c.dev ? 'optional' : 'required',
    };
    const d = digestOf(c.integrity);
    if (d) out.hashes = [{ alg: d.alg, content: d.hex }];
    const url = downloadUrl(c.resolved);
    if (url) out.externalReferences = [{ type: 'distribution', url }];
    out.properties = c.sources.map((s) => ({ name: 'vanguard:lockfile', value: s }));
    return out;
  });
  const dependencies = [
    { ref: ROOT_REF, dependsOn: comps.filter((c) => c.direct).map((c) => c.purl) },
    ...comps.map((c) => ({
      ref: c.purl,
      dependsOn: [...c.dependsOn].filter((p) => bom.components.has(p)).sort(),
    })),
  ];
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: now.toISOString(),
      tools: { components: [{ type: 'application', name: tool.name, version: tool.version }] },
      component: { type: 'application', 'bom-ref': ROOT_REF, name: bom.name },
    },
    components,
    dependencies,
  };
}
