import { sql, type Kysely, type RawBuilder } from 'kysely';
import { OWASP_BITS, PRINCIPLE_BITS } from '../store/labels.js';
import type { Database } from '../store/schema.js';
import {
  AGE_BUCKETS,
  ageAndBreaches,
  openAgeAndBreaches,
  openAgeRows,
  postureOf,
  postureRows,
  principlesAndOwasp,
  type AgeRow,
  type OpenAgeAndBreaches,
  type PostureRow,
} from './posture.js';
import { KIND_OPEN_AGE, KIND_OPEN_AGE_PROJECT, KIND_OPEN_OWASP, KIND_OPEN_POSTURE } from './rollup.js';
import { and, scopeWhere, type Scope } from './scope.js';
import type { OwaspCategory, PrinciplesMetric } from './types.js';

const DAY_MS = 86_400_000;

export interface OpenState {
  age: OpenAgeAndBreaches;
  posture: { principles: PrinciplesMetric; owasp: OwaspCategory[] };
}

const nameOf = (bits: Record<string, number>) => new Map(Object.entries(bits).map(([k, b]) => [b, k]));
const PRINCIPLE_NAMES = nameOf(PRINCIPLE_BITS);
const OWASP_NAMES = nameOf(OWASP_BITS);

const iso = (t: number) => new Date(t).toISOString();

/**
 * Accepted findings whose acceptance has expired: open for the metrics, and never in the rollup. The
 * server's expiry sweep (at start and every ten minutes) reopens them, so on a running server these
 * are the few that expired since the last sweep; the index on status and expiry finds just those.
 */
function expiredAcceptance(s: Scope): RawBuilder<unknown> {
  return sql`(status = 'accepted' and accepted_until is not null and accepted_until <= ${s.now})`;
}

async function rollupRows(db: Kysely<Database>, s: Scope, kind: number, cols: RawBuilder<unknown>) {
  // The kind as a literal and the projects also without scopeWhere's unary plus: the index of the
  // projects' ages (migration 13) is partial, for that kind, and both stores match it only so.
  const projects =
    kind === KIND_OPEN_AGE_PROJECT && s.projectIds !== undefined && s.projectIds.length > 0
      ? [sql`project_id in (${sql.join(s.projectIds)})`]
      : [];
  const where = and([sql`kind = ${sql.lit(kind)}`, ...projects, ...scopeWhere(s)]);
  // Rows whose findings have all moved on keep n = 0: no open finding, and no project with one.
  const r = await sql<
    Record<string, unknown>
  >`select ${cols}, sum(n) as n from metric_rollup where ${where} group by ${cols} having sum(n) <> 0`.execute(
    db,
  );
  return r.rows;
}

/** The age bucket of a time, as posture.ts openAgeRows computes it in SQL. */
function ageIndex(t: number, now: number): number {
  for (const [i, b] of AGE_BUCKETS.slice(0, -1).entries()) if (t > now - b.maxDays! * DAY_MS) return i;
  return AGE_BUCKETS.length - 1;
}

/**
 * Open findings by age and lateness: the rollup counts them per day first seen and day due, so a day
 * lies wholly in one age bucket and wholly before or after now, except the few days an edge falls
 * in (the age edges, today for the due dates); those days are counted from the findings.
 */
async function ageFromRollup(db: Kysely<Database>, s: Scope): Promise<AgeRow[]> {
  const now = Date.parse(s.now);
  // A project or tag filter reads the projects' rows (scopeWhere selects them), else the organisation's.
  const kind = s.projectIds === undefined ? KIND_OPEN_AGE : KIND_OPEN_AGE_PROJECT;
  const rows = await rollupRows(db, s, kind, sql`day, bucket, severity`);
  const out: AgeRow[] = [];
  const splitFirst = new Set<number>();
  const splitDue = new Set<number>();
  for (const r of rows) {
    const day = Number(r.day);
    const due = Number(r.bucket);
    const age = ageIndex(day * DAY_MS, now);
    if (age !== ageIndex((day + 1) * DAY_MS - 1, now)) {
      splitFirst.add(day);
      continue;
    }
    if (due >= 0 && due * DAY_MS < now && (due + 1) * DAY_MS - 1 >= now) {
      splitDue.add(due);
      continue;
    }
    out.push({ severity: String(r.severity), age, late: due >= 0 && due * DAY_MS < now, n: Number(r.n) });
  }
  const inDay = (col: string, day: number) =>
    sql`(${sql.ref(col)} >= ${iso(day * DAY_MS)} and ${sql.ref(col)} < ${iso((day + 1) * DAY_MS)})`;
  // `+status` on SQLite: the first-seen index, not the status one, finds a day's findings.
  const plus = s.dialect === 'sqlite' ? sql`+` : sql``;
  const parts = [...splitFirst].map((d) =>
    openAgeRows(db, s, sql`${plus}status = 'open' and ${inDay('first_seen', d)}`),
  );
  const notSplit =
    splitFirst.size === 0
      ? sql`1 = 1`
      : sql`not (${sql.join(
          [...splitFirst].map((d) => inDay('first_seen', d)),
          sql` or `,
        )})`;
  for (const d of splitDue)
    parts.push(openAgeRows(db, s, sql`status = 'open' and ${inDay('sla_due', d)} and ${notSplit}`));
  parts.push(openAgeRows(db, s, expiredAcceptance(s)));
  for (const p of await Promise.all(parts)) out.push(...p);
  return out;
}

/** The posture rows: open findings per label from the rollup, expired acceptances from the findings. */
async function postureFromRollup(db: Kysely<Database>, s: Scope): Promise<PostureRow[]> {
  const cols = sql`project_id, severity, bucket`;
  const [principles, owasp, expired] = await Promise.all([
    rollupRows(db, s, KIND_OPEN_POSTURE, cols),
    rollupRows(db, s, KIND_OPEN_OWASP, cols),
    postureRows(db, s, expiredAcceptance(s)),
  ]);
  const row = (r: Record<string, unknown>, names: Map<number, string>, principle: boolean): PostureRow => {
    const label = names.get(Number(r.bucket));
    const labels = label === undefined ? [] : [label];
    return {
      projectId: Number(r.project_id),
      severity: String(r.severity),
      principles: principle ? labels : [],
      owasp: principle ? [] : labels,
      n: Number(r.n),
    };
  };
  return [
    ...principles.map((r) => row(r, PRINCIPLE_NAMES, true)),
    ...owasp.map((r) => row(r, OWASP_NAMES, false)),
    ...expired,
  ];
}

/**
 * What is open now: ages, breaches and the posture map. From the rollup when the query selects no
 * analyzer or phase (the rollup has neither; it holds both per project). Otherwise from the findings.
 */
export async function openState(db: Kysely<Database>, s: Scope): Promise<OpenState> {
  const f = s.filters;
  if (f.analyzers.length > 0 || f.phases.length > 0) {
    const [age, posture] = await Promise.all([openAgeAndBreaches(db, s), principlesAndOwasp(db, s)]);
    return { age, posture };
  }
  const [age, posture] = await Promise.all([
    ageFromRollup(db, s).then(ageAndBreaches),
    postureFromRollup(db, s).then((rows) => postureOf(db, rows)),
  ]);
  return { age, posture };
}
