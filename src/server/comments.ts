import type { Kysely } from 'kysely';
import { VanguardError } from '../core/errors.js';
import { audit } from './auth/accounts.js';
import type { Database } from './store/schema.js';
import { nowIso } from './store/util.js';

/** Longest comment accepted (the schema says the same; this guards callers of the library). */
export const MAX_COMMENT = 4000;

export interface CommentView {
  id: number;
  at: string;
  actor: string;
  body: string;
}

/** Adds a comment to a finding and records it in the audit log, in one transaction. */
export async function addComment(
  db: Kysely<Database>,
  findingId: number,
  body: string,
  actor: string,
  ip: string | null = null,
): Promise<CommentView> {
  const text = body.trim();
  if (text === '' || text.length > MAX_COMMENT)
    throw new VanguardError('USAGE', `a comment is 1 to ${MAX_COMMENT} characters`);
  return db.transaction().execute(async (trx) => {
    const f = await trx.selectFrom('findings').select('id').where('id', '=', findingId).executeTakeFirst();
    if (!f) throw new VanguardError('NOT_FOUND', `no finding ${findingId}`);
    const at = nowIso();
    const row = await trx
      .insertInto('finding_comments')
      .values({ finding_id: findingId, at, actor, body: text })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'finding.comment', `finding:${findingId}`, { comment: row.id }, ip);
    return { id: row.id, at, actor, body: text };
  });
}

/** A finding's comments, oldest first. */
export async function listComments(db: Kysely<Database>, findingId: number): Promise<CommentView[]> {
  return db
    .selectFrom('finding_comments')
    .select(['id', 'at', 'actor', 'body'])
    .where('finding_id', '=', findingId)
    .orderBy('id', 'asc')
    .execute();
}
