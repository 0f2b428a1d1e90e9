import type { Kysely } from 'kysely';
import { VanguardError } from '../../core/errors.js';
import { actorOf, type Principal } from '../auth/roles.js';
import { audit } from '../auth/accounts.js';
import type { Database } from '../store/schema.js';

/** A tag: a short label without commas or spaces (the metrics query lists tags comma-separated). */
export const TAG_PATTERN = '[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}';

/** Replaces a project's tags in one transaction; returns them sorted. */
export async function setProjectTags(
  db: Kysely<Database>,
  project: string,
  tags: readonly string[],
  principal: Principal,
): Promise<string[]> {
  const unique = [...new Set(tags)].sort();
  return db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('projects').select('id').where('name', '=', project).executeTakeFirst();
    if (!p) throw new VanguardError('NOT_FOUND', `no project ${project}`);
    await trx.deleteFrom('project_tags').where('project_id', '=', p.id).execute();
    if (unique.length > 0)
      await trx
        .insertInto('project_tags')
        .values(unique.map((tag) => ({ project_id: p.id, tag })))
        .execute();
    await audit(trx, actorOf(principal), 'project.tags', `project:${project}`, { tags: unique });
    return unique;
  });
}

/** Tags of some projects, by project id. */
export async function tagsOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('project_tags')
    .select(['project_id', 'tag'])
    .where('project_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const r of rows) out.set(r.project_id, [...(out.get(r.project_id) ?? []), r.tag]);
  return out;
}
