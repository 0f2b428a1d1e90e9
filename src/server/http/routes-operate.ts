import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../auth/accounts.js';
import { actorOf } from '../auth/roles.js';
import { RULE_KEYS, ruleKeys, type RoutingFacts, type RuleKey } from '../operate/facts.js';
import { assignDetection, recordDetection } from '../operate/record.js';
import { parseAnomalyReport } from '../operate/report.js';
import { addRoutingRule, listRoutingRules, removeRoutingRule } from '../operate/rules.js';
import type { Store } from '../store/open.js';
import type { Obj } from '../ingest/check.js';
import { ID_PARAMS } from './query-schemas.js';
import { HttpError, principalOf, route } from './route.js';

const HOUR = 3_600_000;

/** Reports per user per hour unless the server is told otherwise. */
export const DEFAULT_REPORTS_PER_HOUR = 20;

/** Seconds until the reporter may send again, or 0 when under the limit. */
async function retryAfter(store: Store, reporter: string, perHour: number, now: number): Promise<number> {
  const recent = await store.db
    .selectFrom('detections')
    .select('received_at')
    .where('reporter', '=', reporter)
    .where('received_at', '>', new Date(now - HOUR).toISOString())
    .orderBy('received_at', 'asc')
    .limit(perHour)
    .execute();
  if (recent.length < perHour) return 0;
  return Math.max(1, Math.ceil((Date.parse(recent[0]!.received_at) + HOUR - now) / 1000));
}

/** Files an anomaly report from a person (called by `POST /api/v1/reports` for report-shaped bodies). */
export async function fileAnomalyReport(
  store: Store,
  req: FastifyRequest,
  reply: FastifyReply,
  body: Obj,
  perHour: number,
): Promise<unknown> {
  const p = principalOf(req);
  if (p.kind !== 'user')
    throw new HttpError(403, 'FORBIDDEN', 'anomaly reports come from people: use a user token or log in');
  const reporter = actorOf(p);
  const wait = await retryAfter(store, reporter, perHour, Date.now());
  if (wait > 0) {
    await audit(
      store.db,
      reporter,
      'report.refused',
      `user:${p.name}`,
      { reason: 'rate limit', perHour },
      req.ip,
    );
    void reply.header('retry-after', String(wait));
    throw new HttpError(429, 'RATE_LIMITED', `at most ${perHour} reports an hour; try again in ${wait} s`);
  }
  const detection = parseAnomalyReport(body, reporter);
  if (detection.facts.project !== undefined) {
    const exists = await store.db
      .selectFrom('projects')
      .select('id')
      .where('name', '=', detection.facts.project)
      .executeTakeFirst();
    if (!exists) throw new HttpError(400, 'BAD_REQUEST', `project: no project ${detection.facts.project}`);
  }
  const out = await recordDetection(store, detection, reporter);
  await audit(
    store.db,
    reporter,
    'report.create',
    `detection:${out.detectionId}`,
    { severity: detection.severity, status: out.status, project: out.project, finding: out.findingId },
    req.ip,
  );
  return reply.code(201).send({
    id: out.detectionId,
    status: out.status,
    project: out.project,
    findingId: out.findingId,
    route: out.route,
  });
}

function reportView(r: {
  id: number;
  payload: string;
  title: string;
  severity: string;
  occurred_at: string;
  received_at: string;
  status: string;
  project: string | null;
  finding_id: number | null;
  finding_status: string | null;
  finding_reason: string | null;
}) {
  let what = r.title;
  let where = '';
  try {
    const doc = JSON.parse(r.payload) as { what?: unknown; where?: unknown };
    if (typeof doc.what === 'string') what = doc.what;
    if (typeof doc.where === 'string') where = doc.where;
  } catch {
    // A payload cut at the size bound is no longer JSON; the title still says what it was.
  }
  return {
    id: r.id,
    what,
    where,
    severity: r.severity,
    when: r.occurred_at,
    receivedAt: r.received_at,
    routing: r.status,
    project: r.project,
    finding:
      r.finding_id === null ? null : { id: r.finding_id, status: r.finding_status, reason: r.finding_reason },
  };
}

