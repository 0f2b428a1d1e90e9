import { sql, type Kysely, type RawBuilder } from 'kysely';
import { VanguardError } from '../../core/errors.js';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { and } from './sql.js';
import type { MetricsFilters, MetricsInterval, MetricsQuery } from './types.js';

const DAY = 86_400_000;
/** The widest window a query may ask for: ten years of weeks is still a small series. */
const MAX_WINDOW_DAYS = 3660;

/** The query after defaults and name resolution: what every metric module reads. */
export interface Scope {
  filters: MetricsFilters;
  /** Project ids the project and tag filters select; undefined means every project. */
  projectIds?: number[];
  /** Each project's default branch (the only branch the metrics count), by project id. */
  defaultBranches: Map<number, string>;
  now: string;
  targetDays: number;
  dialect: Dialect;
}

const list = (s: string | undefined): string[] =>
  s === undefined || s === '' ? [] : [...new Set(s.split(',').map((v) => v.trim()))].filter(Boolean);

function time(s: string | undefined, fallback: number, what: string): number {
  if (s === undefined) return fallback;
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new VanguardError('USAGE', `${what} is not a date: ${s.slice(0, 40)}`);
  return t;
}

/** Resolves names and tags to project ids and applies the defaults (the last 365 days, by quarter). */
export async function resolveScope(
  db: Kysely<Database>,
  q: MetricsQuery,
  now = new Date(),
  dialect: Dialect = 'sqlite',
): Promise<Scope> {
  const to = time(q.to, now.getTime(), 'to');
  const from = time(q.from, to - 365 * DAY, 'from');
  if (from >= to) throw new VanguardError('USAGE', 'from must be before to');
  if (to - from > MAX_WINDOW_DAYS * DAY)
    throw new VanguardError('USAGE', `the window is limited to ${MAX_WINDOW_DAYS} days`);
  const projects = list(q.project);
  const tags = list(q.tag);
  let ids: number[] | undefined;
  if (projects.length > 0) {
    const rows = await db
      .selectFrom('projects')
      .select(['id', 'name'])
      .where('name', 'in', projects)
      .execute();
    const missing = projects.filter((p) => !rows.some((r) => r.name === p));
    if (missing.length > 0) throw new VanguardError('NOT_FOUND', `no project ${missing.join(', ')}`);
    ids = rows.map((r) => r.id);
  }
  if (tags.length > 0) {
    const rows = await db
      .selectFrom('project_tags')
      .select('project_id')
      .distinct()
      .where('tag', 'in', tags)
      .execute();
    const tagged = rows.map((r) => r.project_id);
    ids = ids === undefined ? tagged : ids.filter((id) => tagged.includes(id));
  }
  const interval: MetricsInterval = q.interval ?? 'quarter';
  const branches = await db
    .selectFrom('projects')
    .select(['id', 'default_branch'])
    .where('default_branch', 'is not', null)
    .execute();
  return {
    filters: {
      projects,
      tags,
      severities: list(q.severity),
      analyzers: list(q.analyzer),
      phases: list(q.phase),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      interval,
    },
    ...(ids !== undefined ? { projectIds: ids } : {}),
    defaultBranches: new Map(branches.map((b) => [b.id, b.default_branch!])),
    now: now.toISOString(),
    targetDays: q.mttdTargetDays ?? 1,
    dialect,
  };
}

/** The conditions every metric applies to findings: projects, severity, analyzer, phase. */
export function scopeWhere(s: Scope): RawBuilder<unknown>[] {
  const f = s.filters;
  const parts: RawBuilder<unknown>[] = [];
  // On SQLite a unary plus keeps the planner off the single-column and status indexes (which would
  // fetch every wide finding row) and on the covering metric indexes; PostgreSQL plans by statistics.
  const plus = s.dialect === 'sqlite' ? sql`+` : sql``;
  const inList = (col: string, values: readonly (string | number)[]) =>
    sql`${plus}${sql.ref(col)} in (${sql.join(values)})`;
  // No project matches the tag: the metrics of nothing, not of everything.
  if (s.projectIds !== undefined)
    parts.push(s.projectIds.length === 0 ? sql`1 = 0` : inList('project_id', s.projectIds));
  if (f.severities.length > 0) parts.push(inList('severity', f.severities));
  if (f.analyzers.length > 0) parts.push(inList('analyzer', f.analyzers));
  if (f.phases.length > 0) parts.push(inList('phase', f.phases));
  return parts;
}

/**
 * Findings on their project's default branch (for queries over `findings`; the rollup holds only
 * those): one condition per branch name, and most projects share one.
 */
export function countedBranch(s: Scope): RawBuilder<boolean> {
  const plus = s.dialect === 'sqlite' ? sql`+` : sql``;
  const byBranch = new Map<string, number[]>();
  for (const [id, branch] of s.defaultBranches)
    if (s.projectIds === undefined || s.projectIds.includes(id))
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), id]);
  if (byBranch.size === 0) return sql<boolean>`1 = 0`;
  const parts = [...byBranch].map(
    ([branch, ids]) => sql`(${plus}branch = ${branch} and ${plus}project_id in (${sql.join(ids)}))`,
  );
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Open now: status open, or accepted with an acceptance that has expired (the expiry job may not
 * have run yet; an expired acceptance protects nothing).
 */
export function openNow(s: Scope): RawBuilder<boolean> {
  return sql<boolean>`(status = 'open' or (status = 'accepted' and accepted_until is not null and accepted_until <= ${s.now}))`;
}

export { and };
