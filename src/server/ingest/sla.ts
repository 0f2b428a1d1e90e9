import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Days to fix by severity; `info` has no due date. Defaults as most programmes use them. */
export interface SlaSettings {
  days: Record<'critical' | 'high' | 'medium' | 'low', number>;
  /** Whether a risk acceptance that expires restarts the clock (from the expiry) or keeps the original due date. */
  restartOnExpiry: boolean;
}

export const DEFAULT_SLA: SlaSettings = {
  days: { critical: 7, high: 30, medium: 90, low: 120 },
  restartOnExpiry: false,
};

const DAY = 86_400_000;

/** The due date of a finding whose clock started at `start`, or null when its severity has none. */
export function slaDue(settings: SlaSettings, severity: string, start: string): string | null {
  const days = (settings.days as Record<string, number | undefined>)[severity];
  if (days === undefined) return null;
  return new Date(new Date(start).getTime() + days * DAY).toISOString();
}

/** Breached: still open past the due date, or fixed after it. */
export function slaBreached(
  f: { status: string; sla_due: string | null; fixed_at: string | null },
  now: Date,
): boolean {
  if (f.sla_due === null) return false;
  if (f.status === 'open') return now.toISOString() > f.sla_due;
  if (f.status === 'fixed' && f.fixed_at !== null) return f.fixed_at > f.sla_due;
  return false;
}

/** The SLA settings stored on the server (settings key `sla`), else the defaults. */
export async function loadSla(db: Kysely<Database>): Promise<SlaSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'sla').executeTakeFirst();
  if (!row) return DEFAULT_SLA;
  const v = JSON.parse(row.value) as Partial<SlaSettings>;
  return {
    days: { ...DEFAULT_SLA.days, ...v.days },
    restartOnExpiry: v.restartOnExpiry ?? DEFAULT_SLA.restartOnExpiry,
  };
}

export async function saveSla(db: Kysely<Database>, s: SlaSettings): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'sla', value: JSON.stringify(s) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(s) }))
    .execute();
}
