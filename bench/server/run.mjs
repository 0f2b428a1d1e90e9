// Benchmark of the findings platform. Run after `npm run build`:
//   node bench/server/run.mjs [--findings 50000] [--stored 1000000] [--pages 200]
//                             [--inventories 1000] [--advisories 20000] [--only ingest,page,rematch,workers]
// SQLite by default (a temporary folder); set DATABASE_URL=postgres://… for PostgreSQL (an empty database).
// Findings are synthesised with a seeded generator (the seed is printed), shaped like real scan results.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, '..', '..', 'dist');
const { openStore } = await import(join(dist, 'server/store/open.js'));
const { ensureProject, ingestReport } = await import(join(dist, 'server/ingest/ingest.js'));
const { parseReport } = await import(join(dist, 'server/ingest/parse.js'));
const { listFindings } = await import(join(dist, 'server/store/findings-query.js'));
const { importRecords } = await import(join(dist, 'analyzers/deps/db/import.js'));
const { rematchInventory } = await import(join(dist, 'server/jobs/rematch.js'));
const { PgQueue } = await import(join(dist, 'server/jobs/pg-queue.js'));
const { jobHandlers } = await import(join(dist, 'server/jobs/handlers.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N_FINDINGS = Number(arg('findings', 50_000));
const N_STORED = Number(arg('stored', 1_000_000));
const N_PAGES = Number(arg('pages', 200));
const N_INV = Number(arg('inventories', 1_000));
const N_ADV = Number(arg('advisories', 20_000));
const ONLY = arg('only', 'ingest,page,rematch,workers').split(',');
const SEED = Number(arg('seed', Date.now() % 1_000_000));
console.log(
  `seed ${SEED}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

let s = SEED;
const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (a) => a[Math.floor(rnd() * a.length)];
const SEV = ['critical', 'high', 'medium', 'medium', 'low', 'low', 'info'];
const ANALYZERS = ['code', 'secrets', 'deps', 'iac', 'pipeline'];
const PRINC = ['encryption', 'authentication', 'logging', 'asset-management', 'zoning-containment'];

function finding(i, tag) {
  const analyzer = pick(ANALYZERS);
  return {
    ruleId: `${analyzer}/rule-${i % 300}`,
    analyzer,
    severity: pick(SEV),
    confidence: 'high',
    title: `Problem ${i % 300} in module ${i % 977}`,
    message: `What is wrong at ${tag} ${i}: input reaches a sink without validation.`,
    remediation: 'Validate the input and use the safe API.',
    location: {
      path: `src/m${i % 977}/file${i % 5000}.ts`,
      startLine: 1 + (i % 400),
      snippet: `call(input${i})`,
    },
    cwe: [89],
    owasp: ['A05:2025'],
    principles: [pick(PRINC)],
    phase: 'code',
    fingerprint: `${tag}-${i.toString(16).padStart(10, '0')}`,
  };
}

function report(findings) {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'vanguard', version: 'bench' },
    status: 'complete',
    startedAt: new Date().toISOString(),
    analyzers: ANALYZERS.map((id) => ({ id, status: 'succeeded' })),
    findings,
  };
}

const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'vanguard-bench-'));
const store = await openStore(
  process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir },
);
console.log(`store: ${store.dialect} (${store.location})`);
const target = async (project, branch = 'main') => ({
  projectId: await ensureProject(store.db, project),
  branch,
  actor: 'bench',
});

if (ONLY.includes('ingest')) {
  const doc = report(Array.from({ length: N_FINDINGS }, (_, i) => finding(i, 'ing')));
  const t0 = performance.now();
  const parsed = parseReport(doc);
  const first = await ingestReport(store, parsed, await target('bench-ingest'));
  const t1 = performance.now();
  // The same report again: every finding exists, so this is the update path.
  const again = await ingestReport(store, parseReport(doc), await target('bench-ingest'));
  const t2 = performance.now();
  console.log(
    `ingest ${N_FINDINGS} new findings: ${((t1 - t0) / 1000).toFixed(2)} s, ${Math.round(N_FINDINGS / ((t1 - t0) / 1000))} findings/s (new ${first.new})`,
  );
  console.log(
    `ingest the same ${N_FINDINGS} again: ${((t2 - t1) / 1000).toFixed(2)} s, ${Math.round(N_FINDINGS / ((t2 - t1) / 1000))} findings/s (unchanged ${again.unchanged})`,
  );
}

if (ONLY.includes('page')) {
  const t0 = performance.now();
  const batch = 50_000;
  for (let done = 0, p = 0; done < N_STORED; done += batch, p++) {
    const n = Math.min(batch, N_STORED - done);
    await ingestReport(
      store,
      parseReport(report(Array.from({ length: n }, (_, i) => finding(done + i, `st${p}`)))),
      await target(`bench-p${p % 20}`),
    );
  }
  console.log(`stored ${N_STORED} findings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const projects = await store.db
    .selectFrom('projects')
    .select('id')
    .where('name', 'like', 'bench-p%')
    .execute();
  const times = [];
  for (let i = 0; i < N_PAGES; i++) {
    const f = {
      limit: 50,
      offset: Math.floor(rnd() * 5) * 50,
      sort: 'newest',
      status: ['open'],
      severity: [pick(SEV)],
    };
    if (i % 2 === 0) f.projectId = pick(projects).id;
    if (i % 3 === 0) f.principle = pick(PRINC);
    const t = performance.now();
    await listFindings(store.db, f);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(
    `filtered findings page (status+severity[, project][, principle], 50 rows + total) over ${N_STORED}: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`,
  );
}

async function seedAdvisories(dbPath) {
  const records = [];
  for (let i = 0; i < N_ADV; i++) {
    records.push({
      record: {
        id: `GHSA-bnch-${i.toString(36).padStart(4, '0')}-0000`,
        modified: '2026-01-01T00:00:00Z',
        summary: `Synthetic advisory ${i}`,
        affected: [
          {
            package: { ecosystem: 'npm', name: `pkg-${i % 5000}` },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `1.${i % 7}.0` }] }],
          },
        ],
        database_specific: { severity: pick(['HIGH', 'MODERATE', 'LOW', 'CRITICAL']) },
      },
    });
  }
  importRecords(dbPath, records, 'bench');
}

