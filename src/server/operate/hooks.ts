import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit, revokeRow } from '../auth/accounts.js';
import type { Principal } from '../auth/roles.js';
import { generateToken, hashSecret, kindOf, sha256, tokenId, verifySecret } from '../auth/secrets.js';
import type { Store } from '../store/open.js';
import type { Database } from '../store/schema.js';
import { nowIso } from '../store/util.js';

export const HOOK_KINDS = ['alertmanager', 'falco', 'generic'] as const;
export type HookKind = (typeof HOOK_KINDS)[number];

export interface CreatedHook {
  id: string;
  kind: HookKind;
  name: string;
  /** The bearer token (Alertmanager, Falco); null for the signed generic hook. */
  token: string | null;
  /** The Standard Webhooks signing secret `whsec_…` (generic); null for token hooks. */
  secret: string | null;
}

/**
 * Creates a hook credential, shown once: a `vgh_` bearer token (kept as a scrypt hash) for
 * Alertmanager and Falco, a `whsec_` signing secret for the generic hook (kept sealed with the
 * server key, since verifying a signature needs the secret itself).
 */
export async function createHook(
  store: Pick<Store, 'db' | 'secrets'>,
  kind: HookKind,
  name: string | undefined,
  actor: string,
): Promise<CreatedHook> {
  const { token, id } = generateToken('hook');
  const signed = kind === 'generic';
  const key = signed ? randomBytes(32).toString('base64') : null;
  // Sealed before anything is written: without a server key no signed hook is created.
  const sealed = key === null ? null : store.secrets.seal(key, `hook:${id}`);
  const tokenHash = signed ? null : await hashSecret(token);
  const label = name ?? `${kind} hook`;
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hooks')
      .values({
        id,
        kind,
        name: label,
        token_hash: tokenHash,
        signing_key_sealed: sealed,
        created_by: actor,
        created_at: nowIso(),
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    await audit(trx, actor, 'hook.create', `hook:${id}`, { kind, name: label });
  });
  return { id, kind, name: label, token: signed ? null : token, secret: signed ? `whsec_${key}` : null };
}

export function revokeHook(db: Kysely<Database>, id: string, actor: string): Promise<boolean> {
  return revokeRow(db, 'hooks', id, actor, { action: 'hook.revoke', target: `hook:${id}` });
}

export async function listHooks(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('hooks')
    .select(['id', 'kind', 'name', 'created_by', 'created_at', 'revoked_at', 'last_used_at'])
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((h) => ({
    id: h.id,
    kind: h.kind,
    name: h.name,
    createdBy: h.created_by,
    createdAt: h.created_at,
    revokedAt: h.revoked_at,
    lastUsedAt: h.last_used_at,
  }));
}

// As for user tokens: scrypt once per token per process; revocation is still read on every request.
const verified = new Map<string, string>();

/** The hook a `vgh_` bearer token stands for, or undefined (unknown, malformed, revoked, or a signed hook). */
export async function authenticateHookToken(
  db: Kysely<Database>,
  token: string,
): Promise<Principal | undefined> {
  const id = tokenId(token);
  if (!id || kindOf(token) !== 'hook') return undefined;
  const row = await db.selectFrom('hooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.revoked_at !== null || row.token_hash === null) return undefined;
  const key = sha256(token);
  if (verified.get(key) !== row.id) {
    if (!(await verifySecret(token, row.token_hash))) return undefined;
    if (verified.size > 10_000) verified.clear();
    verified.set(key, row.id);
  }
  return { kind: 'hook', hookId: row.id, hookKind: row.kind, name: row.name };
}

/** The signing keys of the active generic hooks, unsealed. */
export async function signingKeys(
  store: Pick<Store, 'db' | 'secrets'>,
): Promise<{ hookId: string; key: Buffer }[]> {
  const rows = await store.db
    .selectFrom('hooks')
    .select(['id', 'signing_key_sealed'])
    .where('kind', '=', 'generic')
    .where('revoked_at', 'is', null)
    .execute();
  return rows
    .filter((r): r is { id: string; signing_key_sealed: string } => r.signing_key_sealed !== null)
    .map((r) => ({
      hookId: r.id,
      key: Buffer.from(store.secrets.open(r.signing_key_sealed, `hook:${r.id}`), 'base64'),
    }));
}

/** Records that a hook delivered something (shown in the hook list). */
export async function touchHook(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('hooks').set({ last_used_at: nowIso() }).where('id', '=', id).execute();
}
