// Benchmark of GET /api/v1/metrics's computation over a large store. Run after `npx tsc -p tsconfig.build.json`:
//   node bench/server/metrics.mjs [--findings 1000000] [--projects 100] [--store sqlite,postgres] [--runs 5]
//     [--keep DIR [--rebuild] [--fill-only]] [--seed N]
// SQLite in a temporary folder; PostgreSQL in a throwaway cluster started here from Debian's
// `postgresql` package (as the tests do), or DATABASE_URL when set. With --keep the SQLite file
// (DIR/sqlite) and the cluster (DIR/pg) are kept and reused by the next run with the same --keep:
// the fill (many minutes at a million findings) happens once; --rebuild rebuilds the rollup of a
// kept store (opening it runs new migrations, so a changed rollup needs this only between them). Data comes from a seeded
// generator (the seed is printed) with skewed, long-tailed distributions like real programmes:
// a few large projects, most findings in code, log-normal times to detect and to fix.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, '..', '..', 'dist');
const { openStore } = await import(join(dist, 'server/store/open.js'));
const { computeMetrics } = await import(join(dist, 'server/metrics/compute.js'));
const { MetricsCache } = await import(join(dist, 'server/metrics/cache.js'));
const { rebuildRollup } = await import(join(dist, 'server/metrics/rollup-build.js'));
const { expireAcceptances } = await import(join(dist, 'server/triage.js'));
const { maskOf, OWASP_BITS, PRINCIPLE_BITS } = await import(join(dist, 'server/store/labels.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('findings', 1_000_000));
const P = Number(arg('projects', 100));
const RUNS = Number(arg('runs', 5));
const STORES = arg('store', 'sqlite,postgres').split(',');
const SEED = Number(arg('seed', Date.now() % 1_000_000));
const KEEP = arg('keep', undefined);
const REBUILD = process.argv.includes('--rebuild');
// Fill (or reuse) the stores and stop: to prepare a kept store without measuring.
const FILL_ONLY = process.argv.includes('--fill-only');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`seed ${SEED}; ${N} findings, ${P} projects; load average ${load()}`);

// mulberry32: 32-bit integer steps, so the stream does not collapse. (The LCG used before multiplied
// in doubles past 2^53 and cycled after ~16,000 draws: "1,000,000 findings" were ~1,600 rows repeated.)
let s = SEED >>> 0;
const rnd = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const weighted = (pairs) => {
  const total = pairs.reduce((a, [, w]) => a + w, 0);
  let r = rnd() * total;
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};
// A standard normal by Box–Muller; log-normal durations have the long tail real fix times have.
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const logNormalDays = (medianDays, sigma) => medianDays * Math.exp(sigma * normal());
const DAY = 86_400_000;
// Mid-month and mid-day, so the default window starts and ends inside a month as real ones do.
const NOW = Date.UTC(2026, 10, 17, 13, 30);
const SEV = [
  ['critical', 3],
  ['high', 15],
  ['medium', 40],
  ['low', 30],
  ['info', 12],
];
const PHASE = [
  ['design', 3],
  ['code', 62],
  ['build', 12],
  ['test', 10],
  ['release', 5],
  ['runtime', 8],
];
const STATUS = [
  ['open', 30],
  ['fixed', 58],
  ['accepted', 5],
  ['false-positive', 5],
  ['not-affected', 2],
];
const ANALYZERS = [
  ['code', 35],
  ['deps', 35],
  ['secrets', 10],
  ['iac', 12],
  ['pipeline', 8],
];
const PRINC = ['encryption', 'authentication', 'logging', 'asset-management', 'zoning-containment'];
const SLA = { critical: 7, high: 30, medium: 90, low: 120 };
// 300 rules, each with its fixed principles and OWASP categories, as rules carry them.
const RULES = Array.from({ length: 300 }, (_, i) => {
  const principles = PRINC.filter((_, k) => (i >> k) % 3 === 0).slice(0, 2);
  const owasp = [`A${String(1 + (i % 10)).padStart(2, '0')}:2025`];
  return {
    principles: JSON.stringify(principles),
    owasp: JSON.stringify(owasp),
    // As ingest stores them (migration 4): the filters and the metrics rollup read the masks.
    principle_mask: maskOf(PRINCIPLE_BITS, principles),
    owasp_mask: maskOf(OWASP_BITS, owasp),
  };
});

function row(i, projectIds) {
  // Zipf-like project sizes: project k gets weight 1/(k+1).
  const k = Math.min(
    projectIds.length - 1,
    Math.floor(Math.exp(rnd() * Math.log(projectIds.length + 1))) - 1,
  );
  const severity = weighted(SEV);
  const status = weighted(STATUS);
  const first = NOW - rnd() * 730 * DAY;
  const rule = RULES[i % 300];
  const fixed = status === 'fixed' ? Math.min(NOW, first + logNormalDays(20, 1.2) * DAY) : null;
  const intro = rnd() < 0.85 ? first - logNormalDays(45, 1.5) * DAY : null;
  const due = SLA[severity] ? new Date(first + SLA[severity] * DAY).toISOString() : null;
  const iso = (t) => new Date(t).toISOString();
  return {
    project_id: projectIds[k],
    branch: 'main',
    fingerprint: `fp-${i}`,
    rule_id: `code/rule-${i % 300}`,
    analyzer: weighted(ANALYZERS),
    severity,
    confidence: 'high',
    title: `Problem ${i % 300}`,
    message: 'input reaches a sink without validation',
    remediation: 'validate the input',
    path: `src/m${i % 977}/file${i % 5000}.ts`,
    start_line: 1 + (i % 400),
    location: '{}',
    cwe: '[89]',
    owasp: rule.owasp,
    principles: rule.principles,
    principle_mask: rule.principle_mask,
    owasp_mask: rule.owasp_mask,
    tools: '["vanguard"]',
    phase: weighted(PHASE),
    advisory: null,
    package_key: null,
    package: null,
    status,
    status_source: 'scan',
    status_reason: null,
    accepted_owner: status === 'accepted' ? 'owner' : null,
    accepted_until: status === 'accepted' ? iso(first + rnd() * 400 * DAY) : null,
    introduced_at: intro === null ? null : iso(intro),
    first_seen: iso(first),
    last_seen: iso(fixed ?? NOW),
    fixed_at: fixed === null ? null : iso(fixed),
    sla_start: iso(first),
    sla_due: due,
    detected_by: 'scan',
    first_scan_id: null,
    last_scan_id: null,
  };
}

async function rebuild(store) {
  const t1 = Date.now();
  await rebuildRollup(store.db, store.dialect);
  const n = await store.db
    .selectFrom('metric_rollup')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`  rollup rebuilt in ${((Date.now() - t1) / 1000).toFixed(1)} s: ${n.n} rows`);
}

