import { safeJson } from './json.js';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Inventory, ScanResult } from '../core/result.js';
import type { Reporter } from './types.js';

const ROOT_REF = 'root-component';

/** The scan's inventory, or a usage error when the deps analyzer did not run (nothing to list). */
export function inventoryOf(result: ScanResult, format: string): Inventory {
  if (!result.inventory) {
    throw new UsageError(
      `--format ${format} lists the dependency inventory, which the deps analyzer reads: do not skip it`,
    );
  }
  return result.inventory;
}

// CycloneDX has no "dev" scope: development-only packages are not needed at run time, so "optional".
const SCOPE = { required: 'required', optional: 'optional', dev: 'optional' } as const;

/** A CycloneDX 1.6 JSON document of the scan's inventory: components with purls and hashes, and the graph. */
export function toCycloneDx(result: ScanResult): Record<string, unknown> {
  const inv = inventoryOf(result, 'cyclonedx');
  const components = inv.components.map((c) => {
    const out: Record<string, unknown> = {
      type: 'library',
      'bom-ref': c.ref,
      name: c.name,
      version: c.version,
      purl: c.purl,
    };
    if (c.scope !== 'unknown') out.scope = SCOPE[c.scope];
    if (c.hashes && c.hashes.length > 0) out.hashes = c.hashes.map((h) => ({ alg: h.alg, content: h.value }));
    out.properties = [
      { name: 'vanguard:declaredIn', value: c.declaredIn },
      { name: 'vanguard:scope', value: c.scope },
      { name: 'vanguard:direct', value: String(c.direct) },
    ];
    return out;
  });
  // A dependency whose version could not be told is still listed (an SBOM that drops it looks complete
  // and is not): no version, a versionless purl, and the declared range in properties.
  const unresolved = (inv.unresolved ?? []).map((u) => {
    const out: Record<string, unknown> = {
      type: 'library',
      'bom-ref': `unresolved:${u.declaredIn}:${u.purl}`,
      name: u.name,
      purl: u.purl,
    };
    if (u.scope !== 'unknown') out.scope = SCOPE[u.scope];
    out.properties = [
      { name: 'vanguard:declaredIn', value: u.declaredIn },
      { name: 'vanguard:scope', value: u.scope },
      { name: 'vanguard:direct', value: 'true' },
      { name: 'vanguard:unresolvedRange', value: u.range },
      { name: 'vanguard:unresolvedReason', value: u.reason },
    ];
    return out;
  });
  const unresolvedRefs = unresolved.map((c) => c['bom-ref'] as string);
  const dependencies = [
    {
      ref: ROOT_REF,
      dependsOn: [...inv.components.filter((c) => c.direct).map((c) => c.ref), ...unresolvedRefs],
    },
    ...inv.dependencies.map((d) => ({ ref: d.ref, dependsOn: [...d.dependsOn] })),
    ...unresolvedRefs.map((ref) => ({ ref, dependsOn: [] })),
  ];
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: result.finishedAt,
      tools: { components: [{ type: 'application', name: result.tool.name, version: result.tool.version }] },
      component: { type: 'application', 'bom-ref': ROOT_REF, name: basename(result.root) || 'project' },
    },
    components: [...components, ...unresolved],
    dependencies,
  };
}

/** `--format cyclonedx`: the SBOM of the scanned tree, from the same result as the findings. */
export const cyclonedxReport: Reporter = (result) => `${safeJson(toCycloneDx(result), 2)}\n`;
