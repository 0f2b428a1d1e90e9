import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PHASES, SEVERITIES } from '../../core/finding.js';
import type { MetricsCache } from '../metrics/cache.js';
import { listSnapshots } from '../metrics/snapshots.js';
import { setProjectTags, TAG_PATTERN } from '../metrics/tags.js';
import type { MetricsQuery } from '../metrics/types.js';
import type { Store } from '../store/open.js';
import { NAME_PARAMS } from './query-schemas.js';
import { principalOf, route } from './route.js';

const csv = (values: readonly string[]) => ({
  type: 'string',
  maxLength: 500,
  pattern: `^(${values.join('|')})(,(${values.join('|')}))*$`,
});
const DATE = {
  type: 'string',
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$',
};

/** The metrics query: every filter validated, so a typo is a 400 and not a silently empty answer. */
export const METRICS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    project: { type: 'string', maxLength: 2000 },
    tag: { type: 'string', maxLength: 1000, pattern: `^${TAG_PATTERN}(,${TAG_PATTERN})*$` },
    severity: csv(SEVERITIES),
    analyzer: { type: 'string', maxLength: 200, pattern: '^[a-z-]+(,[a-z-]+)*$' },
    phase: csv(PHASES),
    from: DATE,
    to: DATE,
    interval: { type: 'string', enum: ['week', 'month', 'quarter'] },
    mttdTargetDays: { type: 'number', exclusiveMinimum: 0, maximum: 3650 },
  },
} as const;

export function registerMetricsRoutes(app: FastifyInstance, store: Store, cache: MetricsCache): void {
  route<FastifyRequest<{ Querystring: MetricsQuery }>>(app, {
    method: 'GET',
    url: '/api/v1/metrics',
    access: 'viewer',
    summary: 'outcome metrics (MTTD, MTTR, SLA, phases and cost, escape rate, principles, OWASP), filtered',
    tags: ['metrics'],
    schema: { querystring: METRICS_QUERY },
    handler: async (req) => cache.get(req.query),
  });
  route<FastifyRequest<{ Querystring: { from?: string; to?: string } }>>(app, {
    method: 'GET',
    url: '/api/v1/metrics/snapshots',
    access: 'viewer',
    summary: 'the daily metric snapshots (append-only history), oldest first',
    tags: ['metrics'],
    schema: {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { from: DATE, to: DATE },
      },
    },
    handler: async (req) => ({ items: await listSnapshots(store.db, req.query.from, req.query.to) }),
  });
  route<FastifyRequest<{ Params: { name: string }; Body: { tags: string[] } }>>(app, {
    method: 'PUT',
    url: '/api/v1/projects/:name/tags',
    access: 'member',
    summary: "replace a project's tags (metrics filter by tag)",
    tags: ['projects'],
    schema: {
      params: NAME_PARAMS,
      body: {
        type: 'object',
        required: ['tags'],
        additionalProperties: false,
        properties: {
          tags: { type: 'array', maxItems: 50, items: { type: 'string', pattern: `^${TAG_PATTERN}$` } },
        },
      },
    },
    handler: async (req) => {
      const tags = await setProjectTags(store.db, req.params.name, req.body.tags, principalOf(req));
      // Tags change what a tag filter selects without changing any finding: answers go.
      cache.clear();
      return { project: req.params.name, tags };
    },
  });
}
