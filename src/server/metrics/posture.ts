import { sql, type Kysely, type RawBuilder } from 'kysely';
import { OWASP_2025 } from '../../core/taxonomy.js';
import { projectNames } from '../store/findings-query.js';
import type { Database } from '../store/schema.js';
import { and, countedBranch, openNow, scopeWhere, type Scope } from './scope.js';
import {
  type AgeBucket,
  type MetricsPrinciple,
  type MetricsSeverity,
  type OwaspCategory,
  type PrincipleCell,
  type PrinciplesMetric,
} from './types.js';

export const SEVERITY_ORDER: MetricsSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const PRINCIPLE_ORDER: MetricsPrinciple[] = [
  'encryption',
  'authentication',
  'logging',
  'asset-management',
  'zoning-containment',
];

/** Age buckets of open findings in days since first seen: [min, max). */
export const AGE_BUCKETS: { label: string; minDays: number; maxDays: number | null }[] = [
  { label: '0-7 days', minDays: 0, maxDays: 7 },
  { label: '7-30 days', minDays: 7, maxDays: 30 },
  { label: '30-90 days', minDays: 30, maxDays: 90 },
  { label: '90-180 days', minDays: 90, maxDays: 180 },
  { label: '180+ days', minDays: 180, maxDays: null },
];

export function bySeverity<T>(make: () => T): Record<MetricsSeverity, T> {
  return Object.fromEntries(SEVERITY_ORDER.map((s) => [s, make()])) as Record<MetricsSeverity, T>;
}

const isSeverity = (s: string): s is MetricsSeverity => (SEVERITY_ORDER as string[]).includes(s);

export interface OpenAgeAndBreaches {
  open: number;
  buckets: AgeBucket[];
  breaches: { total: number; bySeverity: Record<MetricsSeverity, number> };
}

/** Open findings of one severity, age bucket (index in AGE_BUCKETS) and lateness. */
export interface AgeRow {
  severity: string;
  age: number;
  late: boolean;
  n: number;
}

/** The age rows of the findings `which` selects (open now, by default), in one grouped query. */
export async function openAgeRows(
  db: Kysely<Database>,
  s: Scope,
  which: RawBuilder<unknown> = openNow(s),
): Promise<AgeRow[]> {
  const now = Date.parse(s.now);
  // first_seen is ISO text: the bucket edges compare as strings, no date functions needed.
  const edge = (days: number) => new Date(now - days * 86_400_000).toISOString();
  const cases = AGE_BUCKETS.slice(0, -1).map((b, i) => sql`when first_seen > ${edge(b.maxDays!)} then ${i}`);
  const where = and([which, ...scopeWhere(s), countedBranch(s)]);
  const r = await sql<
    Record<string, unknown>
  >`select severity, case ${sql.join(cases, sql` `)} else ${AGE_BUCKETS.length - 1} end as age, case when sla_due is not null and sla_due < ${s.now} then 1 else 0 end as late, count(*) as n from findings where ${where} group by 1, 2, 3`.execute(
    db,
  );
  return r.rows.map((row) => ({
    severity: String(row.severity),
    age: Number(row.age),
    late: Number(row.late) === 1,
    n: Number(row.n),
  }));
}

/** Open findings by age and by whether they are past their due date. */
export function ageAndBreaches(rows: readonly AgeRow[]): OpenAgeAndBreaches {
  const buckets: AgeBucket[] = AGE_BUCKETS.map((b) => ({ ...b, count: 0, bySeverity: bySeverity(() => 0) }));
  const breaches = { total: 0, bySeverity: bySeverity(() => 0) };
  let open = 0;
  for (const row of rows) {
    const b = buckets[row.age]!;
    open += row.n;
    b.count += row.n;
    if (isSeverity(row.severity)) b.bySeverity[row.severity] += row.n;
    if (row.late) {
      breaches.total += row.n;
      if (isSeverity(row.severity)) breaches.bySeverity[row.severity] += row.n;
    }
  }
  return { open, buckets, breaches };
}

/** Open findings by age and by whether they are past their due date, from the findings. */
export async function openAgeAndBreaches(db: Kysely<Database>, s: Scope): Promise<OpenAgeAndBreaches> {
  return ageAndBreaches(await openAgeRows(db, s));
}

function emptyCell(): PrincipleCell {
  return { open: 0, bySeverity: bySeverity(() => 0), worst: null };
}

