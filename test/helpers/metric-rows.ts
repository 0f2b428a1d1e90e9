import { rebuildRollup } from '../../src/server/metrics/rollup-build.js';
import type { Store } from '../../src/server/store/open.js';
import { maskOf, OWASP_BITS, PRINCIPLE_BITS } from '../../src/server/store/labels.js';
import type { NewFinding } from '../../src/server/store/schema.js';

/** A finding row for metric tests: only what the metrics read is given; the rest is filler. */
export interface MetricRow {
  project: number;
  fingerprint: string;
  severity: string;
  phase: string;
  status: string;
  introducedAt?: string;
  firstSeen: string;
  fixedAt?: string;
  slaDue?: string;
  acceptedUntil?: string;
  principles?: string[];
  owasp?: string[];
  analyzer?: string;
}

export async function addProjects(store: Store, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const r = await store.db
      .insertInto('projects')
      .values({ name, created_at: '2025-01-01T00:00:00.000Z', default_branch: 'main' })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(r.id);
  }
  return ids;
}

export function findingRowOf(r: MetricRow): NewFinding {
  return {
    project_id: r.project,
    branch: 'main',
    fingerprint: r.fingerprint,
    rule_id: `code/${r.fingerprint}`,
    analyzer: r.analyzer ?? 'code',
    severity: r.severity,
    confidence: 'high',
    title: r.fingerprint,
    message: '',
    remediation: '',
    path: 'src/app.ts',
    start_line: 1,
    location: '{"path":"src/app.ts","startLine":1}',
    cwe: '[]',
    owasp: JSON.stringify(r.owasp ?? []),
    principles: JSON.stringify(r.principles ?? []),
    principle_mask: maskOf(PRINCIPLE_BITS, r.principles ?? []),
    owasp_mask: maskOf(OWASP_BITS, r.owasp ?? []),
    tools: '["vanguard"]',
    phase: r.phase,
    advisory: null,
    package_key: null,
    package: null,
    status: r.status,
    status_source: 'scan',
    status_reason: null,
    accepted_owner: r.acceptedUntil ? 'owner' : null,
    accepted_until: r.acceptedUntil ?? null,
    introduced_at: r.introducedAt ?? null,
    first_seen: r.firstSeen,
    last_seen: r.fixedAt ?? r.firstSeen,
    fixed_at: r.fixedAt ?? null,
    sla_start: r.firstSeen,
    sla_due: r.slaDue ?? null,
    detected_by: 'scan',
    first_scan_id: null,
    last_scan_id: null,
  };
}

/** Inserts rows straight into the table, then rebuilds the metrics rollup from them (as migration 6 does). */
export async function addFindings(store: Store, rows: MetricRow[]): Promise<void> {
  await store.db.insertInto('findings').values(rows.map(findingRowOf)).execute();
  await rebuildRollup(store.db, store.dialect);
}
