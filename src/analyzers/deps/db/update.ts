import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { VanguardError } from '../../../core/errors.js';
import { osvRecordsInZip, Rejections } from './archive.js';
import { rebuildAtomically } from './build.js';
import { DEFAULT_BASE_URL, DEFAULT_ECOSYSTEMS } from './paths.js';
import { dropOrphans, dropSource, openForWrite, recordWriter, setMeta } from './store.js';

export interface UpdateOptions {
  dbPath: string;
  baseUrl?: string;
  ecosystems?: readonly string[];
  /** Total time per download in milliseconds (default 10 minutes: the npm export is large). */
  timeoutMs?: number;
  /** A download that sends nothing for this long fails (milliseconds, default 60 s). */
  idleTimeoutMs?: number;
  /** Largest archive accepted, after any HTTP content encoding is decoded (bytes, default 1 GiB). */
  maxBytes?: number;
  now?: Date;
}

export interface FeedResult {
  ecosystem: string;
  status: 'updated' | 'not-modified';
  records?: number;
  /** Entries of the archive that were not valid OSV records: left out, counted, the first ones named. */
  rejected?: number;
  rejectedExamples?: { name: string; reason: string }[];
}

interface FeedState {
  etag: string | null;
  last_modified: string | null;
}

function feedStates(dbPath: string): Map<string, FeedState> {
  const out = new Map<string, FeedState>();
  if (!existsSync(dbPath)) return out;
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const hasFeeds = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'feeds'`)
      .get();
    if (!hasFeeds) return out;
    for (const row of db
      .prepare<[], FeedState & { ecosystem: string }>('SELECT ecosystem, etag, last_modified FROM feeds')
      .all()) {
      out.set(row.ecosystem, row);
    }
  } finally {
    db.close();
  }
  return out;
}

export const DEFAULT_TIMEOUT_MS = 600_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;

interface Limits {
  timeoutMs: number;
  idleTimeoutMs: number;
  maxBytes: number;
}

/** Rejects when `p` has not settled within `ms` (the timer never keeps the process alive). */
function within<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref();
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

async function download(
  url: string,
  state: FeedState | undefined,
  limits: Limits,
  signal: AbortSignal,
): Promise<Response | undefined> {
  const headers: Record<string, string> = {};
  if (state?.etag) headers['If-None-Match'] = state.etag;
  if (state?.last_modified) headers['If-Modified-Since'] = state.last_modified;
  let res: Response;
  try {
    // A server that accepts the connection but never answers is idle too.
    res = await within(
      fetch(url, { headers, signal }),
      limits.idleTimeoutMs,
      () => new VanguardError('NETWORK', `${url} sent no response in ${limits.idleTimeoutMs / 1000} s`),
    );
  } catch (err) {
    if (err instanceof VanguardError) throw err;
    const timedOut = signal.reason instanceof Error && signal.reason.name === 'TimeoutError';
    const why = timedOut ? `no answer within ${limits.timeoutMs / 1000} s` : (err as Error).message;
    throw new VanguardError('NETWORK', `cannot reach ${url}: ${why}`, { cause: err });
  }
  if (res.status === 304) return undefined;
  // The reason phrase comes from the server: only printable ASCII of it reaches the terminal.
  if (!res.ok)
    throw new VanguardError(
      'NETWORK',
      `${url} answered ${res.status} ${res.statusText.replace(/[^\x20-\x7e]/g, '?').slice(0, 100)}`,
    );
  return res;
}

/**
 * The body, read chunk by chunk with bounds: at most `maxBytes` after content decoding (an endless
 * chunked body or a gzip bomb fails at the limit, with memory bounded by it), no gap between chunks
 * longer than the idle timeout, the whole within the total timeout (the fetch's signal).
 */
async function readBody(
  url: string,
  res: Response,
  limits: Limits,
  ac: AbortController,
): Promise<Uint8Array> {
  const declared = res.headers.get('content-length');
  const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
  const tooLarge = (): VanguardError =>
    new VanguardError(
      'NETWORK',
      `the download of ${url} is larger than the ${mb(limits.maxBytes)} limit (decoded); refusing it`,
    );
  if (declared !== null && Number(declared) > limits.maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = res.body?.getReader();
  try {
    while (reader) {
      const { done, value }: { done: boolean; value?: Uint8Array } = await within(
        reader.read(),
        limits.idleTimeoutMs,
        () =>
          new VanguardError(
            'NETWORK',
            `the download of ${url} stalled: nothing received for ${limits.idleTimeoutMs / 1000} s`,
          ),
      );
      if (done || value === undefined) break;
      size += value.byteLength;
      if (size > limits.maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (err) {
    ac.abort();
    void reader?.cancel().catch(() => undefined);
    if (err instanceof VanguardError) throw err;
    const why =
      ac.signal.reason instanceof Error && ac.signal.reason.name === 'TimeoutError'
        ? `it took longer than ${limits.timeoutMs / 1000} s`
        : (err as Error).message;
    throw new VanguardError('NETWORK', `the download of ${url} was interrupted: ${why}`, { cause: err });
  }
  const body = Buffer.concat(chunks, size);
  const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
  // Content-Length counts the encoded bytes: only comparable when nothing was decoded.
  if (!encoded && declared !== null && Number(declared) !== body.length) {
    throw new VanguardError(
      'NETWORK',
      `the download of ${url} is incomplete (${body.length} of ${declared} bytes)`,
    );
  }
  return body;
}

/**
 * `vanguard db update`: fetches `<base>/<ecosystem>/all.zip` for each ecosystem, conditionally (ETag and
 * Last-Modified from the previous run), verifies every archive, then swaps the new index in atomically. Any
 * failure leaves the previous database as it was.
 */
export async function updateDb(opts: UpdateOptions): Promise<FeedResult[]> {
  const base = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const ecosystems = opts.ecosystems ?? DEFAULT_ECOSYSTEMS;
  const now = opts.now ?? new Date();
  const states = feedStates(opts.dbPath);
  const limits: Limits = {
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    idleTimeoutMs: opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
  };
  const changed: {
    ecosystem: string;
    zip: Uint8Array;
    etag: string | null;
    lastModified: string | null;
  }[] = [];
  const results: FeedResult[] = [];
  // Download everything before touching the database.
  for (const ecosystem of ecosystems) {
    const url = `${base}/${encodeURIComponent(ecosystem)}/all.zip`;
    const ac = new AbortController();
    const total = setTimeout(() => ac.abort(new DOMException('timeout', 'TimeoutError')), limits.timeoutMs);
    total.unref();
    let zip: Uint8Array;
    let res: Response | undefined;
    try {
      res = await download(url, states.get(ecosystem), limits, ac.signal);
      if (!res) {
        results.push({ ecosystem, status: 'not-modified' });
        continue;
      }
      zip = await readBody(url, res, limits, ac);
    } catch (err) {
      ac.abort();
      throw err;
    } finally {
      clearTimeout(total);
    }
    changed.push({
      ecosystem,
      zip,
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    });
  }
  if (changed.length === 0 && existsSync(opts.dbPath)) {
    // Nothing new upstream: only remember that the database was confirmed current.
    const db = openForWrite(opts.dbPath);
    try {
      setMeta(db, 'checked_at', now.toISOString());
    } finally {
      db.close();
    }
    return results;
  }
  rebuildAtomically(opts.dbPath, (db) => {
    const feed = db.prepare(
      'INSERT OR REPLACE INTO feeds (ecosystem, etag, last_modified, fetched_at, count) VALUES (?, ?, ?, ?, ?)',
    );
    // Each archive is verified entry by entry while it is written: a damaged archive abandons the whole new
    // copy; a record that is not valid OSV is left out and reported.
    for (const c of changed) {
      dropSource(db, `feed:${c.ecosystem}`);
      const write = recordWriter(db, `feed:${c.ecosystem}`);
      const rejections = new Rejections();
      let n = 0;
      for (const r of osvRecordsInZip(c.zip, rejections.onReject)) {
        write(r.record);
        n++;
      }
      feed.run(c.ecosystem, c.etag, c.lastModified, now.toISOString(), n);
      results.push({
        ecosystem: c.ecosystem,
        status: 'updated',
        records: n,
        ...(rejections.count > 0 ? { rejected: rejections.count, rejectedExamples: rejections.first } : {}),
      });
    }
    dropOrphans(db);
    setMeta(db, 'updated_at', now.toISOString());
    setMeta(db, 'checked_at', now.toISOString());
  });
  return results;
}