async function seedInventories() {
  for (let k = 0; k < N_INV; k++) {
    const components = Array.from({ length: 200 }, (_, j) => {
      const name = `pkg-${(k * 37 + j * 11) % 8000}`;
      const version = `1.${j % 9}.0`;
      return {
        ref: `pkg:npm/${name}@${version}`,
        ecosystem: 'npm',
        name,
        version,
        purl: `pkg:npm/${name}@${version}`,
        scope: 'required',
        direct: j < 20,
        declaredIn: 'package-lock.json',
      };
    });
    const projectId = await ensureProject(store.db, `inv-${k}`);
    await store.db
      .insertInto('inventories')
      .values({
        project_id: projectId,
        branch: 'main',
        scan_id: null,
        components: JSON.stringify(components),
        dependencies: '[]',
        component_count: components.length,
        updated_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.columns(['project_id', 'branch']).doNothing())
      .execute();
  }
}

let advDir;
if (ONLY.includes('rematch') || ONLY.includes('workers')) {
  advDir = mkdtempSync(join(tmpdir(), 'vanguard-bench-osv-'));
  await seedAdvisories(join(advDir, 'osv.sqlite'));
  await seedInventories();
}

if (ONLY.includes('rematch')) {
  const ids = await store.db.selectFrom('inventories').select('id').execute();
  const t0 = performance.now();
  let found = 0;
  for (const { id } of ids) found += (await rematchInventory(store, join(advDir, 'osv.sqlite'), id)).new;
  const sec = (performance.now() - t0) / 1000;
  console.log(
    `re-match of ${ids.length} inventories (200 packages each) against ${N_ADV} advisories, one process: ${sec.toFixed(1)} s (${(ids.length / sec).toFixed(1)} inventories/s, ${found} new findings)`,
  );
}

if (ONLY.includes('workers') && store.dialect === 'postgres') {
  // Two queue consumers with their own connections share the PostgreSQL queue (pg-boss).
  await store.db.deleteFrom('finding_events').execute();
  const producer = new PgQueue(store);
  const ids = await store.db.selectFrom('inventories').select('id').execute();
  for (const { id } of ids) await producer.enqueue('rematch', { inventoryId: id }, 'bench');
  const workers = [new PgQueue(store), new PgQueue(store)];
  const t0 = performance.now();
  await Promise.all(workers.map((w) => w.work(jobHandlers({ advisoryDb: join(advDir, 'osv.sqlite') }), 1)));
  await producer.idle();
  const sec = (performance.now() - t0) / 1000;
  const byWorker = await store.db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('kind', '=', 'rematch')
    .groupBy('status')
    .execute();
  console.log(
    `two workers on the PostgreSQL queue: ${ids.length} re-match jobs in ${sec.toFixed(1)} s (${(ids.length / sec).toFixed(1)} jobs/s); ${JSON.stringify(byWorker)}`,
  );
  await Promise.all([...workers, producer].map((w) => w.stop()));
} else if (ONLY.includes('workers')) {
  console.log('workers: skipped (needs DATABASE_URL=postgres://…)');
}

await store.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
if (advDir) rmSync(advDir, { recursive: true, force: true });
