import { randomUUID } from 'node:crypto';
import { digestOf, downloadUrl, type ProjectBom } from './inventory.js';

const ALG = { 'SHA-1': 'SHA1', 'SHA-256': 'SHA256', 'SHA-384': 'SHA384', 'SHA-512': 'SHA512' } as const;

/** SPDX identifiers allow letters, digits, `.` and `-` only. */
function spdxId(i: number, name: string): string {
  return `SPDXRef-Package-${i}-${name.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 60)}`;
}

/** An SPDX 2.3 JSON document: packages with purls and checksums, DESCRIBES and DEPENDS_ON relationships. */
export function toSpdx(
  bom: ProjectBom,
  tool: { name: string; version: string },
  now = new Date(),
): Record<string, unknown> {
  const comps = [...bom.components.values()].sort((a, b) => (a.purl < b.purl ? -1 : 1));
  const ids = new Map<string, string>();
  comps.forEach((c, i) => ids.set(c.purl, spdxId(i + 1, c.name)));
  const rootId = 'SPDXRef-RootPackage';
  const noassert = {
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
  };
  const packages: Record<string, unknown>[] = [
    {
      SPDXID: rootId,
      name: bom.name,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'APPLICATION',
      ...noassert,
    },
    ...comps.map((c) => {
      const p: Record<string, unknown> = {
        SPDXID: ids.get(c.purl),
        name: c.name,
        versionInfo: c.version,
        downloadLocation: downloadUrl(c.resolved) ?? 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: 'LIBRARY',
        ...noassert,
        externalRefs: [
          { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl },
        ],
      };
      const d = digestOf(c.integrity);
      if (d) p.checksums = [{ algorithm: ALG[d.alg], checksumValue: d.hex }];
      return p;
    }),
  ];
  const relationships: Record<string, string>[] = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
  ];
  for (const c of comps) {
    if (c.direct)
      relationships.push({
        spdxElementId: rootId,
        relationshipType: 'DEPENDS_ON',
        relatedSpdxElement: ids.get(c.purl)!,
      });
    for (const d of [...c.dependsOn].sort()) {
      const to = ids.get(d);
      if (to)
        relationships.push({
          spdxElementId: ids.get(c.purl)!,
          relationshipType: 'DEPENDS_ON',
          relatedSpdxElement: to,
        });
    }
  }
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: bom.name,
    documentNamespace: `https://spdx.org/spdxdocs/${encodeURIComponent(bom.name)}-${randomUUID()}`,
    creationInfo: {
      created: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      creators: [`Tool: ${tool.name}-${tool.version}`],
    },
    documentDescribes: [rootId],
    packages,
    relationships,
  };
}