function addTo(cell: PrincipleCell, sev: string, n: number): void {
  cell.open += n;
  if (!isSeverity(sev)) return;
  cell.bySeverity[sev] += n;
  if (cell.worst === null || SEVERITY_ORDER.indexOf(sev) < SEVERITY_ORDER.indexOf(cell.worst))
    cell.worst = sev;
}

function parseList(text: string, cache: Map<string, string[]>): string[] {
  let v = cache.get(text);
  if (!v) {
    try {
      const parsed: unknown = JSON.parse(text);
      v = Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      v = [];
    }
    cache.set(text, v);
  }
  return v;
}

/** Open findings of one project and severity with the same principles and OWASP categories. */
export interface PostureRow {
  projectId: number;
  severity: string;
  principles: readonly string[];
  owasp: readonly string[];
  n: number;
}

/**
 * The posture rows of the findings `which` selects (open now, by default): one query grouped by
 * project, severity and the stored lists; the distinct lists are few (they come from rules), so the
 * rows returned stay in the thousands over a million findings.
 */
export async function postureRows(
  db: Kysely<Database>,
  s: Scope,
  which: RawBuilder<unknown> = openNow(s),
): Promise<PostureRow[]> {
  const where = and([which, ...scopeWhere(s), countedBranch(s)]);
  const r = await sql<
    Record<string, unknown>
  >`select project_id, severity, principles, owasp, count(*) as n from findings where ${where} group by 1, 2, 3, 4`.execute(
    db,
  );
  const cache = new Map<string, string[]>();
  return r.rows.map((row) => ({
    projectId: Number(row.project_id),
    severity: String(row.severity),
    principles: parseList(String(row.principles), cache),
    owasp: parseList(String(row.owasp), cache),
    n: Number(row.n),
  }));
}

/** The posture map (open findings per principle per project) and OWASP Top 10 exposure. */
export async function postureOf(
  db: Kysely<Database>,
  rows: readonly PostureRow[],
): Promise<{ principles: PrinciplesMetric; owasp: OwaspCategory[] }> {
  const perProject = new Map<number, Record<MetricsPrinciple, PrincipleCell>>();
  const totals = Object.fromEntries(PRINCIPLE_ORDER.map((p) => [p, emptyCell()])) as Record<
    MetricsPrinciple,
    PrincipleCell
  >;
  const owaspIds = Object.keys(OWASP_2025) as (keyof typeof OWASP_2025)[];
  const owasp = new Map(
    owaspIds.map((id) => [id, { cell: emptyCell(), projects: new Set<number>() }] as const),
  );
  for (const row of rows) {
    const pid = row.projectId;
    for (const p of row.principles) {
      if (!(PRINCIPLE_ORDER as string[]).includes(p)) continue;
      let cells = perProject.get(pid);
      if (!cells) {
        cells = Object.fromEntries(PRINCIPLE_ORDER.map((x) => [x, emptyCell()])) as Record<
          MetricsPrinciple,
          PrincipleCell
        >;
        perProject.set(pid, cells);
      }
      addTo(cells[p as MetricsPrinciple], row.severity, row.n);
      addTo(totals[p as MetricsPrinciple], row.severity, row.n);
    }
    for (const o of row.owasp) {
      const e = owasp.get(o as keyof typeof OWASP_2025);
      if (!e) continue;
      addTo(e.cell, row.severity, row.n);
      e.projects.add(pid);
    }
  }
  const names = await projectNames(db, [...perProject.keys()]);
  const projects = [...perProject.entries()]
    .map(([id, cells]) => ({ project: names.get(id) ?? String(id), cells }))
    .sort((a, b) => a.project.localeCompare(b.project));
  return {
    principles: { principles: PRINCIPLE_ORDER, projects, totals },
    owasp: owaspIds.map((id) => {
      const e = owasp.get(id)!;
      return {
        id,
        name: OWASP_2025[id],
        open: e.cell.open,
        bySeverity: e.cell.bySeverity,
        projects: e.projects.size,
      };
    }),
  };
}

/** The posture map and OWASP exposure, from the findings. */
export async function principlesAndOwasp(
  db: Kysely<Database>,
  s: Scope,
): Promise<{ principles: PrinciplesMetric; owasp: OwaspCategory[] }> {
  return postureOf(db, await postureRows(db, s));
}
