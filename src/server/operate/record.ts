import type { Kysely, Transaction } from 'kysely';
import { loadSla, slaDue, type SlaSettings } from '../ingest/sla.js';
import { writeFindings } from '../ingest/write-findings.js';
import type { Transition } from '../ingest/rows.js';
import type { Store } from '../store/open.js';
import type { Database, DetectionRow, FindingRow, NewFinding } from '../store/schema.js';
import { lockScope, nowIso } from '../store/util.js';
import { findRule, loadCandidates, runtimeBranch } from './candidates.js';
import { remediationFor, withoutNul, type Detection, type Source } from './detection.js';
import { describeFacts, type RoutingFacts } from './facts.js';
import { choose, matchDeployments } from './match.js';

/** Where a detection goes: a project branch, and the declaration that decided it. */
export interface Routed {
  projectId: number;
  project: string;
  branch: string;
  route: string;
  path: string;
  line: number;
}

export type RouteOutcome =
  { status: 'routed'; to: Routed } | { status: 'unrouted' | 'ambiguous'; note: string };

/**
 * Routes by, in order: the project the sender named, an admin's routing rule for the most specific
 * key, then the most specific match among the deployments projects declared.
 */
export async function routeFacts(db: Kysely<Database>, facts: RoutingFacts): Promise<RouteOutcome> {
  if (facts.project !== undefined) {
    const p = await db
      .selectFrom('projects')
      .select(['id', 'name'])
      .where('name', '=', facts.project)
      .executeTakeFirst();
    if (!p) return { status: 'unrouted', note: `names project ${facts.project}, which does not exist` };
    const branch = await runtimeBranch(db, p.id);
    return {
      status: 'routed',
      to: { projectId: p.id, project: p.name, branch, route: 'named by the sender', path: '', line: 1 },
    };
  }
  const rule = await findRule(db, facts);
  if (rule) {
    const branch = await runtimeBranch(db, rule.projectId);
    return {
      status: 'routed',
      to: {
        projectId: rule.projectId,
        project: rule.project,
        branch,
        route: `routing rule #${rule.id} (${rule.key} ${rule.value})`,
        path: '',
        line: 1,
      },
    };
  }
  const choice = choose(matchDeployments(facts, await loadCandidates(db, facts)));
  if (choice.kind === 'routed') {
    const m = choice.match;
    return {
      status: 'routed',
      to: {
        projectId: m.projectId,
        project: m.project,
        branch: m.branch,
        route: `declared: ${m.why}`,
        path: m.path,
        line: m.line,
      },
    };
  }
  if (choice.kind === 'ambiguous')
    return {
      status: 'ambiguous',
      note: `matches ${choice.matches.map((m) => `${m.project} (${m.why})`).join(' and ')} equally`,
    };
  return { status: 'unrouted', note: `no project declares ${describeFacts(facts)}` };
}

const TRIAGED = ['accepted', 'false-positive', 'not-affected'];

function countLine(det: { count: number; first_at: string; last_at: string }): string {
  return det.count === 1
    ? `Seen once at ${det.first_at}.`
    : `Seen ${det.count} times between ${det.first_at} and ${det.last_at}.`;
}

