import type { Kysely } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { computeMetrics } from './compute.js';
import type { MetricsQuery, MetricsResponse } from './types.js';

const MAX_ENTRIES = 200;

/** The organisation overview as the dashboard asks for it first: kept computed (see `warm`). */
export const OVERVIEW_QUERY: MetricsQuery = { interval: 'quarter' };

/**
 * How old an answer may be when nothing it counts has changed since: only the clock moved (ages,
 * SLA due dates passing, the window's ends). Expired acceptances are events, so they are changes.
 */
export const STALE_MS = 5 * 60_000;

/**
 * Every change the metrics can see leaves a trace in one of three append-only id sequences: a pushed
 * report is a scan row, every status change (triage, expiry, decision, closing by a scan) is a
 * finding event, and a new project (counted even before it has findings) is a project row.
 */
async function dataVersion(db: Kysely<Database>): Promise<string> {
  const max = (table: 'scans' | 'finding_events' | 'projects') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirst()
      .then((r) => String(r?.m ?? 0));
  return (await Promise.all([max('scans'), max('finding_events'), max('projects')])).join(':');
}

const minuteOf = (d: Date): string => d.toISOString().slice(0, 16);

/** The defaults applied, so `?interval=quarter` and no interval are one entry. */
function keyOf(q: MetricsQuery): string {
  const full = { ...q, interval: q.interval ?? 'quarter' };
  return JSON.stringify(Object.entries(full).sort(([a], [b]) => a.localeCompare(b)));
}

interface Entry {
  data: string;
  at: number;
  value: MetricsResponse;
}

/**
 * The metrics of a query, recomputed only when the data changed: a dashboard that several people
 * open, or that polls, pays the aggregation once per change rather than once per view. An answer of
 * the same data is fresh within its minute; up to STALE_MS old it is still served at once and
 * recomputed behind it. Tag-filtered queries are never served stale (tag changes are no data change).
 */
export class MetricsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<MetricsResponse>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async get(q: MetricsQuery, now = new Date()): Promise<MetricsResponse> {
    const key = keyOf(q);
    const data = await dataVersion(this.db);
    const hit = this.entries.get(key);
    if (hit && hit.data === data) {
      if (minuteOf(new Date(hit.at)) === minuteOf(now)) return hit.value;
      if (q.tag === undefined && now.getTime() - hit.at < STALE_MS) {
        // Served now; the refresh's failure is the next request's (it computes and reports it).
        this.compute(key, q, data, now).catch(() => undefined);
        return hit.value;
      }
    }
    return this.compute(key, q, data, now);
  }

  /**
   * One computation per query and data at a time: a request arriving during one of the same data
   * waits for it (one begun before a change is not joined: it may not see the change).
   */
  private compute(key: string, q: MetricsQuery, data: string, now: Date): Promise<MetricsResponse> {
    const run = `${key}|${data}`;
    const running = this.running.get(run);
    if (running) return running;
    const p = computeMetrics(this.db, this.dialect, q, now)
      .then((value) => {
        const had = this.entries.get(key);
        // A slower computation begun earlier does not replace a later one's answer.
        if (had && had.at > now.getTime()) return value;
        this.entries.delete(key);
        this.entries.set(key, { data, at: now.getTime(), value });
        // Least recently computed first out: a Map iterates in insertion order.
        if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
        return value;
      })
      .finally(() => this.running.delete(run));
    this.running.set(run, p);
    return p;
  }

  /**
   * Keeps a query's answer computed ahead of its first request: now, and (called again, as a server
   * does every minute) when its data changed or it is about to be too old to serve.
   */
  async warm(q: MetricsQuery, now = new Date()): Promise<void> {
    const key = keyOf(q);
    const data = await dataVersion(this.db);
    const hit = this.entries.get(key);
    if (hit && hit.data === data && now.getTime() - hit.at < STALE_MS - 60_000) return;
    await this.compute(key, q, data, now);
  }

  /** Forgets every answer (after a change that is no data change, such as a project's tags). */
  clear(): void {
    this.entries.clear();
  }

  /** Waits for the computations under way (a server closing its store waits for them first). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }
}
