import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, get } from '../api.js';
import { capital } from '../format.js';
import { html } from '../html.js';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs a path and re-GETs when it changes; the last answer wins. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    get<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) => live && setState({ error: messageOf(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return `${e.message} (${e.status})`;
  return e instanceof Error ? e.message : String(e);
}

/** Shown while loading or on an error; `null` once there is data. */
export function Status({ state }: { state: Loaded<unknown> }) {
  if (state.error) return html`<p class="error" role="alert">Could not load: ${state.error}</p>`;
  if (state.loading && state.data === undefined) return html`<p class="muted" role="status">Loading…</p>`;
  return null;
}

const SEV_SHORT: Record<string, string> = { critical: 'C', high: 'H', medium: 'M', low: 'L', info: 'I' };
export const severityShort = (s: string): string => SEV_SHORT[s] ?? s;

/** A severity: the word is always there; the colour only repeats it. */
export function Severity({ value }: { value: string }) {
  return html`<span class=${`badge sev-${value}`}>${capital(value)}</span>`;
}

const STATUS_MARK: Record<string, string> = {
  open: '●',
  fixed: '✓',
  accepted: '⏸',
  'false-positive': '✕',
  'not-affected': '○',
};

export function StatusBadge({ value }: { value: string }) {
  return html`<span class=${`status st-${value}`}
    ><span aria-hidden="true">${STATUS_MARK[value] ?? '•'} </span>${capital(value)}</span
  >`;
}

export function Section({
  title,
  children,
  id,
}: {
  title: string;
  children: ComponentChildren;
  id?: string;
}) {
  const hid = id ?? `h-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return html`<section class="card" aria-labelledby=${hid}>
    <h2 id=${hid}>${title}</h2>
    ${children}
  </section>`;
}

/** Previous / next over a server-side page, with where we are in words. */
export function Pager({
  offset,
  limit,
  total,
  exact = true,
  count,
  go,
}: {
  offset: number;
  limit: number;
  total: number;
  /** False when the server stopped counting at `total` ("1,000+"). */
  exact?: boolean | undefined;
  /** Items on this page (needed when the total is not exact). */
  count?: number;
  go: (offset: number) => void;
}) {
  const first = total === 0 && exact ? 0 : offset + 1;
  const last = exact ? Math.min(offset + limit, total) : offset + (count ?? limit);
  const more = exact ? last < total : (count ?? limit) >= limit;
  // One string: htm drops whitespace that holds a line break, which once made it read "1–50 of231".
  const where = `${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${total.toLocaleString('en')}${exact ? '' : '+'}`;
  return html`<nav class="pager" aria-label="Pages">
    <button type="button" disabled=${offset === 0} onClick=${() => go(Math.max(0, offset - limit))}>
      ← Previous
    </button>
    <span role="status">${where}</span>
    <button type="button" disabled=${!more} onClick=${() => go(offset + limit)}>Next →</button>
  </nav>`;
}