/** The finding row of a routed detection and its status change; a person's triage is never overridden. */
function runtimeRow(
  d: Detection,
  det: { id: number; count: number; first_at: string; last_at: string },
  to: Routed,
  prev: FindingRow | undefined,
  sla: SlaSettings,
  now: string,
): { row: NewFinding; transition?: Transition } {
  const want = d.resolvedAt !== undefined ? 'fixed' : 'open';
  let status = prev?.status ?? want;
  let transition: Transition | undefined;
  if (!prev || (!TRIAGED.includes(prev.status) && prev.status !== want)) {
    status = want;
    const reason = !prev
      ? `${d.source}: first detected (${to.route})`
      : want === 'fixed'
        ? `${d.source}: resolved at ${d.resolvedAt}`
        : `${d.source}: detected again, reopened`;
    transition = { from: prev?.status ?? null, to: want, reason };
  }
  const slaStart = prev?.sla_start ?? now;
  const row: NewFinding = {
    project_id: to.projectId,
    branch: to.branch,
    fingerprint: `runtime/${d.source}/${det.id}`,
    rule_id: d.ruleId,
    analyzer: 'runtime',
    severity: d.severity,
    confidence: d.confidence,
    title: d.title,
    message: `${d.message}\n\n${countLine(det)} Where: ${describeFacts(d.facts)}. Routed: ${to.route}.`,
    remediation: remediationFor(d.source),
    path: to.path === '' ? `runtime/${d.source}` : to.path,
    start_line: to.line,
    location: JSON.stringify({ path: to.path === '' ? `runtime/${d.source}` : to.path, startLine: to.line }),
    cwe: '[]',
    owasp: '[]',
    principles: '[]',
    // No principles or OWASP categories are known for a runtime detection: empty label masks.
    principle_mask: 0,
    owasp_mask: 0,
    tools: JSON.stringify([d.source]),
    phase: 'runtime',
    advisory: null,
    package_key: null,
    package: null,
    status,
    status_source: transition ? d.source : (prev?.status_source ?? d.source),
    status_reason: transition?.reason ?? prev?.status_reason ?? null,
    accepted_owner: prev?.accepted_owner ?? null,
    accepted_until: prev?.accepted_until ?? null,
    // When it started, not when we heard of it: time to detect is measured from here.
    introduced_at: prev?.introduced_at ?? d.occurredAt,
    first_seen: prev?.first_seen ?? now,
    last_seen: now,
    fixed_at: status === 'fixed' ? (prev?.status === 'fixed' ? prev.fixed_at : (d.resolvedAt ?? now)) : null,
    sla_start: slaStart,
    sla_due: slaDue(sla, d.severity, slaStart),
    detected_by: d.source === 'report' ? 'report' : 'hook',
    first_scan_id: null,
    last_scan_id: null,
  };
  return transition ? { row, transition } : { row };
}

