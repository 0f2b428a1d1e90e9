import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPushToken } from '../../src/server/auth/accounts.js';
import { openStore } from '../../src/server/store/open.js';
import { freshStoreOptions, STORE_KINDS } from '../helpers/stores.js';
import { makeFinding, makeResult } from '../helpers/scan-result.js';
import { startServe } from '../helpers/serve-process.js';

const PUSHES = 40;
const PER_REPORT = 150;

describe.each(STORE_KINDS)('an acknowledged push survives SIGKILL (%s)', (kind) => {
  let opts: Awaited<ReturnType<typeof freshStoreOptions>>;
  let env: Record<string, string>;
  let args: string[];
  beforeAll(async () => {
    opts = await freshStoreOptions(kind);
    env = opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {};
    args = opts.dataDir ? ['--data-dir', opts.dataDir] : [];
  });
  afterAll(() => opts.cleanup());

  it(
    'keeps every acknowledged report whole and shows nothing half-written',
    { timeout: 300_000 },
    async () => {
      const server = await startServe(args, env);
      const setup = await openStore(opts);
      const { token } = await createPushToken(setup.db, 'durable', undefined, 'test');
      await setup.close();

      const acked: { branch: string; scanId: number }[] = [];
      let killed: Promise<void> | undefined;
      const pushes = Array.from({ length: PUSHES }, async (_, i) => {
        const findings = Array.from({ length: PER_REPORT }, (_, j) =>
          makeFinding({ fingerprint: `d${i}-${j}` }),
        );
        try {
          const res = await fetch(`${server.url}/api/v1/reports?branch=b${i}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(makeResult(findings)),
          });
          if (res.status === 201) {
            acked.push({ branch: `b${i}`, scanId: ((await res.json()) as { scanId: number }).scanId });
            // Kill in the middle of the burst: some pushes are acknowledged, others in flight.
            if (acked.length === 5) killed = server.kill9();
          }
        } catch {
          // The connection died with the server: not acknowledged, so nothing is promised.
        }
      });
      await Promise.all(pushes);
      await (killed ?? server.kill9());
      expect(acked.length).toBeGreaterThanOrEqual(5);

      const again = await startServe(args, env);
      const store = await openStore(opts);
      try {
        for (const a of acked) {
          const scan = await store.db
            .selectFrom('scans')
            .selectAll()
            .where('id', '=', a.scanId)
            .executeTakeFirst();
          expect(scan, `scan ${a.scanId}`).toMatchObject({
            branch: a.branch,
            finding_count: PER_REPORT,
            new_count: PER_REPORT,
          });
          const n = await store.db
            .selectFrom('findings')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('branch', '=', a.branch)
            .executeTakeFirstOrThrow();
          expect(Number(n.n)).toBe(PER_REPORT);
        }
        // Whatever is visible is whole: every stored scan has all its findings and their history.
        const scans = await store.db.selectFrom('scans').select(['id', 'new_count', 'branch']).execute();
        expect(scans.length).toBeGreaterThanOrEqual(acked.length);
        for (const s of scans) {
          const f = await store.db
            .selectFrom('findings')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('first_scan_id', '=', s.id)
            .executeTakeFirstOrThrow();
          const e = await store.db
            .selectFrom('finding_events')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('scan_id', '=', s.id)
            .executeTakeFirstOrThrow();
          expect(Number(f.n), `scan ${s.id}`).toBe(s.new_count);
          expect(Number(e.n), `events of scan ${s.id}`).toBe(s.new_count);
        }
        const orphans = await store.db.selectFrom('findings').select('branch').distinct().execute();
        expect(orphans.length).toBe(scans.length);
        const ready = await fetch(`${again.url}/readyz`);
        expect(ready.status).toBe(200);
      } finally {
        await store.close();
        await again.stop();
      }
    },
  );
});
