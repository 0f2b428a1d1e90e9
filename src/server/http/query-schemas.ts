import { PHASES, PRINCIPLES, SEVERITIES } from '../../core/finding.js';
import { OWASP_2025 } from '../../core/taxonomy.js';

export const FINDING_STATUSES = ['open', 'fixed', 'accepted', 'false-positive', 'not-affected'] as const;

const csv = (values: readonly string[]) => ({
  type: 'string',
  maxLength: 500,
  pattern: `^(${values.map((v) => v.replace(/[.+]/g, '\\$&')).join('|')})(,(${values.map((v) => v.replace(/[.+]/g, '\\$&')).join('|')}))*$`,
});

/** Query parameters of the findings lists: validated by schema, so a typo is a 400, not an empty page. */
export const FINDINGS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    project: { type: 'string', maxLength: 100 },
    branch: { type: 'string', maxLength: 200 },
    status: csv(FINDING_STATUSES),
    severity: csv(SEVERITIES),
    analyzer: { type: 'string', maxLength: 200, pattern: '^[a-z-]+(,[a-z-]+)*$' },
    tool: { type: 'string', pattern: '^[A-Za-z0-9.:+-]{1,100}$' },
    rule: { type: 'string', maxLength: 300 },
    principle: { type: 'string', enum: [...PRINCIPLES] },
    owasp: { type: 'string', enum: Object.keys(OWASP_2025) },
    phase: csv(PHASES),
    q: { type: 'string', maxLength: 200 },
    detectedBy: { type: 'string', enum: ['scan', 'rematch'] },
    sort: { type: 'string', enum: ['newest', 'oldest', 'due', 'severity'], default: 'newest' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
    after: { type: 'integer', minimum: 0, description: 'keyset paging: the nextAfter of the previous page' },
  },
} as const;

export interface FindingsQuery {
  project?: string;
  branch?: string;
  status?: string;
  severity?: string;
  analyzer?: string;
  tool?: string;
  rule?: string;
  principle?: string;
  owasp?: string;
  phase?: string;
  q?: string;
  detectedBy?: string;
  sort: 'newest' | 'oldest' | 'due' | 'severity';
  limit: number;
  offset: number;
  after?: number;
}

export const NAME_PARAMS = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', maxLength: 100 } },
} as const;

export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const PAGE_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    branch: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
} as const;
