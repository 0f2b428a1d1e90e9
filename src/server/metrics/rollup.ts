import { sql, type Transaction } from 'kysely';
import { bulkRows } from '../store/bulk.js';
import type { Dialect } from '../store/migrations.js';
import type { Database, FindingRow, MetricRollupTable, NewFinding } from '../store/schema.js';
import { chunks } from '../store/util.js';
import { bandOf } from './bands.js';

/**
 * The columns of a finding the rollup reads. Every write path that changes one of them passes the
 * row before and after the change here, in the same transaction, so the rollup never drifts.
 */
export type RollupSource = Pick<
  FindingRow,
  | 'project_id'
  | 'branch'
  | 'severity'
  | 'analyzer'
  | 'phase'
  | 'status'
  | 'introduced_at'
  | 'first_seen'
  | 'fixed_at'
  | 'sla_due'
  | 'principle_mask'
  | 'owasp_mask'
>;

/** The columns to select from `findings` to build a RollupSource (for write paths that read few columns). */
export const ROLLUP_COLUMNS = [
  'project_id',
  'branch',
  'severity',
  'analyzer',
  'phase',
  'status',
  'introduced_at',
  'first_seen',
  'fixed_at',
  'sla_due',
  'principle_mask',
  'owasp_mask',
] as const;

/** The rollup's view of a row about to be written (optional columns absent mean null). */
export function sourceOf(r: NewFinding): RollupSource {
  return {
    project_id: r.project_id,
    branch: r.branch,
    severity: r.severity,
    analyzer: r.analyzer,
    phase: r.phase,
    status: r.status,
    introduced_at: r.introduced_at ?? null,
    first_seen: r.first_seen,
    fixed_at: r.fixed_at ?? null,
    sla_due: r.sla_due ?? null,
    principle_mask: r.principle_mask ?? 0,
    owasp_mask: r.owasp_mask ?? 0,
  };
}

/** Time to detect of the findings first seen in a month, by severity: the histogram of the medians. */
export const KIND_DETECTED = 0;
/** Time to remediate and SLA of the findings closed in a month, by severity. */
export const KIND_FIXED = 1;
/** Findings first seen in a month by severity and phase; `bucket` 1 when they carry an introduction time. */
export const KIND_DETECTED_COUNT = 2;
/**
 * The same three per UTC day (kind + DAILY, `day` the day itself): a window's partial months are
 * read from these, so only the partial days at its very ends come from the findings.
 */
export const DAILY = 10;
/** And per ISO week (kind + WEEKLY, `day` its Monday, `month` ''): the whole weeks of weekly periods. */
export const WEEKLY = 20;
/**
 * And the histograms of the duration kinds (KIND_DETECTED, KIND_FIXED, at each resolution) again per
 * band (kind + BANDS, `bucket` the band; bands.ts): the counts a median is located with. Written by
 * RollupDelta from its changes to the buckets (a few per band, not one per finding).
 */
export const BANDS = 100;
/** Open findings (status open) per project, severity and principle (`bucket` = the principle's bit). */
export const KIND_OPEN_POSTURE = 3;
/** Open findings (status open) by severity, day first seen (`day`) and day due (`bucket`, -1 without). */
export const KIND_OPEN_AGE = 4;
/** Open findings (status open) per project, severity and OWASP category (`bucket` = the category's bit). */
export const KIND_OPEN_OWASP = 5;
/**
 * KIND_OPEN_AGE again per project (`project_id`): the ages and breaches of a query filtered by
 * project or tag (at most one row per project, severity and day first seen, as due days follow).
 */
export const KIND_OPEN_AGE_PROJECT = 6;

const DURATION_KINDS = new Set([KIND_DETECTED, KIND_FIXED].flatMap((k) => [k, k + DAILY, k + WEEKLY]));

const WEEK_S = 604_800;
const DAY_MS = 86_400_000;

/** The histogram bucket of a duration, as metrics/sql.ts durationBucket computes it in SQL. */
export function bucketOf(seconds: number): number {
  return seconds < WEEK_S ? Math.floor(seconds / 3600) * 3600 : Math.floor(seconds / 86_400) * 86_400;
}

