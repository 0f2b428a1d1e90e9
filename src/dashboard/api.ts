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

export const get = <T>(path: string): Promise<T> => api<T>('GET', path);

/** A query string from the set values of an object (undefined and '' are left out). */
export function qs(params: Record<string, string | number | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
