import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/analyzers/deps/db/import.js';
import type { OsvRecord } from '../../src/analyzers/deps/osv/types.js';
import { ensureProject } from '../../src/server/ingest/ingest.js';
import { PgQueue } from '../../src/server/jobs/pg-queue.js';
import { openStore, type Store } from '../../src/server/store/open.js';
import { CLI } from '../helpers/cli.js';
import { freshStoreOptions } from '../helpers/stores.js';

const INVENTORIES = 30;

interface Worker {
  child: ChildProcess;
  /** Everything the worker printed, for the message of a failing step. */
  output: () => string;
}

/** Every wait in this test is bounded and says what the workers printed, rather than hanging. */
async function within<T>(ms: number, what: string, workers: readonly Worker[], p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const said = workers.map(
        (w, i) => `worker ${i} (pid ${w.child.pid}, exit ${w.child.exitCode ?? 'none'}):\n${w.output()}`,
      );
      reject(new Error(`${what}: not done after ${ms} ms\n${said.join('\n')}`));
    }, ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

function startWorker(env: Record<string, string>, dbPath: string): Promise<Worker> {
  const child = spawn(process.execPath, [CLI, 'worker', '--concurrency', '1', '--db-path', dbPath], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const worker = { child, output: () => out };
  return within(
    60_000,
    'worker start',
    [worker],
    new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${out}`)));
      child.stderr.on('data', (b: Buffer) => (out += b.toString()));
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('worker ready')) resolve(worker);
      });
    }),
  );
}

describe('two vanguard worker processes share the PostgreSQL queue', () => {
  let store: Store;
  let dir: string;
  let workers: Worker[] = [];
  let url: string;
  beforeAll(async () => {
    const opts = await freshStoreOptions('postgres');
    url = opts.databaseUrl!;
    store = await openStore(opts);
    dir = mkdtempSync(join(tmpdir(), 'vanguard-workers-'));
    const record = {
      id: 'GHSA-35jh-r3h4-6jhm',
      modified: '2026-01-01T00:00:00Z',
      summary: 'Command Injection in lodash',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'lodash' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
        },
      ],
      database_specific: { severity: 'HIGH' },
    } as unknown as OsvRecord;
    importRecords(join(dir, 'osv.sqlite'), [{ record }], 'test');
    for (let i = 0; i < INVENTORIES; i++) {
      const purl = 'pkg:npm/lodash@4.17.20';
      await store.db
        .insertInto('inventories')
        .values({
          project_id: await ensureProject(store.db, `w${i}`),
          branch: 'main',
          scan_id: null,
          components: JSON.stringify([
            {
              ref: purl,
              ecosystem: 'npm',
              name: 'lodash',
              version: '4.17.20',
              purl,
              scope: 'required',
              direct: true,
              declaredIn: 'package-lock.json',
            },
          ]),
          dependencies: '[]',
          component_count: 1,
          updated_at: new Date().toISOString(),
        })
        .execute();
    }
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'both take jobs, every job runs once, every inventory is re-matched once',
    { timeout: 240_000 },
    async () => {
      workers = await Promise.all(
        [0, 1].map(() => startWorker({ DATABASE_URL: url }, join(dir, 'osv.sqlite'))),
      );
      const producer = new PgQueue(store);
      const ids = (await store.db.selectFrom('inventories').select('id').orderBy('id').execute()).map(
        (r) => r.id,
      );
      // One inventory per job, so there are many jobs for two workers to share.
      for (const id of ids) await producer.enqueue('rematch', { inventoryIds: [id] }, 'test');
      const idle = producer.idle();
      idle.catch(() => undefined); // when the wait below gives up, the store's closing ends the poll
      await within(120_000, 'all jobs done', workers, idle);
      await producer.stop();
      const jobs = await store.db
        .selectFrom('jobs')
        .select(['status', 'worker'])
        .where('kind', '=', 'rematch')
        .execute();
      expect(jobs).toHaveLength(INVENTORIES);
      expect(jobs.every((j) => j.status === 'succeeded')).toBe(true);
      const byWorker = new Set(jobs.map((j) => j.worker));
      expect(byWorker.size).toBe(2);
      expect([...byWorker].every((w) => workers.some((c) => w?.endsWith(`:${c.child.pid}`)))).toBe(true);
      // A job that ran twice would have recorded a second re-match scan of its inventory.
      const scans = await store.db
        .selectFrom('scans')
        .select('project_id')
        .where('format', '=', 'rematch')
        .execute();
      expect(scans).toHaveLength(INVENTORIES);
      expect(new Set(scans.map((s) => s.project_id)).size).toBe(INVENTORIES);
      const findings = await store.db
        .selectFrom('findings')
        .select('id')
        .where('detected_by', '=', 'rematch')
        .execute();
      expect(findings).toHaveLength(INVENTORIES);
      // SIGTERM stops a worker gracefully: it finishes, closes its connections and exits 0.
      for (const w of workers) w.child.kill('SIGTERM');
      const codes = await within(
        60_000,
        'workers exit on SIGTERM',
        workers,
        Promise.all(
          workers.map(
            (w) =>
              new Promise((r) => (w.child.exitCode !== null ? r(w.child.exitCode) : w.child.once('exit', r))),
          ),
        ),
      );
      expect(codes).toEqual([0, 0]);
    },
  );
});
