// Benchmark of the findings platform. Run after `npm run build`:
//   node bench/server/run.mjs [--findings 50000] [--stored 1000000] [--pages 200]
//                             [--inventories 1000] [--advisories 20000] [--only ingest,page,rematch,workers]
// SQLite by default (a temporary folder); set DATABASE_URL=postgres://… for PostgreSQL (an empty database).
// Findings are synthesised with a seeded generator (the seed is printed), shaped like real scan results.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, '..', '..', 'dist');
const { openStore } = await import(join(dist, 'server/store/open.js'));
const { ensureProject, ingestReport } = await import(join(dist, 'server/ingest/ingest.js'));
const { parseReport } = await import(join(dist, 'server/ingest/parse.js'));
const { listFindings } = await import(join(dist, 'server/store/findings-query.js'));
const { optimizeStore } = await import(join(dist, 'server/store/maintenance.js'));
const { importRecords } = await import(join(dist, 'analyzers/deps/db/import.js'));
const { rematchInventories, REMATCH_BATCH } = await import(join(dist, 'server/jobs/rematch.js'));
const { PgQueue } = await import(join(dist, 'server/jobs/pg-queue.js'));

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

// --data-dir keeps the SQLite store for another run (the page benchmark then reuses what it stored).
const keptDir = arg('data-dir', undefined);
const dataDir = process.env.DATABASE_URL
  ? undefined
  : (keptDir ?? mkdtempSync(join(tmpdir(), 'vanguard-bench-')));
const store = await openStore(
  process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir },
);
console.log(`store: ${store.dialect} (${store.location})`);
const target = async (project, branch = 'main') => ({
  projectId: await ensureProject(store.db, project),
  branch,
  actor: 'bench',
});

/** CPU seconds of this process and (PostgreSQL on this machine) of the database's server processes. */
async function cpuSeconds() {
  const own = process.cpuUsage();
  let server = 0;
  if (store.dialect === 'postgres') {
    const { sql } = await import(join(dist, '..', 'node_modules', 'kysely', 'dist', 'esm', 'index.js'));
    const pids = await sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(
      store.db,
    );
    const tick = 100; // USER_HZ on Linux
    for (const { pid } of pids.rows) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        server += (Number(f[11]) + Number(f[12])) / tick;
      } catch {
        // Not on this machine (a remote server): only this process is counted.
      }
    }
  }
  return { own: (own.user + own.system) / 1e6, server };
}

/** Wall time and findings per second, and the CPU seconds spent, which the machine's load moves less. */
async function timed(label, n, fn) {
  const c0 = await cpuSeconds();
  const t0 = performance.now();
  const out = await fn();
  const sec = (performance.now() - t0) / 1000;
  const c1 = await cpuSeconds();
  const cpu = c1.own - c0.own + (c1.server - c0.server);
  console.log(
    `${label}: ${sec.toFixed(2)} s, ${Math.round(n / sec)} findings/s; CPU ${cpu.toFixed(2)} s (node ${(c1.own - c0.own).toFixed(2)}${store.dialect === 'postgres' ? `, postgres ${(c1.server - c0.server).toFixed(2)}` : ''}) = ${Math.round(n / cpu)} findings per CPU-second`,
  );
  return out;
}

if (ONLY.includes('ingest')) {
  const doc = report(Array.from({ length: N_FINDINGS }, (_, i) => finding(i, 'ing')));
  const first = await timed(`ingest ${N_FINDINGS} new findings (parse + store)`, N_FINDINGS, async () =>
    ingestReport(store, parseReport(doc), await target('bench-ingest')),
  );
  // The same report again: every finding exists, so this is the update path.
  const again = await timed(`ingest the same ${N_FINDINGS} again`, N_FINDINGS, async () =>
    ingestReport(store, parseReport(doc), await target('bench-ingest')),
  );
  // Half the findings gone (closed as fixed), and 10% of them changed (new severity).
  const next = doc.findings
    .slice(0, N_FINDINGS / 2)
    .map((f, i) => (i % 10 === 0 ? { ...f, severity: 'critical' } : f));
  const third = await timed(
    `a later scan: ${next.length} reported (10% changed), ${N_FINDINGS - next.length} fixed`,
    N_FINDINGS,
    async () => ingestReport(store, parseReport(report(next)), await target('bench-ingest')),
  );
  console.log(`  outcomes: new ${first.new}; then unchanged ${again.unchanged}; then fixed ${third.fixed}`);
}

/** A SARIF report from another tool, so the tool filter has something to tell apart. */
function sarif(findings, tool) {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool, rules: [] } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          level: 'warning',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.location.path },
                region: { startLine: f.location.startLine },
              },
            },
          ],
          partialFingerprints: { primary: f.fingerprint },
        })),
      },
    ],
  };
}