async function writeRuntimeFinding(
  trx: Transaction<Database>,
  store: Store,
  d: Detection,
  det: { id: number; count: number; first_at: string; last_at: string },
  to: Routed,
  sla: SlaSettings,
  now: string,
  actor: string,
): Promise<number> {
  await lockScope(trx, store.dialect, to.projectId, to.branch);
  const fingerprint = `runtime/${d.source}/${det.id}`;
  const prev = await trx
    .selectFrom('findings')
    .selectAll()
    .where('project_id', '=', to.projectId)
    .where('branch', '=', to.branch)
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
  await writeFindings(
    trx,
    store.dialect,
    [{ ...runtimeRow(d, det, to, prev, sla, now), prev }],
    actor,
    null,
    now,
  );
  const row = await trx
    .selectFrom('findings')
    .select('id')
    .where('project_id', '=', to.projectId)
    .where('branch', '=', to.branch)
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RecordOutcome {
  detectionId: number;
  /** routed, unrouted or ambiguous. */
  status: string;
  project: string | null;
  findingId: number | null;
  count: number;
  /** False when the event was a repeat counted on an existing incident. */
  created: boolean;
  route: string;
}

/** Stores one detection: counted on its incident or a new one, routed, and its finding opened, updated or fixed. */
export async function recordDetection(store: Store, input: Detection, actor: string): Promise<RecordOutcome> {
  const d = withoutNul(input);
  const sla = await loadSla(store.db);
  return store.db.transaction().execute(async (trx) => {
    // Concurrent deliveries of one incident (Falco bursts) must count, not race to two rows.
    await lockScope(trx, store.dialect, 0, `detection\0${d.source}\0${d.identity}`);
    const now = nowIso();
    const prev = await trx
      .selectFrom('detections')
      .selectAll()
      .where('source', '=', d.source)
      .where('identity', '=', d.identity)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const merge =
      prev !== undefined &&
      (d.windowMs === undefined || Date.parse(d.occurredAt) - Date.parse(prev.last_at) <= d.windowMs);
    let det: DetectionRow;
    if (merge) {
      det = await trx
        .updateTable('detections')
        .set({
          count: prev.count + 1,
          last_at: d.occurredAt > prev.last_at ? d.occurredAt : prev.last_at,
          received_at: now,
          payload: d.payload,
          title: d.title,
          message: d.message,
          severity: d.severity,
          resolved_at: d.resolvedAt ?? null,
        })
        .where('id', '=', prev.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      det = await trx
        .insertInto('detections')
        .values({
          source: d.source,
          identity: d.identity,
          rule_id: d.ruleId,
          title: d.title,
          message: d.message,
          severity: d.severity,
          confidence: d.confidence,
          facts: JSON.stringify(d.facts),
          occurred_at: d.occurredAt,
          first_at: d.occurredAt,
          last_at: d.occurredAt,
          received_at: now,
          payload: d.payload,
          status: 'unrouted',
          count: 1,
          hook_id: d.hookId ?? null,
          reporter: d.reporter ?? null,
          resolved_at: d.resolvedAt ?? null,
          project_id: null,
          branch: null,
          finding_id: null,
          route: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    let to: Routed | undefined;
    let route = det.route ?? '';
    if (det.project_id !== null && det.branch !== null) {
      // Routed once, it stays with its project (an admin may have assigned it).
      const p = await trx
        .selectFrom('projects')
        .select('name')
        .where('id', '=', det.project_id)
        .executeTakeFirstOrThrow();
      to = { projectId: det.project_id, project: p.name, branch: det.branch, route, path: '', line: 1 };
      const f =
        det.finding_id === null
          ? undefined
          : await trx
              .selectFrom('findings')
              .select(['path', 'start_line'])
              .where('id', '=', det.finding_id)
              .executeTakeFirst();
      if (f && !f.path.startsWith('runtime/')) Object.assign(to, { path: f.path, line: f.start_line });
    } else {
      const outcome = await routeFacts(trx, d.facts);
      if (outcome.status === 'routed') to = outcome.to;
      route = outcome.status === 'routed' ? outcome.to.route : outcome.note;
    }
    let findingId: number | null = null;
    if (to) {
      const occurrence = { id: det.id, count: det.count, first_at: det.first_at, last_at: det.last_at };
      findingId = await writeRuntimeFinding(trx, store, d, occurrence, to, sla, now, actor);
    }
    const status = to ? 'routed' : route.startsWith('matches ') ? 'ambiguous' : 'unrouted';
    await trx
      .updateTable('detections')
      .set({
        status,
        project_id: to?.projectId ?? null,
        branch: to?.branch ?? null,
        finding_id: findingId,
        route,
      })
      .where('id', '=', det.id)
      .execute();
    return {
      detectionId: det.id,
      status,
      project: to?.project ?? null,
      findingId,
      count: det.count,
      created: !merge,
      route,
    };
  });
}

/** The detection a stored row describes (for routing it later, by an admin). */
export function detectionFromRow(r: DetectionRow): Detection {
  return {
    source: r.source as Source,
    identity: r.identity,
    ruleId: r.rule_id,
    title: r.title,
    message: r.message,
    severity: r.severity,
    confidence: r.confidence as Detection['confidence'],
    facts: JSON.parse(r.facts) as RoutingFacts,
    occurredAt: r.occurred_at,
    ...(r.resolved_at !== null ? { resolvedAt: r.resolved_at } : {}),
    payload: r.payload,
  };
}

/** An admin's assignment of a waiting detection to a project: its finding is opened there. */
export async function assignDetection(
  store: Store,
  id: number,
  projectId: number,
  project: string,
  actor: string,
): Promise<{ findingId: number; branch: string } | undefined> {
  const sla = await loadSla(store.db);
  const branch = await runtimeBranch(store.db, projectId);
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('detections')
      .selectAll()
      .where('id', '=', id)
      .where('status', '!=', 'routed')
      .executeTakeFirst();
    if (!row) return undefined;
    const route = `assigned by ${actor}`;
    const to: Routed = { projectId, project, branch, route, path: '', line: 1 };
    const now = nowIso();
    const findingId = await writeRuntimeFinding(trx, store, detectionFromRow(row), row, to, sla, now, actor);
    await trx
      .updateTable('detections')
      .set({ status: 'routed', project_id: projectId, branch, finding_id: findingId, route })
      .where('id', '=', id)
      .execute();
    return { findingId, branch };
  });
}