/** Fills a new store; a kept store that holds findings already is reused as it is. */
async function fill(store) {
  const had = await store.db
    .selectFrom('findings')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(had.n) > 0) {
    console.log(`  reusing the kept store: ${had.n} findings (the seed above is not theirs)`);
    if (REBUILD) await rebuild(store);
    await sweep(store);
    return;
  }
  const t0 = Date.now();
  const ids = [];
  for (let p = 0; p < P; p++) {
    const r = await store.db
      .insertInto('projects')
      .values({
        name: `project-${p}`,
        created_at: new Date(NOW - 800 * DAY).toISOString(),
        default_branch: 'main',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(r.id);
    if (p % 4 === 0)
      await store.db
        .insertInto('project_tags')
        .values({ project_id: r.id, tag: `team-${p % 3}` })
        .execute();
  }
  const BATCH = 800;
  for (let i = 0; i < N;) {
    await store.db.transaction().execute(async (trx) => {
      for (let j = 0; j < 50 && i < N; j++) {
        const rows = [];
        for (let k = 0; k < BATCH && i < N; k++, i++) rows.push(row(i, ids));
        await trx.insertInto('findings').values(rows).execute();
      }
    });
  }
  if (store.dialect === 'postgres')
    await store.db
      .executeQuery({ sql: 'ANALYZE', parameters: [], query: { kind: 'RawNode' } })
      .catch(() => undefined);
  console.log(`  filled ${N} findings in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // Rows went straight into the table, past the writes that keep the rollup: build it as migration 6 does.
  await rebuild(store);
  await sweep(store);
}

/**
 * The expiry sweep a server runs at start and every ten minutes: the generator accepts findings with
 * expiries in the past, which a running server would have reopened (the metrics count an expired
 * acceptance as open either way, but read the unswept ones from the findings).
 */
async function sweep(store) {
  const t = Date.now();
  const n = await expireAcceptances(store.db, store.dialect, new Date(NOW));
  console.log(
    `  expiry sweep: ${n} acceptances had expired, reopened in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
}

async function measure(store, label, q) {
  const times = [];
  let last;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    last = await computeMetrics(store.db, store.dialect, q, new Date(NOW));
    times.push(performance.now() - t);
  }
  if (process.env.DIRECT) {
    // The same query computed from the findings only (the test oracle): its time, and that it agrees.
    const t = performance.now();
    const direct = await computeMetrics(store.db, store.dialect, q, new Date(NOW), 'direct');
    const same =
      JSON.stringify({ ...direct, generatedAt: '' }) === JSON.stringify({ ...last, generatedAt: '' });
    console.log(`    direct: ${(performance.now() - t).toFixed(0)} ms, same numbers: ${same}`);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, best ${times[0].toFixed(0)} ms over ${RUNS} runs (detected ${last.totals.detected}, open ${last.totals.open}); load ${load()}`,
  );
}

async function bench(store) {
  await fill(store);
  if (FILL_ONLY) return;
  await measure(store, 'all projects, last 365 days by quarter', {});
  await measure(store, 'all projects, last 365 days by week', { interval: 'week' });
  await measure(store, 'all projects, 730 days by week', {
    from: new Date(NOW - 730 * DAY).toISOString(),
    interval: 'week',
  });
  await measure(store, 'all projects, high+critical, last 90 days by month', {
    from: new Date(NOW - 90 * DAY).toISOString(),
    interval: 'month',
    severity: 'critical,high',
  });
  await measure(store, 'one tag, high+critical', { tag: 'team-1', severity: 'critical,high' });
  await measure(store, 'one project (the largest, 15 % of the findings)', { project: 'project-0' });
  await measure(store, 'one small project', { project: 'project-60' });
  // What the route serves: recomputed only when a push or a status change happened since.
  const cache = new MetricsCache(store.db, store.dialect);
  await cache.get({}, new Date(NOW));
  const t = performance.now();
  await cache.get({}, new Date(NOW));
  console.log(
    `  repeated request, data unchanged (route cache): ${(performance.now() - t).toFixed(1)} ms; load ${load()}`,
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway cluster like the tests' (test/helpers/postgres.ts), or the kept one in `kept` (created
 * there on first use); returns its URL and a stop function (which removes only a throwaway one).
 */
async function throwawayPostgres(kept) {
  const base = '/usr/lib/postgresql';
  const v = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!v) throw new Error('PostgreSQL is not installed (Debian package postgresql)');
  const bin = join(base, v, 'bin');
  if (kept) mkdirSync(kept, { recursive: true });
  const state = kept ?? mkdtempSync(join(tmpdir(), 'vanguard-bench-pg-'));
  const root = process.getuid?.() === 0;
  const run = (b, a) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, b), ...a], { stdio: 'pipe' })
      : execFileSync(join(bin, b), a, { stdio: 'pipe' });
  if (root) {
    chmodSync(state, 0o755);
    execFileSync('chown', ['postgres:postgres', state]);
  }
  if (!existsSync(join(state, 'data')))
    run('initdb', ['-D', join(state, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    join(state, 'data'),
    '-l',
    join(state, 'log'),
    '-w',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${state}`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      run('pg_ctl', ['-D', join(state, 'data'), '-m', kept ? 'fast' : 'immediate', '-w', 'stop']);
      if (!kept) rmSync(state, { recursive: true, force: true });
    },
  };
}

if (STORES.includes('sqlite')) {
  const dir = KEEP ? join(KEEP, 'sqlite') : mkdtempSync(join(tmpdir(), 'vanguard-bench-metrics-'));
  console.log('SQLite');
  const store = await openStore({ dataDir: dir });
  try {
    await bench(store);
  } finally {
    await store.close();
    if (!process.env.KEEP && !KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`  kept ${dir}`);
  }
}
if (STORES.includes('postgres')) {
  const pg = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: () => undefined }
    : await throwawayPostgres(KEEP ? join(KEEP, 'pg') : undefined);
  console.log('PostgreSQL');
  const store = await openStore({ databaseUrl: pg.url });
  try {
    await bench(store);
  } finally {
    await store.close();
    pg.stop();
  }
}
