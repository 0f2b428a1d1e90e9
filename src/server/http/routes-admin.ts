import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addUser, audit, createPushToken, expiryFrom, revokeToken } from '../auth/accounts.js';
import { actorOf, ROLES, type Role } from '../auth/roles.js';
import { loadSla, saveSla, type SlaSettings } from '../ingest/sla.js';
import type { JobQueue } from '../jobs/types.js';
import type { Store } from '../store/open.js';
import { PAGE_QUERY } from './query-schemas.js';
import { HttpError, principalOf, route } from './route.js';

export function registerAdminRoutes(app: FastifyInstance, store: Store, queue: JobQueue): void {
  route<FastifyRequest<{ Querystring: { limit: number; offset: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/users',
    access: 'admin',
    summary: 'users and their roles',
    tags: ['admin'],
    schema: { querystring: PAGE_QUERY },
    handler: async (req) => {
      const rows = await store.db
        .selectFrom('users')
        .select(['name', 'role', 'created_at', 'disabled_at'])
        .orderBy('name')
        .limit(req.query.limit)
        .offset(req.query.offset)
        .execute();
      return {
        items: rows.map((u) => ({
          name: u.name,
          role: u.role,
          createdAt: u.created_at,
          disabledAt: u.disabled_at,
        })),
      };
    },
  });
  route<FastifyRequest<{ Body: { name: string; role: Role } }>>(app, {
    method: 'POST',
    url: '/api/v1/users',
    access: 'admin',
    summary: 'add a user: returns a generated password and an API token, once',
    tags: ['admin'],
    schema: {
      body: {
        type: 'object',
        required: ['name', 'role'],
        additionalProperties: false,
        properties: { name: { type: 'string', maxLength: 100 }, role: { type: 'string', enum: [...ROLES] } },
      },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await addUser(store.db, req.body.name, req.body.role, actorOf(principalOf(req)))),
  });
  route<FastifyRequest<{ Querystring: { limit: number; offset: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/tokens',
    access: 'admin',
    summary: 'API and push tokens (ids only; a token is shown only when it is created)',
    tags: ['admin'],
    schema: { querystring: PAGE_QUERY },
    handler: async (req) => {
      const rows = await store.db
        .selectFrom('tokens')
        .leftJoin('users', 'users.id', 'tokens.user_id')
        .leftJoin('projects', 'projects.id', 'tokens.project_id')
        .select([
          'tokens.id',
          'tokens.kind',
          'users.name as user',
          'projects.name as project',
          'tokens.created_by',
          'tokens.created_at',
          'tokens.expires_at',
          'tokens.revoked_at',
        ])
        .orderBy('tokens.created_at', 'desc')
        .limit(req.query.limit)
        .offset(req.query.offset)
        .execute();
      return {
        items: rows.map((t) => ({
          id: t.id,
          kind: t.kind,
          user: t.user,
          project: t.project,
          createdBy: t.created_by,
          createdAt: t.created_at,
          expires: t.expires_at,
          revokedAt: t.revoked_at,
        })),
      };
    },
  });
  route<FastifyRequest<{ Body: { project: string; expires?: string } }>>(app, {
    method: 'POST',
    url: '/api/v1/tokens',
    access: 'admin',
    summary: 'create a push token for a project (created if new); the token is returned once',
    tags: ['admin'],
    schema: {
      body: {
        type: 'object',
        required: ['project'],
        additionalProperties: false,
        properties: {
          project: { type: 'string', maxLength: 100 },
          expires: { type: 'string', pattern: '^(\\d{1,5}[dhm]|never)$' },
        },
      },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await createPushToken(
            store.db,
            req.body.project,
            expiryFrom(req.body.expires ?? '90d'),
            actorOf(principalOf(req)),
          ),
        ),
  });
  route<FastifyRequest<{ Params: { id: string } }>>(app, {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    access: 'admin',
    summary: 'revoke a token (it stops working at once; the record is kept)',
    tags: ['admin'],
    schema: {
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 40 } } },
    },
    handler: async (req, reply) => {
      if (!(await revokeToken(store.db, req.params.id, actorOf(principalOf(req)))))
        throw new HttpError(404, 'NOT_FOUND', `no active token ${req.params.id}`);
      return reply.code(204).send();
    },
  });
  route<FastifyRequest<{ Querystring: { limit: number; offset: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/audit',
    access: 'admin',
    summary: 'the audit log of every write, newest first',
    tags: ['admin'],
    schema: { querystring: PAGE_QUERY },
    handler: async (req) => {
      const rows = await store.db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(req.query.limit)
        .offset(req.query.offset)
        .execute();
      return {
        items: rows.map((a) => ({
          at: a.at,
          actor: a.actor,
          action: a.action,
          target: a.target,
          detail: JSON.parse(a.detail) as unknown,
          ip: a.ip,
        })),
      };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/settings/sla',
    access: 'viewer',
    summary: 'days to fix per severity, and whether an expired acceptance restarts the clock',
    tags: ['settings'],
    handler: () => loadSla(store.db),
  });
  const days = { type: 'integer', minimum: 1, maximum: 3650 };
  route<FastifyRequest<{ Body: SlaSettings }>>(app, {
    method: 'PUT',
    url: '/api/v1/settings/sla',
    access: 'admin',
    summary: 'set the SLA (applies to findings first seen from now on)',
    tags: ['settings'],
    schema: {
      body: {
        type: 'object',
        required: ['days', 'restartOnExpiry'],
        additionalProperties: false,
        properties: {
          days: {
            type: 'object',
            required: ['critical', 'high', 'medium', 'low'],
            additionalProperties: false,
            properties: { critical: days, high: days, medium: days, low: days },
          },
          restartOnExpiry: { type: 'boolean' },
        },
      },
    },
    handler: async (req) => {
      await saveSla(store.db, req.body);
      await audit(
        store.db,
        actorOf(principalOf(req)),
        'settings.sla',
        'settings:sla',
        { ...req.body },
        req.ip,
      );
      return req.body;
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/advisories/rematch',
    access: 'admin',
    summary:
      're-match every stored inventory against the advisory database (after an update); returns the job',
    tags: ['admin'],
    handler: async (req, reply) => {
      const actor = actorOf(principalOf(req));
      const jobId = await queue.enqueue('rematch-all', {}, actor);
      await audit(store.db, actor, 'advisories.rematch', `job:${jobId}`, { why: 'API' }, req.ip);
      return reply.code(202).send({ jobId, status: 'queued', poll: `/api/v1/jobs/${jobId}` });
    },
  });
}
