import { OSV_DIR } from '../../../../test/helpers/advisories.js';
import { zipSync, strToU8 } from 'fflate';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VanguardError } from '../../../core/errors.js';
import { importPath, importRecords } from './import.js';
import { resolveDbPath } from './paths.js';
import { dbStatus } from './status.js';
import { AdvisoryIndex } from './store.js';
import { updateDb } from './update.js';
import { readOsvZip } from './archive.js';

const realFiles = readdirSync(OSV_DIR).filter((f) => f.endsWith('.json'));
const realText = (f: string): string => readFileSync(join(OSV_DIR, f), 'utf8');

let dir: string;
const dirs: string[] = [];
function tmp(): string {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-db-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe('paths', () => {
  it('prefers the option, then VANGUARD_DB, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(resolveDbPath('/x/db.sqlite', { VANGUARD_DB: '/y' })).toBe('/x/db.sqlite');
    expect(resolveDbPath(undefined, { VANGUARD_DB: '/y/db' })).toBe('/y/db');
    expect(resolveDbPath(undefined, { XDG_CACHE_HOME: '/c' })).toBe('/c/vanguard/osv.sqlite');
    expect(resolveDbPath(undefined, {})).toMatch(/\.cache\/vanguard\/osv\.sqlite$/);
  });
});

describe('import', () => {
  it('imports the real records from a folder and a zip, and looks packages up by normalised name', async () => {
    const db = join(tmp(), 'osv.sqlite');
    const res = await importPath(db, OSV_DIR);
    expect(res.records).toBe(realFiles.length);
    const st = dbStatus(db);
    expect(st.advisories).toBe(realFiles.length);
    expect(st.ecosystems.npm).toBeGreaterThanOrEqual(30);
    expect(st.ecosystems.PyPI).toBeGreaterThanOrEqual(15);
    const idx = AdvisoryIndex.open(db);
    expect(idx.lookup('PyPI', 'DJANGO').map((r) => r.id)).toContain('GHSA-2gwj-7jmv-h26r');
    expect(
      idx
        .lookup('npm', 'axios')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['GHSA-8hc4-vh64-cxmj', 'GHSA-wf5p-g6vw-rhxx']);
    idx.close();

    const zdb = join(dir, 'zip.sqlite');
    const zipPath = join(dir, 'all.zip');
    writeFileSync(zipPath, zipOf(Object.fromEntries(realFiles.map((f) => [f, realText(f)]))));
    expect((await importPath(zdb, zipPath)).records).toBe(realFiles.length);
    expect(dbStatus(zdb).advisories).toBe(realFiles.length);
  });

  it('keeps withdrawn records out of lookups', () => {
    const db = join(tmp(), 'osv.sqlite');
    const rec = JSON.parse(realText('GHSA-2p57-rm9w-gvfp.json')) as { withdrawn?: string };
    rec.withdrawn = '2024-07-01T00:00:00Z';
    importRecords(db, [{ record: rec as never }], 'test');
    expect(dbStatus(db).withdrawn).toBe(1);
    const idx = AdvisoryIndex.open(db);
    expect(idx.lookup('npm', 'ip')).toEqual([]);
    idx.close();
  });

  it('removes copies left by a killed build, but not a recent one', () => {
    const db = join(tmp(), 'osv.sqlite');
    const old = `${db}.tmp-1-1`;
    const recent = `${db}.tmp-2-2`;
    writeFileSync(old, 'x');
    writeFileSync(recent, 'x');
    utimesSync(old, new Date('2020-01-01'), new Date('2020-01-01'));
    importRecords(db, [{ record: JSON.parse(realText('GHSA-2p57-rm9w-gvfp.json')) as never }], 'test');
    expect(readdirSync(dir).sort()).toEqual(['osv.sqlite', 'osv.sqlite.tmp-2-2']);
  });

  it('fails with DATABASE when there is no database', () => {
    expect(() => AdvisoryIndex.open(join(tmp(), 'missing.sqlite'))).toThrow(
      /no advisory database at .*vanguard db update/,
    );
  });

  it('rejects archives with invalid entries', () => {
    expect(() => readOsvZip(zipOf({ 'a.json': '{"id": 1}' }))).toThrow(/not an OSV record/);
    expect(() => readOsvZip(zipOf({ 'a.json': '{not json' }))).toThrow(/not valid JSON/);
    expect(() => readOsvZip(new Uint8Array([80, 75, 3, 4, 1, 2, 3]))).toThrow(VanguardError);
  });
});