/** Seconds from `start` to `end`, never negative (as metrics/sql.ts seconds). */
function secondsBetween(end: string, start: string): number {
  return Math.max((Date.parse(end) - Date.parse(start)) / 1000, 0);
}

/** Days since 1970-01-01 of a timestamp's UTC date. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00.000Z`) / DAY_MS);
}

/** The bits set in a mask, lowest first. */
export function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let b = 1; b <= mask; b *= 2) if ((mask & b) !== 0) out.push(b);
  return out;
}

/** The Monday of the ISO week holding a day (day numbers; 1970-01-01 was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** Days since 1970-01-01 of the first day of a timestamp's UTC month: the rollup's time key. */
export function monthDay(iso: string): number {
  return Math.round(Date.parse(`${iso.slice(0, 7)}-01T00:00:00.000Z`) / DAY_MS);
}

type Key = Pick<
  MetricRollupTable,
  'kind' | 'day' | 'month' | 'project_id' | 'severity' | 'analyzer' | 'phase' | 'bucket'
>;
type Counters = Pick<MetricRollupTable, 'n' | 'sum_s' | 'due' | 'within'>;

const KEY_COLUMNS = [
  'kind',
  'day',
  'project_id',
  'severity',
  'analyzer',
  'phase',
  'bucket',
] as const satisfies readonly (keyof Key)[];

/**
 * What one finding adds to the rollup. Detections and closures are organisation-wide, per month,
 * day and week, by severity (and phase for the counts): their number is bounded by the days, severities and
 * duration buckets, not by the findings; project and analyzer are not in them (project 0, analyzer
 * ''). Open findings are per project and label (the posture map) and per day first seen and due.
 */
export function contributions(f: RollupSource): { key: Key; c: Counters }[] {
  const out: { key: Key; c: Counters }[] = [];
  const at = (iso: string, kind: number, phase: string, bucket: number) => ({
    kind,
    day: iso === '' ? 0 : monthDay(iso),
    month: iso.slice(0, 7),
    project_id: 0,
    severity: f.severity,
    analyzer: '',
    phase,
    bucket,
  });
  // Per month, per day and per week (see DAILY, WEEKLY).
  const windowed = (iso: string, kind: number, phase: string, bucket: number, c: Counters) => {
    const key = at(iso, kind, phase, bucket);
    const day = dayOf(iso);
    out.push(
      { key, c },
      { key: { ...key, kind: kind + DAILY, day }, c: { ...c } },
      { key: { ...key, kind: kind + WEEKLY, day: mondayOf(day), month: '' }, c: { ...c } },
    );
  };
  if (f.status !== 'false-positive') {
    const introduced = f.introduced_at !== null;
    windowed(f.first_seen, KIND_DETECTED_COUNT, f.phase, introduced ? 1 : 0, {
      n: 1,
      sum_s: 0,
      due: 0,
      within: 0,
    });
    if (introduced) {
      const d = secondsBetween(f.first_seen, f.introduced_at!);
      windowed(f.first_seen, KIND_DETECTED, '', bucketOf(d), { n: 1, sum_s: d, due: 0, within: 0 });
    }
  }
  const dueDay = f.sla_due === null ? -1 : dayOf(f.sla_due);
  const row = (kind: number, day: number, bucket: number, projectId = 0) => ({
    key: { ...at('', kind, '', bucket), day, project_id: projectId },
    c: { n: 1, sum_s: 0, due: 0, within: 0 },
  });
  if (f.status === 'open') {
    // Per label: a finding with two principles counts in both cells.
    for (const bit of bitsOf(f.principle_mask)) out.push(row(KIND_OPEN_POSTURE, 0, bit, f.project_id));
    for (const bit of bitsOf(f.owasp_mask)) out.push(row(KIND_OPEN_OWASP, 0, bit, f.project_id));
    out.push(row(KIND_OPEN_AGE, dayOf(f.first_seen), dueDay));
    out.push(row(KIND_OPEN_AGE_PROJECT, dayOf(f.first_seen), dueDay, f.project_id));
  }
  if (f.status === 'fixed' && f.fixed_at !== null) {
    const d = secondsBetween(f.fixed_at, f.first_seen);
    const due = f.sla_due === null ? 0 : 1;
    windowed(f.fixed_at, KIND_FIXED, '', bucketOf(d), {
      n: 1,
      sum_s: d,
      due,
      within: due === 1 && f.fixed_at <= f.sla_due! ? 1 : 0,
    });
  }
  return out;
}

