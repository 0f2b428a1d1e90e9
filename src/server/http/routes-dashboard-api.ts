import type { FastifyInstance, FastifyRequest } from 'fastify';
import { VanguardError } from '../../core/errors.js';
import { actorOf } from '../auth/roles.js';
import { addComment, listComments, MAX_COMMENT } from '../comments.js';
import { JOB_VIEW_COLUMNS, toJobView } from '../jobs/records.js';
import { getFinding } from '../store/findings-query.js';
import type { Store } from '../store/open.js';
import { ID_PARAMS } from './query-schemas.js';
import { principalOf, route } from './route.js';

const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

/** What the dashboard needs beyond the pipeline API: comments on findings and the list of jobs. */
export function registerDashboardApiRoutes(app: FastifyInstance, store: Store): void {
  route<FastifyRequest<{ Params: { id: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/findings/:id/comments',
    access: 'viewer',
    summary: "a finding's comments, oldest first",
    tags: ['findings'],
    schema: { params: ID_PARAMS },
    handler: async (req) => {
      if (!(await getFinding(store.db, req.params.id)))
        throw new VanguardError('NOT_FOUND', `no finding ${req.params.id}`);
      return { items: await listComments(store.db, req.params.id) };
    },
  });
  route<FastifyRequest<{ Params: { id: number }; Body: { body: string } }>>(app, {
    method: 'POST',
    url: '/api/v1/findings/:id/comments',
    access: 'member',
    summary: 'comment on a finding (kept with its history; the status does not change)',
    tags: ['findings'],
    rateLimit: { max: 60, timeWindow: '1 minute' },
    schema: {
      params: ID_PARAMS,
      body: {
        type: 'object',
        required: ['body'],
        additionalProperties: false,
        properties: { body: { type: 'string', minLength: 1, maxLength: MAX_COMMENT, pattern: '\\S' } },
      },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await addComment(store.db, req.params.id, req.body.body, actorOf(principalOf(req)), req.ip)),
  });
  route<FastifyRequest<{ Querystring: { status?: string; limit: number; offset: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/jobs',
    access: 'viewer',
    summary: 'import and re-match jobs, newest first (payloads left out)',
    tags: ['reports'],
    schema: {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          status: { type: 'string', enum: [...JOB_STATUSES] },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
        },
      },
    },
    handler: async (req) => {
      let q = store.db.selectFrom('jobs');
      if (req.query.status !== undefined) q = q.where('status', '=', req.query.status);
      const [rows, total] = await Promise.all([
        q
          .select(JOB_VIEW_COLUMNS)
          .orderBy('id', 'desc')
          .limit(req.query.limit)
          .offset(req.query.offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map(toJobView),
        total: Number(total.n),
      };
    },
  });
}