describe('update from a local bucket', () => {
  type Mode = 'ok' | 'corrupt' | 'interrupt' | 'missing';
  let server: Server;
  let base: string;
  let mode: Mode = 'ok';
  let archive: Uint8Array;
  const seen: IncomingHttpHeaders[] = [];
  let ETAG = '"v1"';
  const LAST_MODIFIED = 'Mon, 18 Nov 2024 10:00:00 GMT';

  beforeAll(async () => {
    const npm = realFiles.filter((f) => realText(f).includes('"ecosystem": "npm"'));
    archive = zipOf(Object.fromEntries(npm.map((f) => [f, realText(f)])));
    server = createServer((req, res) => {
      seen.push(req.headers);
      if (mode === 'missing' || !req.url?.endsWith('/all.zip')) {
        res.writeHead(404).end();
        return;
      }
      if (req.headers['if-none-match'] === ETAG) {
        res.writeHead(304).end();
        return;
      }
      const body =
        mode === 'corrupt'
          ? Buffer.from('PK\u0003\u0004 this is not a zip archive at all')
          : Buffer.from(archive);
      res.writeHead(200, {
        'Content-Type': 'application/zip',
        'Content-Length': body.length,
        ETag: ETAG,
        'Last-Modified': LAST_MODIFIED,
      });
      if (mode === 'interrupt') {
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
        return;
      }
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  afterEach(() => {
    mode = 'ok';
    seen.length = 0;
  });

  it('downloads, indexes, then makes a conditional request that changes nothing', async () => {
    const db = join(tmp(), 'osv.sqlite');
    const first = await updateDb({
      dbPath: db,
      baseUrl: base,
      ecosystems: ['npm'],
      now: new Date('2024-11-20T00:00:00Z'),
    });
    expect(first).toEqual([{ ecosystem: 'npm', status: 'updated', records: expect.any(Number) as number }]);
    expect(seen[0]!['if-none-match']).toBeUndefined();
    const before = dbStatus(db, new Date('2024-11-21T00:00:00Z'));
    expect(before.ecosystems.npm).toBeGreaterThan(20);
    expect(before.ageDays).toBeCloseTo(1);

    const second = await updateDb({
      dbPath: db,
      baseUrl: base,
      ecosystems: ['npm'],
      now: new Date('2024-11-30T00:00:00Z'),
    });
    expect(second).toEqual([{ ecosystem: 'npm', status: 'not-modified' }]);
    expect(seen[1]!['if-none-match']).toBe(ETAG);
    expect(seen[1]!['if-modified-since']).toBe(LAST_MODIFIED);
    const after = dbStatus(db, new Date('2024-11-30T00:00:00Z'));
    expect(after.advisories).toBe(before.advisories);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.ageDays).toBe(0);
  });

  it('a changed export replaces what the previous one gave (a record gone upstream is gone here)', async () => {
    const db = join(tmp(), 'osv.sqlite');
    await importPath(db, join(OSV_DIR, 'GHSA-2gwj-7jmv-h26r.json'));
    await updateDb({ dbPath: db, baseUrl: base, ecosystems: ['npm'] });
    expect(dbStatus(db).advisories).toBeGreaterThan(20);
    const saved = archive;
    try {
      archive = zipOf({ 'GHSA-2p57-rm9w-gvfp.json': realText('GHSA-2p57-rm9w-gvfp.json') });
      ETAG = '"v2"';
      const r = await updateDb({ dbPath: db, baseUrl: base, ecosystems: ['npm'] });
      expect(r).toEqual([{ ecosystem: 'npm', status: 'updated', records: 1 }]);
      expect(seen.at(-1)!['if-none-match']).toBe('"v1"');
      // The feed now gives one record; the separately imported PyPI record stays.
      expect(dbStatus(db).advisories).toBe(2);
      const idx = AdvisoryIndex.open(db);
      expect(idx.lookup('npm', 'lodash')).toEqual([]);
      expect(idx.lookup('PyPI', 'django')).toHaveLength(1);
      idx.close();
    } finally {
      archive = saved;
      ETAG = '"v1"';
    }
  });

  it.each<[Mode, RegExp]>([
    ['corrupt', /corrupt/],
    ['interrupt', /interrupted|incomplete/],
    ['missing', /404/],
  ])('a %s download leaves the old database usable', async (m, message) => {
    const db = join(tmp(), 'osv.sqlite');
    await importPath(db, OSV_DIR);
    const before = statSync(db).mtimeMs;
    const count = dbStatus(db).advisories;
    mode = m;
    await expect(updateDb({ dbPath: db, baseUrl: base, ecosystems: ['npm'] })).rejects.toThrow(message);
    expect(statSync(db).mtimeMs).toBe(before);
    expect(dbStatus(db).advisories).toBe(count);
    const idx = AdvisoryIndex.open(db);
    expect(idx.lookup('npm', 'lodash').length).toBeGreaterThan(0);
    idx.close();
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
