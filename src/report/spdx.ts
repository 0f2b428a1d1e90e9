import { safeJson } from './json.js';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ScanResult } from '../core/result.js';
import { inventoryOf } from './cyclonedx.js';
import type { Reporter } from './types.js';

const ALG: Record<string, string> = {
  'SHA-1': 'SHA1',
  'SHA-256': 'SHA256',
  'SHA-384': 'SHA384',
  'SHA-512': 'SHA512',
};

/** SPDX identifiers allow letters, digits, `.` and `-` only. */
function spdxId(i: number, name: string): string {
  return `SPDXRef-Package-${i}-${name.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 60)}`;
}

/** An SPDX 2.3 JSON document of the scan's inventory: packages with purls and checksums, DEPENDS_ON relationships. */
export function toSpdx(result: ScanResult): Record<string, unknown> {
  const inv = inventoryOf(result, 'spdx');
  const name = basename(result.root) || 'project';
  const ids = new Map<string, string>();
  inv.components.forEach((c, i) => ids.set(c.ref, spdxId(i + 1, c.name)));
  const rootId = 'SPDXRef-RootPackage';
  const noassert = {
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
  };
  const packages: Record<string, unknown>[] = [
    {
      SPDXID: rootId,
      name,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'APPLICATION',
      ...noassert,
    },
    ...inv.components.map((c) => {
      const p: Record<string, unknown> = {
        SPDXID: ids.get(c.ref),
        name: c.name,
        versionInfo: c.version,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: 'LIBRARY',
        ...noassert,
        externalRefs: [
          { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl },
        ],
      };
      const sums = (c.hashes ?? []).filter((h) => ALG[h.alg] !== undefined);
      if (sums.length > 0) p.checksums = sums.map((h) => ({ algorithm: ALG[h.alg], checksumValue: h.value }));
      return p;
    }),
    // Listed without a version rather than left out: the SBOM says which declarations it could not resolve.
    ...(inv.unresolved ?? []).map((u, i) => ({
      SPDXID: spdxId(inv.components.length + i + 1, u.name),
      name: u.name,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'LIBRARY',
      ...noassert,
      comment: `version not resolved: declared ${u.range} in ${u.declaredIn} (${u.reason})`,
      externalRefs: [
        { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: u.purl },
      ],
    })),
  ];
  const relationships: Record<string, string>[] = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
  ];
  for (const c of inv.components) {
    if (c.direct)
      relationships.push({
        spdxElementId: rootId,
        relationshipType: 'DEPENDS_ON',
        relatedSpdxElement: ids.get(c.ref)!,
      });
  }
  (inv.unresolved ?? []).forEach((u, i) =>
    relationships.push({
      spdxElementId: rootId,
      relationshipType: 'DEPENDS_ON',
      relatedSpdxElement: spdxId(inv.components.length + i + 1, u.name),
    }),
  );
  for (const d of inv.dependencies) {
    for (const to of d.dependsOn) {
      const a = ids.get(d.ref);
      const b = ids.get(to);
      if (a && b)
        relationships.push({ spdxElementId: a, relationshipType: 'DEPENDS_ON', relatedSpdxElement: b });
    }
  }
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace: `https://spdx.org/spdxdocs/${encodeURIComponent(name)}-${randomUUID()}`,
    creationInfo: {
      created: result.finishedAt.replace(/\.\d{3}Z$/, 'Z'),
      creators: [`Tool: ${result.tool.name}-${result.tool.version}`],
    },
    documentDescribes: [rootId],
    packages,
    relationships,
  };
}

/** `--format spdx`: the SBOM of the scanned tree as SPDX 2.3 JSON. */
export const spdxReport: Reporter = (result) => `${safeJson(toSpdx(result), 2)}\n`;
