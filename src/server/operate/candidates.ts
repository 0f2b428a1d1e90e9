import type { Kysely } from 'kysely';
import type { DeclaredAsset, DeclaredWorkload } from '../../core/deployment.js';
import type { Database } from '../store/schema.js';
import { lookupKeys } from './deployment-keys.js';
import { ruleKeys, type RoutingFacts } from './facts.js';
import type { Candidate } from './match.js';

/**
 * The stored deployments that declare any of the detection's keys (an indexed lookup in
 * deployment_keys), with their project names: the only ones that can score.
 */
export async function loadCandidates(db: Kysely<Database>, facts: RoutingFacts): Promise<Candidate[]> {
  const keys = lookupKeys(facts);
  if (keys.length === 0) return [];
  const hits = await db
    .selectFrom('deployment_keys')
    .select(['project_id', 'branch'])
    .distinct()
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('key', '=', k.key), eb('value', '=', k.value)]))))
    .execute();
  return hits.length === 0 ? [] : readCandidates(db, hits);
}

/** The deployments of the given project branches (all of them without a list), with project names. */
export async function readCandidates(
  db: Kysely<Database>,
  owners?: readonly { project_id: number; branch: string }[],
): Promise<Candidate[]> {
  let q = db
    .selectFrom('deployments')
    .innerJoin('projects', 'projects.id', 'deployments.project_id')
    .select([
      'deployments.project_id',
      'projects.name',
      'deployments.branch',
      'deployments.updated_at',
      'deployments.workloads',
      'deployments.assets',
    ]);
  if (owners)
    q = q.where((eb) =>
      eb.or(
        owners.map((h) =>
          eb.and([eb('deployments.project_id', '=', h.project_id), eb('deployments.branch', '=', h.branch)]),
        ),
      ),
    );
  const rows = await q.execute();
  return rows.map((r) => ({
    projectId: r.project_id,
    project: r.name,
    branch: r.branch,
    updatedAt: r.updated_at,
    workloads: JSON.parse(r.workloads) as DeclaredWorkload[],
    assets: JSON.parse(r.assets) as DeclaredAsset[],
  }));
}

/** The active routing rule for the most specific of the detection's keys, if any. */
export async function findRule(
  db: Kysely<Database>,
  facts: RoutingFacts,
): Promise<{ id: number; key: string; value: string; projectId: number; project: string } | undefined> {
  const keys = ruleKeys(facts);
  if (keys.length === 0) return undefined;
  const rows = await db
    .selectFrom('routing_rules')
    .innerJoin('projects', 'projects.id', 'routing_rules.project_id')
    .select(['routing_rules.id', 'key', 'value', 'project_id', 'projects.name'])
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('key', '=', k.key), eb('value', '=', k.value)]))))
    .orderBy('routing_rules.id', 'desc')
    .execute();
  for (const k of keys) {
    const r = rows.find((x) => x.key === k.key && x.value === k.value);
    if (r) return { id: r.id, key: r.key, value: r.value, projectId: r.project_id, project: r.name };
  }
  return undefined;
}

/** The branch runtime findings of a project go to: the one its latest deployment was pushed on, else `default`. */
export async function runtimeBranch(db: Kysely<Database>, projectId: number): Promise<string> {
  const row = await db
    .selectFrom('deployments')
    .select('branch')
    .where('project_id', '=', projectId)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row?.branch ?? 'default';
}
