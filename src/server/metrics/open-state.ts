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
import {
  KIND_ACCEPTED_AGE,
  KIND_ACCEPTED_DUE,
  KIND_ACCEPTED_OWASP,
  KIND_ACCEPTED_POSTURE,
  KIND_OPEN_AGE,
  KIND_OPEN_OWASP,
  KIND_OPEN_POSTURE,
} from './rollup.js';
import { and, openNow, scopeWhere, type Scope } from './scope.js';
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
 * Where "now" falls among the days acceptances expire on: the rollup counts an accepted finding by
 * that day, so every day up to `lastWhole` has wholly expired (those findings are open for the
 * metrics), and `split` (today, unless now is the day's last millisecond) has partly; its findings
 * come from the findings table.
 */
function expiryDays(s: Scope): { lastWhole: number; split: RawBuilder<unknown> | undefined } {
  const now = Date.parse(s.now);
  const lastWhole = Math.floor((now + 1) / DAY_MS) - 1;
  const split = lastWhole + 1;
  return {
    lastWhole,
    split:
      split * DAY_MS <= now
        ? sql`(status = 'accepted' and accepted_until >= ${iso(split * DAY_MS)} and accepted_until <= ${s.now})`
        : undefined,
  };
}

async function rollupRows(
  db: Kysely<Database>,
  s: Scope,
  kind: number,
  cols: RawBuilder<unknown>,
  where: RawBuilder<unknown> = sql`1 = 1`,
) {
  const cond = and([sql`kind = ${kind}`, where, ...scopeWhere(s)]);
  // Rows whose findings all moved away keep n = 0: not an open finding, and not a project with one.
  const r = await sql<
    Record<string, unknown>
  >`select ${cols}, sum(n) as n from metric_rollup where ${cond} group by ${cols} having sum(n) <> 0`.execute(
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
 * Open findings by age and lateness. The rollup counts them per day first seen and per day due, and
 * accepted findings per day their acceptance expires; a day lies wholly in one age bucket, wholly
 * before or after now, except the few days an edge falls in (the age edges, today for due dates and
 * expiries): those are counted from the findings. Ages and lateness are counted apart (the response
 * never crosses them), so a finding on an edge day of one is still read from the rollup for the other.
 */
async function ageFromRollup(db: Kysely<Database>, s: Scope): Promise<AgeRow[]> {
  const now = Date.parse(s.now);
  const expiry = expiryDays(s);
  const expired = sql`day <= ${expiry.lastWhole}`;
  const [open, acceptedAge, acceptedDue] = await Promise.all([
    rollupRows(db, s, KIND_OPEN_AGE, sql`day, bucket, severity`),
    rollupRows(db, s, KIND_ACCEPTED_AGE, sql`bucket, severity`, expired),
    rollupRows(db, s, KIND_ACCEPTED_DUE, sql`bucket, severity`, expired),
  ]);
  const out: AgeRow[] = [];
  const splitFirst = new Set<number>();
  const splitDue = new Set<number>();
  const byFirst = (day: number, severity: string, n: number) => {
    const age = ageIndex(day * DAY_MS, now);
    if (age !== ageIndex((day + 1) * DAY_MS - 1, now)) splitFirst.add(day);
    else out.push({ severity, age, late: false, n });
  };
  const byDue = (due: number, severity: string, n: number) => {
    if (due < 0 || due * DAY_MS >= now) return;
    if ((due + 1) * DAY_MS - 1 >= now) splitDue.add(due);
    else out.push({ severity, age: null, late: true, n });
  };
  for (const r of open) {
    byFirst(Number(r.day), String(r.severity), Number(r.n));
    byDue(Number(r.bucket), String(r.severity), Number(r.n));
  }
  for (const r of acceptedAge) byFirst(Number(r.bucket), String(r.severity), Number(r.n));
  for (const r of acceptedDue) byDue(Number(r.bucket), String(r.severity), Number(r.n));
  const inDays = (col: string, days: Set<number>) =>
    sql`(${sql.join(
      [...days].map(
        (d) => sql`(${sql.ref(col)} >= ${iso(d * DAY_MS)} and ${sql.ref(col)} < ${iso((d + 1) * DAY_MS)})`,
      ),
      sql` or `,
    )})`;
  const ageOnly = (rows: AgeRow[]) => rows.map((r) => ({ ...r, late: false }));
  const lateOnly = (rows: AgeRow[]) => rows.map((r) => ({ ...r, age: null }));
  const parts: Promise<AgeRow[]>[] = [];
  if (splitFirst.size > 0)
    parts.push(openAgeRows(db, s, sql`${openNow(s)} and ${inDays('first_seen', splitFirst)}`).then(ageOnly));
  if (splitDue.size > 0)
    parts.push(openAgeRows(db, s, sql`${openNow(s)} and ${inDays('sla_due', splitDue)}`).then(lateOnly));
  if (expiry.split) {
    const notIn = (col: string, days: Set<number>) =>
      days.size === 0 ? sql`1 = 1` : sql`not ${inDays(col, days)}`;
    parts.push(
      openAgeRows(db, s, sql`${expiry.split} and ${notIn('first_seen', splitFirst)}`).then(ageOnly),
      openAgeRows(db, s, sql`${expiry.split} and ${notIn('sla_due', splitDue)}`).then(lateOnly),
    );
  }
  for (const p of await Promise.all(parts)) out.push(...p);
  return out;
}

/** The posture rows: open findings and wholly expired acceptances from the rollup, today's from the findings. */
async function postureFromRollup(db: Kysely<Database>, s: Scope): Promise<PostureRow[]> {
  const expiry = expiryDays(s);
  const cols = sql`project_id, severity, bucket`;
  const expired = sql`day <= ${expiry.lastWhole}`;
  const [principles, acceptedPrinciples, owasp, acceptedOwasp, today] = await Promise.all([
    rollupRows(db, s, KIND_OPEN_POSTURE, cols),
    rollupRows(db, s, KIND_ACCEPTED_POSTURE, cols, expired),
    rollupRows(db, s, KIND_OPEN_OWASP, cols),
    rollupRows(db, s, KIND_ACCEPTED_OWASP, cols, expired),
    expiry.split ? postureRows(db, s, expiry.split) : Promise.resolve([]),
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
    ...[...principles, ...acceptedPrinciples].map((r) => row(r, PRINCIPLE_NAMES, true)),
    ...[...owasp, ...acceptedOwasp].map((r) => row(r, OWASP_NAMES, false)),
    ...today,
  ];
}

/**
 * What is open now: ages, breaches and the posture map. From the rollup when the query selects no
 * project, tag, analyzer or phase (the rollup has no analyzer or phase, and ages org-wide); otherwise
 * from the findings.
 */
export async function openState(db: Kysely<Database>, s: Scope): Promise<OpenState> {
  const f = s.filters;
  if (s.projectIds !== undefined || f.analyzers.length > 0 || f.phases.length > 0) {
    const [age, posture] = await Promise.all([openAgeAndBreaches(db, s), principlesAndOwasp(db, s)]);
    return { age, posture };
  }
  const [age, posture] = await Promise.all([ageFromRollup(db, s), postureFromRollup(db, s)]);
  return { age: ageAndBreaches(age), posture: await postureOf(db, posture) };
}
