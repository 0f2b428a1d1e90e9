import type { FastifyInstance, FastifyRequest } from 'fastify';
import { VanguardError } from '../../core/errors.js';
import { actorOf } from '../auth/roles.js';
import { findingHistory, getFinding, listFindings, type FindingFilter } from '../store/findings-query.js';
import type { Store } from '../store/open.js';
import { TRIAGE_STATUSES, triageFinding, type TriageChange } from '../triage.js';
import { FINDINGS_QUERY, ID_PARAMS, NAME_PARAMS, type FindingsQuery } from './query-schemas.js';
import { principalOf, route } from './route.js';

const list = (s: string | undefined): string[] | undefined => (s === undefined ? undefined : s.split(','));

async function projectId(store: Store, name: string): Promise<number> {
  const p = await store.db.selectFrom('projects').select('id').where('name', '=', name).executeTakeFirst();
  if (!p) throw new VanguardError('NOT_FOUND', `no project ${name}`);
  return p.id;
}

function filterOf(q: FindingsQuery): FindingFilter {
  if (q.after !== undefined && (q.sort === 'due' || q.sort === 'severity'))
    throw new VanguardError(
      'USAGE',
      `after (keyset paging) works with sort newest or oldest; use offset with ${q.sort}`,
    );
  const f: FindingFilter = { limit: q.limit, offset: q.offset, sort: q.sort };
  const set = <K extends keyof FindingFilter>(k: K, v: FindingFilter[K] | undefined): void => {
    if (v !== undefined) f[k] = v;
  };
  set('branch', q.branch);
  set('status', list(q.status));
  set('severity', list(q.severity));
  set('analyzer', list(q.analyzer));
  set('phase', list(q.phase));
  set('tool', q.tool);
  set('rule', q.rule);
  set('principle', q.principle);
  set('owasp', q.owasp);
  set('text', q.q);
  set('detectedBy', q.detectedBy);
  set('after', q.after);
  return f;
}

export function registerFindingRoutes(app: FastifyInstance, store: Store): void {
  route<FastifyRequest<{ Querystring: FindingsQuery }>>(app, {
    method: 'GET',
    url: '/api/v1/findings',
    access: 'viewer',
    summary: 'findings of every project, filtered and paginated',
    tags: ['findings'],
    schema: { querystring: FINDINGS_QUERY },
    handler: async (req) => {
      const f = filterOf(req.query);
      if (req.query.project !== undefined) f.projectId = await projectId(store, req.query.project);
      return { ...(await listFindings(store.db, f)), limit: f.limit, offset: f.offset };
    },
  });
  route<FastifyRequest<{ Params: { name: string }; Querystring: FindingsQuery }>>(app, {
    method: 'GET',
    url: '/api/v1/projects/:name/findings',
    access: 'viewer',
    summary: "a project's findings, filtered and paginated",
    tags: ['findings'],
    schema: { params: NAME_PARAMS, querystring: FINDINGS_QUERY },
    handler: async (req) => {
      const f = { ...filterOf(req.query), projectId: await projectId(store, req.params.name) };
      return { ...(await listFindings(store.db, f)), limit: f.limit, offset: f.offset };
    },
  });
  route<FastifyRequest<{ Params: { id: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/findings/:id',
    access: 'viewer',
    summary: 'one finding',
    tags: ['findings'],
    schema: { params: ID_PARAMS },
    handler: async (req) => {
      const f = await getFinding(store.db, req.params.id);
      if (!f) throw new VanguardError('NOT_FOUND', `no finding ${req.params.id}`);
      return f;
    },
  });
  route<FastifyRequest<{ Params: { id: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/findings/:id/history',
    access: 'viewer',
    summary: "a finding's status history: who, when, why",
    tags: ['findings'],
    schema: { params: ID_PARAMS },
    handler: async (req) => {
      if (!(await getFinding(store.db, req.params.id)))
        throw new VanguardError('NOT_FOUND', `no finding ${req.params.id}`);
      return { items: await findingHistory(store.db, req.params.id) };
    },
  });
  route<FastifyRequest<{ Params: { id: number }; Body: TriageChange }>>(app, {
    method: 'PATCH',
    url: '/api/v1/findings/:id',
    access: 'member',
    summary: 'triage: accept a risk (owner, expiry), mark a false positive or not affected, or reopen',
    tags: ['findings'],
    schema: {
      params: ID_PARAMS,
      body: {
        type: 'object',
        required: ['status', 'reason'],
        additionalProperties: false,
        properties: {
          status: { type: 'string', enum: [...TRIAGE_STATUSES] },
          reason: { type: 'string', minLength: 1, maxLength: 2000 },
          owner: { type: 'string', minLength: 1, maxLength: 200 },
          expires: {
            type: 'string',
            maxLength: 40,
            pattern: '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$',
          },
          applyToAllProjects: { type: 'boolean' },
        },
      },
    },
    handler: async (req) => {
      const r = await triageFinding(
        store.db,
        store.dialect,
        req.params.id,
        req.body,
        actorOf(principalOf(req)),
      );
      return { ...r, finding: await getFinding(store.db, req.params.id) };
    },
  });
}
