import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Selectable, SelectQueryBuilder } from 'kysely';
import { VanguardError } from '../../core/errors.js';
import type { Store } from '../store/open.js';
import type { Database } from '../store/schema.js';
import { NAME_PARAMS, PAGE_QUERY } from './query-schemas.js';
import { route } from './route.js';

async function project(store: Store, name: string) {
  const p = await store.db.selectFrom('projects').selectAll().where('name', '=', name).executeTakeFirst();
  if (!p) throw new VanguardError('NOT_FOUND', `no project ${name}`);
  return p;
}

/** Open findings per severity for some projects, from one grouped query. */
async function openCounts(store: Store, ids: number[]): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (ids.length === 0) return out;
  const rows = await store.db
    .selectFrom('findings')
    .select(['project_id', 'severity', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('status', '=', 'open')
    .where('project_id', 'in', ids)
    .groupBy(['project_id', 'severity'])
    .execute();
  for (const r of rows) {
    const m = out.get(r.project_id) ?? {};
    m[r.severity] = Number(r.n);
    out.set(r.project_id, m);
  }
  return out;
}

/**
 * One page of a filtered list and how many the filter selects: every list route of this file pages
 * the same way (`limit`, `offset`, `{ items, total }`).
 */
async function paged<T extends 'projects' | 'scans'>(
  filtered: SelectQueryBuilder<Database, T, object>,
  order: { column: 'name' | 'id'; direction: 'asc' | 'desc' },
  page: { limit: number; offset: number },
): Promise<{ rows: Selectable<Database[T]>[]; total: number }> {
  const all = filtered as unknown as SelectQueryBuilder<Database, 'projects' | 'scans', object>;
  const [rows, count] = await Promise.all([
    all.selectAll().orderBy(order.column, order.direction).limit(page.limit).offset(page.offset).execute(),
    all.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as unknown as Selectable<Database[T]>[], total: Number(count.n) };
}

export function registerProjectRoutes(app: FastifyInstance, store: Store): void {
  route<FastifyRequest<{ Querystring: { limit: number; offset: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/projects',
    access: 'viewer',
    summary: 'projects, with open findings per severity',
    tags: ['projects'],
    schema: { querystring: PAGE_QUERY },
    handler: async (req) => {
      const { rows, total } = await paged(
        store.db.selectFrom('projects'),
        { column: 'name', direction: 'asc' },
        req.query,
      );
      const counts = await openCounts(
        store,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => ({ name: r.name, createdAt: r.created_at, open: counts.get(r.id) ?? {} })),
        total,
      };
    },
  });
  route<FastifyRequest<{ Params: { name: string } }>>(app, {
    method: 'GET',
    url: '/api/v1/projects/:name',
    access: 'viewer',
    summary: 'one project: branches, latest scans, open findings per severity',
    tags: ['projects'],
    schema: { params: NAME_PARAMS },
    handler: async (req) => {
      const p = await project(store, req.params.name);
      const branches = await store.db
        .selectFrom('scans')
        .select(['branch', (eb) => eb.fn.max('received_at').as('lastScan')])
        .where('project_id', '=', p.id)
        .groupBy('branch')
        .execute();
      return {
        name: p.name,
        createdAt: p.created_at,
        branches,
        open: (await openCounts(store, [p.id])).get(p.id) ?? {},
      };
    },
  });
  route<
    FastifyRequest<{
      Params: { name: string };
      Querystring: { branch?: string; limit: number; offset: number };
    }>
  >(app, {
    method: 'GET',
    url: '/api/v1/projects/:name/scans',
    access: 'viewer',
    summary: "a project's scans, newest first",
    tags: ['projects'],
    schema: { params: NAME_PARAMS, querystring: PAGE_QUERY },
    handler: async (req) => {
      const p = await project(store, req.params.name);
      let q = store.db.selectFrom('scans').where('project_id', '=', p.id);
      if (req.query.branch !== undefined) q = q.where('branch', '=', req.query.branch);
      const { rows, total } = await paged(q, { column: 'id', direction: 'desc' }, req.query);
      return {
        items: rows.map((s) => ({
          id: s.id,
          branch: s.branch,
          commit: s.commit_sha,
          tools: JSON.parse(s.tools) as string[],
          format: s.format,
          phase: s.phase,
          status: s.status,
          scope: JSON.parse(s.scope) as unknown,
          startedAt: s.started_at,
          receivedAt: s.received_at,
          pushedBy: s.pushed_by,
          findings: s.finding_count,
          new: s.new_count,
          fixed: s.fixed_count,
          reopened: s.reopened_count,
        })),
        total,
      };
    },
  });
  route<
    FastifyRequest<{
      Params: { name: string };
      Querystring: { branch?: string; limit: number; offset: number };
    }>
  >(app, {
    method: 'GET',
    url: '/api/v1/projects/:name/inventory',
    access: 'viewer',
    summary: 'the dependency inventory (SBOM) stored for a branch (default: the most recently updated)',
    tags: ['projects'],
    schema: { params: NAME_PARAMS, querystring: PAGE_QUERY },
    handler: async (req) => {
      const p = await project(store, req.params.name);
      let q = store.db.selectFrom('inventories').selectAll().where('project_id', '=', p.id);
      if (req.query.branch !== undefined) q = q.where('branch', '=', req.query.branch);
      const inv = await q.orderBy('updated_at', 'desc').executeTakeFirst();
      if (!inv)
        throw new VanguardError(
          'NOT_FOUND',
          `no inventory stored for ${p.name}${req.query.branch ? ` on ${req.query.branch}` : ''}`,
        );
      const components = JSON.parse(inv.components) as unknown[];
      return {
        branch: inv.branch,
        scanId: inv.scan_id,
        updatedAt: inv.updated_at,
        total: components.length,
        components: components.slice(req.query.offset, req.query.offset + req.query.limit),
        dependencies: JSON.parse(inv.dependencies) as unknown,
      };
    },
  });
}