function detectionView(r: {
  id: number;
  source: string;
  title: string;
  severity: string;
  confidence: string;
  facts: string;
  count: number;
  first_at: string;
  last_at: string;
  received_at: string;
  status: string;
  route: string | null;
  reporter: string | null;
  resolved_at: string | null;
}) {
  const facts = JSON.parse(r.facts) as RoutingFacts;
  return {
    id: r.id,
    source: r.source,
    title: r.title,
    severity: r.severity,
    confidence: r.confidence,
    facts,
    count: r.count,
    firstAt: r.first_at,
    lastAt: r.last_at,
    receivedAt: r.received_at,
    resolvedAt: r.resolved_at,
    status: r.status,
    note: r.route,
    reporter: r.reporter,
    /** What a routing rule could be saved under, most specific first. */
    ruleKeys: ruleKeys(facts),
  };
}

const PAGE = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
  },
} as const;

const DETECTION_COLUMNS = [
  'detections.id',
  'source',
  'title',
  'severity',
  'confidence',
  'facts',
  'count',
  'first_at',
  'last_at',
  'received_at',
  'detections.status',
  'route',
  'reporter',
  'resolved_at',
] as const;

async function projectIdOf(store: Store, name: string): Promise<number> {
  const p = await store.db.selectFrom('projects').select('id').where('name', '=', name).executeTakeFirst();
  if (!p) throw new HttpError(400, 'BAD_REQUEST', `project: no project ${name}`);
  return p.id;
}

function actor(req: FastifyRequest): string {
  return actorOf(principalOf(req));
}

