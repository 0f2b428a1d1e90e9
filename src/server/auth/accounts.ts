import type { Kysely } from 'kysely';
import { VanguardError } from '../../core/errors.js';
import { ensureProject } from '../ingest/ingest.js';
import type { Database } from '../store/schema.js';
import { nowIso } from '../store/util.js';
import type { Principal, Role } from './roles.js';
import {
  generatePassword,
  generateToken,
  hashSecret,
  kindOf,
  randomText,
  sha256,
  tokenId,
  verifySecret,
} from './secrets.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/** Names of users and projects: what shows in URLs and audit logs, so no spaces or slashes. */
export function checkName(kind: string, name: string): string {
  if (!NAME.test(name))
    throw new VanguardError(
      'USAGE',
      `${kind} name must be 1–100 of A-Z a-z 0-9 . _ @ - (starting with a letter or digit)`,
    );
  return name;
}

export async function audit(
  db: Kysely<Database>,
  actor: string,
  action: string,
  target: string,
  detail: Record<string, unknown> = {},
  ip: string | null = null,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at: nowIso(), actor, action, target, detail: JSON.stringify(detail), ip })
    .execute();
}

/** Creates a user with a generated password and an API token; both are shown once, only hashes are kept. */
export async function addUser(
  db: Kysely<Database>,
  name: string,
  role: Role,
  actor: string,
): Promise<{ user: string; role: Role; password: string; token: string; tokenId: string }> {
  checkName('user', name);
  const exists = await db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
  if (exists) throw new VanguardError('USAGE', `user ${name} already exists`);
  const password = generatePassword();
  const { token, id } = generateToken('user');
  const [passwordHash, tokenHash] = await Promise.all([hashSecret(password), hashSecret(token)]);
  await db.transaction().execute(async (trx) => {
    const u = await trx
      .insertInto('users')
      .values({ name, role, password_hash: passwordHash, created_at: nowIso(), disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('tokens')
      .values({
        id,
        kind: 'user',
        user_id: u.id,
        project_id: null,
        hash: tokenHash,
        created_by: actor,
        created_at: nowIso(),
        expires_at: null,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    await audit(trx, actor, 'user.create', `user:${name}`, { role, token: id });
  });
  return { user: name, role, password, token, tokenId: id };
}

const DURATION = /^(\d{1,5})([dhm])$/;

/** `90d`, `12h`, `30m` → an ISO expiry from now; undefined for none. */
export function expiryFrom(spec: string | undefined, now = new Date()): string | undefined {
  if (spec === undefined || spec === 'never') return undefined;
  const m = DURATION.exec(spec);
  if (!m)
    throw new VanguardError('USAGE', `--expires must look like 90d, 12h or 30m (or never), got "${spec}"`);
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm'];
  return new Date(now.getTime() + Number(m[1]) * unit).toISOString();
}

/** A push token for one project (created if new); the token is shown once. */
export async function createPushToken(
  db: Kysely<Database>,
  project: string,
  expires: string | undefined,
  actor: string,
): Promise<{ id: string; project: string; token: string; expires: string | null }> {
  checkName('project', project);
  const projectId = await ensureProject(db, project);
  const { token, id } = generateToken('push');
  const hash = await hashSecret(token);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tokens')
      .values({
        id,
        kind: 'push',
        user_id: null,
        project_id: projectId,
        hash,
        created_by: actor,
        created_at: nowIso(),
        expires_at: expires ?? null,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    await audit(trx, actor, 'token.create', `token:${id}`, { project, expires: expires ?? null });
  });
  return { id, project, token, expires: expires ?? null };
}

/**
 * Revokes an active row of a table of credentials or rules (nothing is deleted) and audits it in the
 * same transaction; false when there was no active row with that id.
 */
export async function revokeRow(
  db: Kysely<Database>,
  table: 'tokens' | 'hooks' | 'routing_rules',
  id: string | number,
  actor: string,
  audited: { action: string; target: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Each table's id is a string or a number; the query is the same for all three.
    const r = await trx
      .updateTable(table as 'hooks')
      .set({ revoked_at: nowIso() })
      .where('id', '=', id as string)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const done = Number(r.numUpdatedRows) > 0;
    if (done) await audit(trx, actor, audited.action, audited.target);
    return done;
  });
}

export function revokeToken(db: Kysely<Database>, id: string, actor: string): Promise<boolean> {
  return revokeRow(db, 'tokens', id, actor, { action: 'token.revoke', target: `token:${id}` });
}

// Verified tokens, by sha256 of the token: scrypt runs once per token per process, not per request.
// The row (revocation, expiry) is still read on every request, so a revoked token stops at once.
const verified = new Map<string, string>();

/** The principal a bearer token stands for, or undefined (unknown, malformed, revoked, expired). */
export async function authenticateToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<Principal | undefined> {
  const id = tokenId(token);
  if (!id || kindOf(token) === 'hook') return undefined;
  const row = await db
    .selectFrom('tokens')
    .leftJoin('users', 'users.id', 'tokens.user_id')
    .leftJoin('projects', 'projects.id', 'tokens.project_id')
    .select([
      'tokens.id',
      'tokens.kind',
      'tokens.hash',
      'tokens.expires_at',
      'tokens.revoked_at',
      'tokens.project_id',
      'users.id as user_id',
      'users.name as user_name',
      'users.role',
      'users.disabled_at',
      'projects.name as project_name',
    ])
    .where('tokens.id', '=', id)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return undefined;
  const key = sha256(token);
  if (verified.get(key) !== row.id) {
    if (!(await verifySecret(token, row.hash))) return undefined;
    if (verified.size > 10_000) verified.clear();
    verified.set(key, row.id);
  }
  if (row.kind === 'push' && row.project_id !== null && row.project_name)
    return { kind: 'push', tokenId: row.id, projectId: row.project_id, project: row.project_name };
  if (row.kind === 'user' && row.user_id !== null && row.user_name && row.role && row.disabled_at === null)
    return {
      kind: 'user',
      userId: row.user_id,
      name: row.user_name,
      role: row.role as Role,
      via: 'token',
      tokenId: row.id,
    };
  return undefined;
}

const SESSION_HOURS = 12;

/** Checks a name and password; on success a new session (cookie value and CSRF token). */
export async function login(
  db: Kysely<Database>,
  name: string,
  password: string,
): Promise<{ cookie: string; csrf: string; user: string; role: string } | undefined> {
  const u = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  // Hash anyway when the user is unknown, so the answer takes as long either way.
  const ok = await verifySecret(password, u?.password_hash ?? (await hashSecret('no such user')));
  if (!u || !ok || u.disabled_at !== null) return undefined;
  const cookie = randomText();
  const csrf = randomText();
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(cookie),
      user_id: u.id,
      csrf,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  await audit(db, `user:${u.name}`, 'session.create', `user:${u.name}`);
  return { cookie, csrf, user: u.name, role: u.role };
}

/** The session's user and CSRF token, or undefined when the cookie is unknown or expired. */
export async function sessionFor(
  db: Kysely<Database>,
  cookie: string,
): Promise<{ principal: Principal; csrf: string } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf',
      'sessions.expires_at',
      'users.id',
      'users.name',
      'users.role',
      'users.disabled_at',
    ])
    .where('sessions.id', '=', sha256(cookie))
    .executeTakeFirst();
  if (!row || row.expires_at <= nowIso() || row.disabled_at !== null) return undefined;
  return {
    principal: { kind: 'user', userId: row.id, name: row.name, role: row.role as Role, via: 'session' },
    csrf: row.csrf,
  };
}

export async function logout(db: Kysely<Database>, cookie: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(cookie)).execute();
}