const OWASP = ['A01:2025', 'A02:2025', 'A03:2025', 'A05:2025', 'A07:2025'];

/** The filters a dashboard user reaches for, each a function of the stored projects. */
const PAGE_KINDS = {
  status: () => ({ status: ['open'] }),
  'status+severity': () => ({ status: ['open'], severity: [pick(SEV)] }),
  'project+status': (p) => ({ projectId: pick(p).id, status: ['open'] }),
  'project+status+severity': (p) => ({ projectId: pick(p).id, status: ['open'], severity: [pick(SEV)] }),
  'status+severity+principle': () => ({ status: ['open'], severity: [pick(SEV)], principle: pick(PRINC) }),
  'project+owasp': (p) => ({ projectId: pick(p).id, owasp: pick(OWASP) }),
  'tool (semgrep)+status': () => ({ tool: 'semgrep', status: ['open'] }),
  'status, sort due': () => ({ status: ['open'], sort: 'due' }),
  'keyset page (after)': () => ({ status: ['open'], after: 1 + Math.floor(rnd() * N_STORED) }),
  'text (q=module N)+status': () => ({ status: ['open'], text: `module ${Math.floor(rnd() * 977)}` }),
  'text (q=rare)': () => ({ text: `at st${Math.floor(rnd() * 20)} ${Math.floor(rnd() * N_STORED)}:` }),
};