export function registerOperateRoutes(app: FastifyInstance, store: Store): void {
  route<FastifyRequest<{ Querystring: { limit: number; offset: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/reports/mine',
    access: 'reporter',
    summary: 'the anomaly reports I filed and what happened to each (routing, finding status)',
    tags: ['operate'],
    schema: { querystring: PAGE },
    handler: async (req) => {
      const rows = await store.db
        .selectFrom('detections')
        .leftJoin('projects', 'projects.id', 'detections.project_id')
        .leftJoin('findings', 'findings.id', 'detections.finding_id')
        .select([
          'detections.id',
          'detections.payload',
          'detections.title',
          'detections.severity',
          'detections.occurred_at',
          'detections.received_at',
          'detections.status',
          'projects.name as project',
          'detections.finding_id',
          'findings.status as finding_status',
          'findings.status_reason as finding_reason',
        ])
        .where('detections.reporter', '=', actor(req))
        .orderBy('detections.id', 'desc')
        .limit(req.query.limit)
        .offset(req.query.offset)
        .execute();
      return { items: rows.map(reportView) };
    },
  });

  route<FastifyRequest<{ Querystring: { limit: number; offset: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/detections/unrouted',
    access: 'viewer',
    summary:
      'runtime detections and reports that no project claims (or that several claim equally), newest first',
    tags: ['operate'],
    schema: { querystring: PAGE },
    handler: async (req) => {
      const base = store.db.selectFrom('detections').where('status', 'in', ['unrouted', 'ambiguous']);
      const [rows, total] = await Promise.all([
        base
          .select([...DETECTION_COLUMNS])
          .orderBy('detections.id', 'desc')
          .limit(req.query.limit)
          .offset(req.query.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(detectionView), total: Number(total.n) };
    },
  });

  route<FastifyRequest<{ Params: { id: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/detections/:id',
    access: 'viewer',
    summary: 'one detection with its raw payload (the audit trail), routing and finding',
    tags: ['operate'],
    schema: { params: ID_PARAMS },
    handler: async (req) => {
      const r = await store.db
        .selectFrom('detections')
        .leftJoin('projects', 'projects.id', 'detections.project_id')
        .select([
          ...DETECTION_COLUMNS,
          'payload',
          'projects.name as project',
          'branch',
          'finding_id',
          'hook_id',
        ])
        .where('detections.id', '=', req.params.id)
        .executeTakeFirst();
      if (!r) throw new HttpError(404, 'NOT_FOUND', `no detection ${req.params.id}`);
      return {
        ...detectionView(r),
        project: r.project,
        branch: r.branch,
        findingId: r.finding_id,
        hook: r.hook_id,
        payload: r.payload,
      };
    },
  });

  route<FastifyRequest<{ Params: { id: number }; Body: { project: string; saveRule?: RuleKey } }>>(app, {
    method: 'POST',
    url: '/api/v1/detections/:id/assign',
    access: 'admin',
    summary:
      'assign a waiting detection to a project (its finding opens there); saveRule maps its key to the project for later detections',
    tags: ['operate'],
    schema: {
      params: ID_PARAMS,
      body: {
        type: 'object',
        required: ['project'],
        additionalProperties: false,
        properties: {
          project: { type: 'string', minLength: 1, maxLength: 100 },
          saveRule: { type: 'string', enum: [...RULE_KEYS] },
        },
      },
    },
    handler: async (req) => {
      const who = actor(req);
      const projectId = await projectIdOf(store, req.body.project);
      const det = await store.db
        .selectFrom('detections')
        .select(['facts', 'status'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!det) throw new HttpError(404, 'NOT_FOUND', `no detection ${req.params.id}`);
      if (det.status === 'routed')
        throw new HttpError(409, 'CONFLICT', `detection ${req.params.id} is already routed`);
      let keyValue: { key: RuleKey; value: string } | undefined;
      if (req.body.saveRule !== undefined) {
        keyValue = ruleKeys(JSON.parse(det.facts) as RoutingFacts).find((k) => k.key === req.body.saveRule);
        if (!keyValue)
          throw new HttpError(
            400,
            'BAD_REQUEST',
            `saveRule: the detection has no ${req.body.saveRule} to map`,
          );
      }
      const done = await assignDetection(store, req.params.id, projectId, req.body.project, who);
      if (!done) throw new HttpError(409, 'CONFLICT', `detection ${req.params.id} is already routed`);
      await audit(
        store.db,
        who,
        'detection.assign',
        `detection:${req.params.id}`,
        { project: req.body.project, finding: done.findingId },
        req.ip,
      );
      const rule = keyValue
        ? await addRoutingRule(store.db, keyValue.key, keyValue.value, projectId, who)
        : undefined;
      return {
        id: req.params.id,
        project: req.body.project,
        branch: done.branch,
        findingId: done.findingId,
        rule: rule ?? null,
      };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/routing-rules',
    access: 'viewer',
    summary: 'the active routing rules (detection key → project)',
    tags: ['operate'],
    handler: async () => ({ items: await listRoutingRules(store.db) }),
  });

  route<FastifyRequest<{ Body: { key: RuleKey; value: string; project: string } }>>(app, {
    method: 'POST',
    url: '/api/v1/routing-rules',
    access: 'admin',
    summary: 'route later detections with this key (image, asset, app, pod, namespace, host) to a project',
    tags: ['operate'],
    schema: {
      body: {
        type: 'object',
        required: ['key', 'value', 'project'],
        additionalProperties: false,
        properties: {
          key: { type: 'string', enum: [...RULE_KEYS] },
          value: { type: 'string', minLength: 1, maxLength: 300 },
          project: { type: 'string', minLength: 1, maxLength: 100 },
        },
      },
    },
    handler: async (req, reply) => {
      const projectId = await projectIdOf(store, req.body.project);
      const r = await addRoutingRule(store.db, req.body.key, req.body.value, projectId, actor(req));
      return reply.code(201).send({ ...r, project: req.body.project });
    },
  });

  route<FastifyRequest<{ Params: { id: number } }>>(app, {
    method: 'DELETE',
    url: '/api/v1/routing-rules/:id',
    access: 'admin',
    summary: 'remove a routing rule (kept in the audit log)',
    tags: ['operate'],
    schema: { params: ID_PARAMS },
    handler: async (req, reply) => {
      if (!(await removeRoutingRule(store.db, req.params.id, actor(req))))
        throw new HttpError(404, 'NOT_FOUND', `no active routing rule ${req.params.id}`);
      return reply.code(204).send();
    },
  });
}