/**
 * Changes to the rollup gathered over one write (a report, a triage, a closing scan), applied at the
 * end as one upsert per few thousand keys. Rows of branches other than the project's default branch
 * contribute nothing: the same problem pushed from two branches is counted once.
 */
export class RollupDelta {
  private readonly changes = new Map<string, { key: Key; c: Counters }>();
  private readonly pending: { f: RollupSource; sign: 1 | -1 }[] = [];

  /**
   * `defaults`: the default branch of the projects written, when the writer knows them from the
   * start. Their changes are then counted as they come, which a bulk write does while the database
   * stores the rows before them, instead of all at once when it has finished.
   */
  constructor(private readonly defaults?: ReadonlyMap<number, string | null>) {}

  /** The finding as it was before the write (removed from the rollup). */
  remove(f: RollupSource | undefined): void {
    if (f) this.take(f, -1);
  }

  /** The finding as it is after the write (added to the rollup). */
  add(f: RollupSource | undefined): void {
    if (f) this.take(f, 1);
  }

  private take(f: RollupSource, sign: 1 | -1): void {
    if (this.defaults?.has(f.project_id)) this.count(f, sign, this.defaults);
    else this.pending.push({ f, sign });
  }

  private count(f: RollupSource, sign: 1 | -1, defaults: ReadonlyMap<number, string | null>): void {
    if (defaults.get(f.project_id) !== f.branch) return;
    for (const { key, c } of contributions(f)) this.merge(key, c, sign);
  }

  private merge(key: Key, c: Counters, sign: number): void {
    const id = KEY_COLUMNS.map((k) => key[k]).join('\0');
    const e = this.changes.get(id) ?? { key, c: { n: 0, sum_s: 0, due: 0, within: 0 } };
    e.c.n += sign * c.n;
    e.c.sum_s += sign * c.sum_s;
    e.c.due += sign * c.due;
    e.c.within += sign * c.within;
    this.changes.set(id, e);
  }

  /** The band rows (BANDS) of the duration histograms: the sums of their buckets' changes. */
  private addBands(): void {
    for (const { key, c } of [...this.changes.values()])
      if (DURATION_KINDS.has(key.kind))
        this.merge({ ...key, kind: key.kind + BANDS, bucket: bandOf(key.bucket) }, c, 1);
  }

  /** Writes the net changes (a finding seen again with nothing changed nets to nothing). */
  async apply(trx: Transaction<Database>, dialect: Dialect): Promise<void> {
    if (this.pending.length > 0) {
      const projects = [...new Set(this.pending.map((p) => p.f.project_id))];
      const rows = await trx
        .selectFrom('projects')
        .select(['id', 'default_branch'])
        .where('id', 'in', projects)
        .execute();
      const defaults = new Map(rows.map((r) => [r.id, r.default_branch]));
      for (const { f, sign } of this.pending) this.count(f, sign, defaults);
      this.pending.length = 0;
    }
    this.addBands();
    if (this.changes.size === 0) return;
    // In key order, so two transactions touching the same keys lock them in the same order (no deadlock).
    const entries = [...this.changes.entries()]
      .filter(([, e]) => e.c.n !== 0 || e.c.sum_s !== 0 || e.c.due !== 0 || e.c.within !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => ({ ...e.key, ...e.c }));
    this.changes.clear();
    const columns = [...KEY_COLUMNS, 'month', 'n', 'sum_s', 'due', 'within'] as const;
    for (const part of chunks(entries, 5000))
      await trx
        .insertInto('metric_rollup')
        .columns(columns)
        .expression(bulkRows(dialect, 'metric_rollup', columns, part))
        .onConflict((oc) =>
          oc.columns([...KEY_COLUMNS]).doUpdateSet({
            n: sql`metric_rollup.n + excluded.n`,
            sum_s: sql`metric_rollup.sum_s + excluded.sum_s`,
            due: sql`metric_rollup.due + excluded.due`,
            within: sql`metric_rollup.within + excluded.within`,
          }),
        )
        .execute();
  }
}