const alreadyStored = async () =>
  Number(
    (
      await store.db
        .selectFrom('findings')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

if (ONLY.includes('page')) {
  const t0 = performance.now();
  const batch = 50_000;
  const have = await alreadyStored();
  if (have > 0) console.log(`reusing the ${have} findings stored before`);
  for (let done = have, p = have / batch; done < N_STORED; done += batch, p++) {
    const n = Math.min(batch, N_STORED - done);
    const list = Array.from({ length: n }, (_, i) => {
      const f = finding(done + i, `st${p}`);
      return { ...f, owasp: [pick(OWASP)] };
    });
    // Every fifth report comes from another tool as SARIF.
    const doc = p % 5 === 4 ? sarif(list, 'semgrep') : report(list);
    await ingestReport(store, parseReport(doc), await target(`bench-p${p % 20}`));
  }
  console.log(`stored ${N_STORED} findings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // What a running server has after a bulk load: PostgreSQL's autovacuum analyses the table, and the
  // server runs SQLite's `PRAGMA optimize` on its maintenance timer.
  await optimizeStore(store);
  // Autovacuum's other half after a bulk load: the visibility map, so counts can read indexes only.
  if (store.dialect === 'postgres') {
    const { sql } = await import(join(dist, '..', 'node_modules', 'kysely', 'dist', 'esm', 'index.js'));
    await sql`VACUUM findings, finding_tools, finding_search`.execute(store.db);
  }
  const projects = await store.db
    .selectFrom('projects')
    .select('id')
    .where('name', 'like', 'bench-p%')
    .execute();
  const all = [];
  const byKind = {};
  for (let i = 0; i < N_PAGES; i++) {
    const kinds = Object.keys(PAGE_KINDS);
    const kind = kinds[i % kinds.length];
    const f = { limit: 50, offset: 0, sort: 'newest', ...PAGE_KINDS[kind](projects) };
    if (f.after === undefined) f.offset = Math.floor(rnd() * 5) * 50;
    const t = performance.now();
    await listFindings(store.db, f);
    const ms = performance.now() - t;
    all.push(ms);
    (byKind[kind] ??= []).push(ms);
  }
  const q = (list, p) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1);
  };
  console.log(
    `filtered findings page (50 rows + total) over ${N_STORED}, ${N_PAGES} pages of ${Object.keys(PAGE_KINDS).length} kinds: p50 ${q(all, 0.5)} ms, p95 ${q(all, 0.95)} ms, max ${q(all, 1)} ms`,
  );
  for (const [kind, list] of Object.entries(byKind))
    console.log(
      `  ${kind.padEnd(28)} p50 ${q(list, 0.5).padStart(7)} ms  p95 ${q(list, 0.95).padStart(7)} ms`,
    );
  console.log(
    `load average after the pages: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
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

/** Runs the re-match of every stored inventory the way the job queue does, batch by batch. */
async function rematchRound(batch) {
  const ids = (await store.db.selectFrom('inventories').select('id').orderBy('id').execute()).map(
    (r) => r.id,
  );
  const out = { new: 0, matches: 0, unchanged: 0 };
  for (let i = 0; i < ids.length; i += batch) {
    const r = await rematchInventories(store, join(advDir, 'osv.sqlite'), ids.slice(i, i + batch));
    out.new += r.new;
    out.matches += r.matches;
    out.unchanged += r.unchanged;
  }
  return { ...out, inventories: ids.length };
}

if (ONLY.includes('rematch')) {
  for (const [label, batch] of [
    [`first run, batches of ${REMATCH_BATCH} (every match is new)`, REMATCH_BATCH],
    [`second run, batches of ${REMATCH_BATCH} (nothing new: the daily case)`, REMATCH_BATCH],
    ['third run, one inventory per job (as before batching)', 1],
  ]) {
    const c0 = await cpuSeconds();
    const t0 = performance.now();
    const r = await rematchRound(batch);
    const sec = (performance.now() - t0) / 1000;
    const c1 = await cpuSeconds();
    console.log(
      `re-match of ${r.inventories} inventories (200 packages each) against ${N_ADV} advisories, ${label}: ${sec.toFixed(1)} s (${(r.inventories / sec).toFixed(1)} inventories/s; CPU ${(c1.own - c0.own + c1.server - c0.server).toFixed(1)} s); ${r.matches} matches, ${r.new} new findings`,
    );
  }
}

if (ONLY.includes('workers') && store.dialect === 'postgres') {
  // `vanguard worker` processes share the PostgreSQL queue (pg-boss); this process only queues.
  // Rounds: a warm-up with two workers (every match new), then the same jobs with one worker and with
  // two (nothing new: the daily case), so the timed rounds do the same work.
  const { spawn } = await import('node:child_process');
  const cli = join(dist, 'cli', 'main.js');
  const producer = new PgQueue(store);
  const ids = (await store.db.selectFrom('inventories').select('id').orderBy('id').execute()).map(
    (r) => r.id,
  );
  const JOB_SIZE = 10;
  const startWorkers = (n) =>
    Array.from({ length: n }, () =>
      spawn(
        process.execPath,
        [cli, 'worker', '--concurrency', '1', '--db-path', join(advDir, 'osv.sqlite')],
        {
          env: { ...process.env },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      ),
    );
  const ready = (w) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('a worker did not start within 120 s')), 120_000);
      w.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
      w.stdout.on('data', (b) => {
        if (b.toString().includes('worker ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  const stopAll = async (workers) => {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(
      workers.map((w) => new Promise((r) => (w.exitCode !== null ? r() : w.once('exit', r)))),
    );
  };
  async function round(label, n) {
    const workers = startWorkers(n);
    try {
      await Promise.all(workers.map(ready));
      const since = new Date().toISOString();
      const c0 = await cpuSeconds();
      const t0 = performance.now();
      // Many small jobs, so that the queue (not one long job) is what is measured.
      for (let i = 0; i < ids.length; i += JOB_SIZE)
        await producer.enqueue('rematch', { inventoryIds: ids.slice(i, i + JOB_SIZE) }, 'bench');
      await producer.idle();
      const sec = (performance.now() - t0) / 1000;
      const c1 = await cpuSeconds();
      const byWorker = await store.db
        .selectFrom('jobs')
        .select(['worker', 'status', (eb) => eb.fn.countAll().as('n')])
        .where('kind', '=', 'rematch')
        .where('created_at', '>=', since)
        .groupBy(['worker', 'status'])
        .execute();
      // A job that ran twice would have recorded two re-match scans of one inventory in this round.
      const twice = await store.db
        .selectFrom('scans')
        .select(['project_id', 'branch'])
        .where('format', '=', 'rematch')
        .where('received_at', '>=', since)
        .groupBy(['project_id', 'branch'])
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      console.log(
        `${label}: ${n} vanguard worker process${n > 1 ? 'es' : ''}, ${Math.ceil(ids.length / JOB_SIZE)} re-match jobs of ${JOB_SIZE} inventories in ${sec.toFixed(1)} s (${(ids.length / sec).toFixed(1)} inventories/s; database CPU ${(c1.server - c0.server).toFixed(1)} s); jobs per worker and status ${JSON.stringify(byWorker.map((r) => [r.worker, r.status, Number(r.n)]))}; inventories re-matched twice: ${twice.length}; load average ${loadavg()[0].toFixed(2)}`,
      );
      return sec;
    } finally {
      await stopAll(workers);
    }
  }
  await round('warm-up (every match new)', 2);
  const one = await round('one worker', 1);
  const two = await round('two workers', 2);
  console.log(`two workers vs one: ${(one / two).toFixed(2)}x faster`);
  await producer.stop();
} else if (ONLY.includes('workers')) {
  console.log('workers: skipped (needs DATABASE_URL=postgres://…)');
}

await store.close();
if (dataDir && !keptDir) rmSync(dataDir, { recursive: true, force: true });
if (advDir) rmSync(advDir, { recursive: true, force: true });
