/** How numbers, times and durations read in the dashboard (English, the locale of the docs). */

const nf = new Intl.NumberFormat('en');

/**
 * The top of a value axis (its bottom is 0): a little above the largest value, and never below 1, so
 * an MTTR of seconds (0.0001 days) sits at the bottom of a 0–1 day axis instead of making an axis of
 * ten-thousandths whose labels all read 0. Every chart counts findings or days.
 */
export const axisTop = (max: number): number => Math.max(max * 1.1, 1);

export const num = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : nf.format(n);

export function pct(ratio: number | null | undefined, digits = 0): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)} %`;
}

/** A duration in hours, days or weeks, whichever reads best. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const h = ms / 3_600_000;
  if (h < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (h < 48) return `${h.toFixed(h < 10 ? 1 : 0)} h`;
  const d = h / 24;
  // The same rounding as `vanguard metrics` (two decimals under ten days, one above), so the numbers agree.
  if (d < 60) return `${d.toFixed(d < 10 ? 2 : 1)} days`;
  return `${(d / 7).toFixed(0)} weeks`;
}

/** A timestamp as a short UTC date and time, e.g. `2026-12-02 17:41 UTC`. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');

export function capital(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1).replace(/-/g, ' ') : s;
}
