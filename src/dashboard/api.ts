/** The dashboard's only door to the server: JSON over fetch, the session cookie, the CSRF header. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrf: string | null = null;
let onSignedOut: () => void = () => undefined;

/** The CSRF token of the session (sent on every state-changing call). */
export function setCsrf(token: string | null): void {
  csrf = token;
}

/** Called when the server says the session is gone (expired, logged out elsewhere). */
export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const err = new ApiError(res.status, data?.error?.code ?? 'HTTP', data?.error?.message ?? res.statusText);
    if (res.status === 401 && path !== '/api/v1/session') onSignedOut();
    throw err;
  }
  return data as T;
}

// Answers asked for ahead of the page that reads them, kept briefly: a later visit asks anew.
const early = new Map<string, { at: number; answer: Promise<unknown> }>();
const EARLY_MS = 10_000;

/**
 * Starts a GET the next page will make (the overview's metrics, as soon as sign-in succeeds, rather
 * than after the shell has been drawn); that page's `get` of the same path takes the answer.
 */
export function prefetch(path: string): void {
  const answer = api('GET', path);
  // Its failure is the page's to show, when it takes it; unclaimed, it is nobody's.
  answer.catch(() => undefined);
  early.set(path, { at: Date.now(), answer });
}

export function get<T>(path: string): Promise<T> {
  const e = early.get(path);
  early.delete(path);
  if (e && Date.now() - e.at < EARLY_MS) return e.answer as Promise<T>;
  return api<T>('GET', path);
}

/** A query string from the set values of an object (undefined and '' are left out). */
export function qs(params: Record<string, string | number | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
