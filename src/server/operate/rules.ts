import type { Kysely } from 'kysely';
import { audit, revokeRow } from '../auth/accounts.js';
import type { Database } from '../store/schema.js';
import { nowIso } from '../store/util.js';
import { imageRepository, type RuleKey } from './facts.js';

/** A rule's value as detections are looked up by (images without tag, hosts lowercased). */
export function normaliseRuleValue(key: RuleKey, value: string): string {
  const v = value.trim();
  if (key === 'image') return imageRepository(v);
  if (key === 'host') return v.toLowerCase();
  return v;
}

/** Saves a routing rule: later detections with this key go to the project. */
export async function addRoutingRule(
  db: Kysely<Database>,
  key: RuleKey,
  value: string,
  projectId: number,
  actor: string,
): Promise<{ id: number; key: RuleKey; value: string }> {
  const v = normaliseRuleValue(key, value);
  return db.transaction().execute(async (trx) => {
    // One active rule per key: a new mapping replaces the old one rather than competing with it.
    await trx
      .updateTable('routing_rules')
      .set({ revoked_at: nowIso() })
      .where('key', '=', key)
      .where('value', '=', v)
      .where('revoked_at', 'is', null)
      .execute();
    const r = await trx
      .insertInto('routing_rules')
      .values({
        key,
        value: v,
        project_id: projectId,
        created_by: actor,
        created_at: nowIso(),
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'routing-rule.create', `routing-rule:${r.id}`, { key, value: v, projectId });
    return { id: r.id, key, value: v };
  });
}

export function removeRoutingRule(db: Kysely<Database>, id: number, actor: string): Promise<boolean> {
  return revokeRow(db, 'routing_rules', id, actor, {
    action: 'routing-rule.delete',
    target: `routing-rule:${id}`,
  });
}

export async function listRoutingRules(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('routing_rules')
    .innerJoin('projects', 'projects.id', 'routing_rules.project_id')
    .select(['routing_rules.id', 'key', 'value', 'projects.name', 'created_by', 'routing_rules.created_at'])
    .where('revoked_at', 'is', null)
    .orderBy('routing_rules.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    value: r.value,
    project: r.name,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}
