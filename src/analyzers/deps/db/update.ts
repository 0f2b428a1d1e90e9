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
  /** Per-request timeout in milliseconds (default 10 minutes: the npm export is large). */
  timeoutMs?: number;
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

async function download(
  url: string,
  state: FeedState | undefined,
  timeoutMs: number,
): Promise<Response | undefined> {
  const headers: Record<string, string> = {};
  if (state?.etag) headers['If-None-Match'] = state.etag;
  if (state?.last_modified) headers['If-Modified-Since'] = state.last_modified;
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new VanguardError('NETWORK', `cannot reach ${url}: ${(err as Error).message}`, { cause: err });
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

async function readBody(url: string, res: Response): Promise<Uint8Array> {
  let body: Uint8Array;
  try {
    body = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw new VanguardError('NETWORK', `the download of ${url} was interrupted: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const declared = res.headers.get('content-length');
  if (declared !== null && Number(declared) !== body.length) {
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
    const res = await download(url, states.get(ecosystem), opts.timeoutMs ?? 600_000);
    if (!res) {
      results.push({ ecosystem, status: 'not-modified' });
      continue;
    }
    const zip = await readBody(url, res);
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
