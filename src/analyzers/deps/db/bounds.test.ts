import { zipSync, strToU8 } from 'fflate';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttp, type Server } from 'node:http';
import { createServer as createTcp, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../../../../test/helpers/cli.js';
import { importRecords } from './import.js';
import { withDbLock } from './lock.js';
import { dbStatus } from './status.js';
import { updateDb } from './update.js';

const FIXTURES = new URL('../osv/fixtures/', import.meta.url).pathname;
const records = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, text: readFileSync(join(FIXTURES, f), 'utf8') }));

const dir = mkdtempSync(join(tmpdir(), 'vg-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Mode = 'endless' | 'bomb' | 'stall-headers' | 'stall-body' | 'ok';
let mode: Mode = 'ok';
let http: Server;
let raw: TcpServer;
let base: string;
let rawBase: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  const archive = Buffer.from(zipSync(Object.fromEntries(records.map((r) => [r.name, strToU8(r.text)]))));
  http = createHttp((_req, res) => {
    if (mode === 'ok') {
      res.writeHead(200, { 'Content-Length': archive.length }).end(archive);
    } else if (mode === 'endless') {
      // Chunked, without end: 1 MB after 1 MB for as long as the client reads.
      res.writeHead(200, { 'Content-Type': 'application/zip' });
      const mb = Buffer.alloc(1024 * 1024, 0x41);
      const pump = (): void => {
        while (res.write(mb));
        res.once('drain', pump);
      };
      pump();
    } else if (mode === 'bomb') {
      // A gzip-encoded body that decodes to far more than the limit; a few hundred kB on the wire.
      res.writeHead(200, { 'Content-Encoding': 'gzip' });
      const gz = createGzip({ level: constants.Z_BEST_COMPRESSION });
      gz.pipe(res);
      const zeros = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (sent < 256 && gz.write(zeros)) sent++;
        if (sent < 256) gz.once('drain', pump);
        else gz.end();
      };
      pump();
    } else if (mode === 'stall-body') {
      res.writeHead(200, { 'Content-Length': 1000 });
      res.write(Buffer.alloc(10));
    }
    // stall-headers: never answer.
  });
  http.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  // A mirror whose reason phrase carries escape sequences (Node's HTTP server refuses to send one).
  raw = createTcp((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.once('data', () =>
      s.end(
        'HTTP/1.1 503 \u001b]0;pwned\u0007\u001b[2J Busy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
      ),
    );
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  rawBase = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => http.close(() => r()));
  await new Promise<void>((r) => raw.close(() => r()));
});

/** A database with the fixtures, to check that a failed update leaves it as it was. */
function seeded(name: string): { db: string; before: Buffer } {
  const db = join(dir, name);
  importRecords(
    db,
    records.map((r) => ({ record: JSON.parse(r.text) as never })),
    'seed',
  );
  return { db, before: readFileSync(db) };
}

describe('db update with bounds', () => {
  it.each([
    ['an endless chunked body', 'endless', /larger than the 8 MB limit/],
    ['a gzip bomb', 'bomb', /larger than the 8 MB limit \(decoded\)/],
    ['a mirror that never answers', 'stall-headers', /sent no response in 0\.5 s/],
    ['a mirror that stalls mid-body', 'stall-body', /stalled: nothing received for 0\.5 s/],
  ] as const)('fails fast and clearly on %s, leaving the database as it was', async (_n, m, message) => {
    mode = m;
    const { db, before } = seeded(`${m}.sqlite`);
    await expect(
      updateDb({
        dbPath: db,
        baseUrl: base,
        ecosystems: ['npm'],
        maxBytes: 8 * 1024 * 1024,
        idleTimeoutMs: 500,
      }),
    ).rejects.toThrow(message);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith(m) && f !== `${m}.sqlite`)).toEqual([]);
  });

  it('prints no escape sequence from a reason phrase', async () => {
    const err = await updateDb({
      dbPath: join(dir, 'raw.sqlite'),
      baseUrl: rawBase,
      ecosystems: ['npm'],
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/answered 503/);
    expect(err?.message).not.toContain('\u001b');
    expect(err?.message).not.toContain('\u0007');
  });

  it('still updates from a well-behaved mirror within the bounds', async () => {
    mode = 'ok';
    const db = join(dir, 'ok.sqlite');
    const [r] = await updateDb({ dbPath: db, baseUrl: base, ecosystems: ['npm'], maxBytes: 8 * 1024 * 1024 });
    expect(r).toMatchObject({ status: 'updated', records: records.length });
    expect(dbStatus(db).advisories).toBe(records.length);
  });
});

describe('one writer at a time', () => {
  it('a second writer waits for the first, then runs', () => {
    const db = join(dir, 'lock.sqlite');
    const order: string[] = [];
    withDbLock(db, () => {
      order.push('outer');
      // The same process holds the lock: a nested writer would wait; with no wait it fails clearly.
      expect(() => withDbLock(db, () => order.push('inner'), 300)).toThrow(
        new RegExp(`another vanguard process \\(pid ${process.pid}\\) is writing the advisory database`),
      );
    });
    withDbLock(db, () => order.push('after'));
    expect(order).toEqual(['outer', 'after']);
  });

  it('takes over the lock of a killed run and cleans its leftovers', () => {
    const db = join(dir, 'killed.sqlite');
    // A process that has ended: its pid is what a killed import leaves in the lock and copy names.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${db}.lock`, `${deadPid}\n`);
    writeFileSync(`${db}.tmp-${deadPid}-1`, 'partial copy');
    writeFileSync(`${db}.tmp-${deadPid}-1-journal`, 'journal');
    importRecords(
      db,
      records.map((r) => ({ record: JSON.parse(r.text) as never })),
      'test',
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('killed.sqlite'))).toEqual(['killed.sqlite']);
    expect(dbStatus(db).advisories).toBe(records.length);
  });

  it('two concurrent imports into one database keep the advisories of both (built CLI)', async () => {
    const db = join(dir, 'concurrent.sqlite');
    const half = Math.ceil(records.length / 2);
    const folder = (part: typeof records, name: string): string => {
      const f = join(dir, name);
      mkdirSync(f);
      for (const r of part) writeFileSync(join(f, r.name), r.text);
      return f;
    };
    const a = folder(records.slice(0, half), 'part-a');
    const b = folder(records.slice(half), 'part-b');
    const run = (path: string): Promise<number> =>
      new Promise((resolve) => {
        const c = spawn(process.execPath, [CLI, 'db', 'import', path], {
          env: { ...process.env, VANGUARD_DB: db },
          stdio: 'ignore',
        });
        c.on('exit', (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([run(a), run(b)]);
    expect(codes).toEqual([0, 0]);
    expect(dbStatus(db).advisories).toBe(records.length);
  });
});
