// Benchmark of routing a runtime detection to its project: the indexed lookup (deployment_keys, what
// routeFacts does) against reading and scoring every stored deployment (what it did before 0008).
// Run after `npx tsc -p tsconfig.build.json`:
//   node bench/server/routing.mjs [--projects 2000] [--workloads 20] [--detections 300]
// SQLite in a temporary folder, or PostgreSQL when DATABASE_URL is set. Seeded (the seed is printed).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'dist');
const { openStore } = await import(join(dist, 'server/store/open.js'));
const { indexDeployment } = await import(join(dist, 'server/operate/deployment-keys.js'));
const { routeFacts } = await import(join(dist, 'server/operate/record.js'));
const { matchDeployments, choose } = await import(join(dist, 'server/operate/match.js'));
const { readCandidates } = await import(join(dist, 'server/operate/candidates.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const P = arg('projects', 2000);
const W = arg('workloads', 20);
const D = arg('detections', 300);
const SEED = arg('seed', Date.now() % 1_000_000);
let s = SEED;
const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (n) => Math.floor(rnd() * n);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`seed ${SEED}; ${P} projects × ${W} workloads, ${D} detections; load average ${load()}`);

const dir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'vg-bench-routing-'));
const store = await openStore(dir ? { dataDir: dir } : { databaseUrl: process.env.DATABASE_URL });
const now = new Date().toISOString();
const t0 = performance.now();
for (let p = 0; p < P; p++) {
  const ns = `team-${p}`;
  const workloads = Array.from({ length: W }, (_, w) => ({
    kind: 'Deployment',
    name: `svc-${p}-${w}`,
    namespace: ns,
    labels: { 'app.kubernetes.io/name': `svc-${p}-${w}`, team: ns },
    images: [`registry.example.com/${ns}/svc-${w}:1.${w}`],
    ports: [{ port: 8080, protocol: 'tcp' }],
    path: `k8s/svc-${w}.yaml`,
    line: 1,
  }));
  const deployment = { workloads, assets: [{ id: `asset-${p}`, path: 'threatmodel.yaml' }] };
  await store.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('projects')
      .values({ name: `project-${p}`, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('deployments')
      .values({
        project_id: id,
        branch: 'main',
        scan_id: null,
        workloads: JSON.stringify(workloads),
        assets: JSON.stringify(deployment.assets),
        updated_at: now,
      })
      .execute();
    await indexDeployment(trx, id, 'main', deployment);
  });
}
console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// Detections as Alertmanager and Falco send them: a namespace and pod, an image, or a host.
const detections = Array.from({ length: D }, () => {
  const p = pick(P);
  const w = pick(W);
  const kind = pick(3);
  if (kind === 0) return { apps: [], namespace: `team-${p}`, pod: `svc-${p}-${w}-7d9f8b6c4-x2x9z` };
  if (kind === 1) return { apps: [], image: `registry.example.com/team-${p}/svc-${w}:1.${w}` };
  return { apps: [], host: `svc-${p}-${w}-5f7c9d8b6d-qwxzt` };
});

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, route] of [
  ['indexed (routeFacts)', async (f) => routeFacts(store.db, f)],
  ['read all and score', async (f) => choose(matchDeployments(f, await readCandidates(store.db)))],
]) {
  const times = [];
  let routed = 0;
  // The full scan is slow: time a tenth of the detections for it.
  const sample = label.startsWith('read') ? detections.slice(0, Math.max(10, D / 10)) : detections;
  for (const f of sample) {
    const a = performance.now();
    const r = await route(f);
    times.push(performance.now() - a);
    if (r.status === 'routed' || r.kind === 'routed') routed++;
  }
  console.log(
    `${label}: median ${median(times).toFixed(2)} ms per detection, ${routed}/${sample.length} routed`,
  );
}
console.log(`load average ${load()}`);
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
