// Benchmark of the deps analyzer: import rate of OSV records into the local index, and inventory + match of a
// lockfile with >= 3,000 packages against >= 20,000 advisories. Run after `npm run build`:
//   node bench/deps/run.mjs [--advisories 20000] [--packages 3000]
// Advisories are synthesised from the shapes of the real records in test/fixtures/osv (ranges, aliases,
// severities, multi-package records), renamed onto a pool of package names so that a share of them hit the lockfile.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, '..', '..', 'dist');
const { readOsvZip, osvRecordsInZip } = await import(join(dist, 'analyzers/deps/db/archive.js'));
const { importRecords } = await import(join(dist, 'analyzers/deps/db/import.js'));
const { depsAnalyzer, closeDepsDatabase } = await import(join(dist, 'analyzers/deps/index.js'));
const { parseNpmLock } = await import(join(dist, 'analyzers/deps/lockfiles/npm.js'));
const { makeMemoryContext, makeSourceFile } = await import(join(dist, 'core/source-file.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N_ADV = arg('advisories', 20_000);
const N_PKG = arg('packages', 3_000);

const osvDir = join(here, '..', '..', 'test', 'fixtures', 'osv');
const real = readdirSync(osvDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(osvDir, f), 'utf8')));
const npmShapes = real.filter((r) => r.affected.every((a) => a.package.ecosystem === 'npm'));

// Lockfile: N_PKG npm packages in a package-lock v3, each at version 1.<i % 20>.0, every 10th depending on the next.
const names = Array.from({ length: N_PKG }, (_, i) => `bench-pkg-${String(i).padStart(5, '0')}`);
const packages = { '': { name: 'bench', version: '1.0.0', dependencies: {} } };
names.forEach((n, i) => {
  const e = {
    version: `1.${i % 20}.0`,
    resolved: `https://registry.npmjs.org/${n}/-/${n}-1.${i % 20}.0.tgz`,
    integrity: `sha512-${Buffer.alloc(64, i % 251).toString('base64')}`,
  };
  if (i % 10 !== 9 && i + 1 < N_PKG) e.dependencies = { [names[i + 1]]: '^1.0.0' };
  if (i % 10 === 0) packages[''].dependencies[n] = e.version;
  packages[`node_modules/${n}`] = e;
});
const lockText = JSON.stringify(
  { name: 'bench', version: '1.0.0', lockfileVersion: 3, requires: true, packages },
  null,
  2,
);

// Advisories: real npm shapes, renamed onto 4x as many names as the lockfile has (so ~1/4 can hit).
const pool = Array.from({ length: N_PKG * 4 }, (_, i) => (i < N_PKG ? names[i] : `other-pkg-${i}`));
const files = {};
for (let i = 0; i < N_ADV; i++) {
  const shape = npmShapes[i % npmShapes.length];
  const rec = structuredClone(shape);
  rec.id = `GHSA-bench-${String(i).padStart(6, '0')}`;
  rec.aliases = [`CVE-2099-${String(i).padStart(6, '0')}`];
  const name = pool[(i * 7919) % pool.length];
  for (const a of rec.affected) {
    a.package.name = name;
    // Keep the real events but move them onto the synthetic 1.x line so some installed versions fall inside.
    for (const r of a.ranges ?? []) r.events = [{ introduced: '0' }, { fixed: `1.${(i * 13) % 20}.1` }];
  }
  files[`${rec.id}.json`] = strToU8(JSON.stringify(rec));
}
const zip = zipSync(files, { level: 6 });

const work = mkdtempSync(join(tmpdir(), 'vanguard-bench-deps-'));
const dbPath = join(work, 'osv.sqlite');
const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
try {
  // What `vanguard db import all.zip` does: unzip, verify and insert entry by entry, in one transaction.
  const streamed = importRecords(dbPath, osvRecordsInZip(zip), 'bench');
  console.log(`archive: ${N_ADV} advisories, ${mb(zip.length)} zipped`);
  console.log(
    `import (unzip + verify + insert, streamed): ${streamed.records} in ${(streamed.seconds * 1000).toFixed(0)} ms = ${Math.round(streamed.perSecond)} advisories/s (target >= 5,000/s)`,
  );
  let t = performance.now();
  const records = readOsvZip(zip);
  const unzipMs = performance.now() - t;
  const res = importRecords(dbPath, records, 'bench');
  console.log(
    `  of which unzip + verify: ${unzipMs.toFixed(0)} ms; insert alone (re-import of the same source): ${Math.round(res.perSecond)} advisories/s`,
  );

  t = performance.now();
  const inv = parseNpmLock(lockText);
  const parseMs = performance.now() - t;
  console.log(
    `inventory: ${inv.packages.length} packages, ${inv.edges.length} edges, ${(lockText.length / 1024 / 1024).toFixed(1)} MB lockfile, parse ${parseMs.toFixed(0)} ms`,
  );

  const ctx = makeMemoryContext({ 'package-lock.json': lockText }, { dbPath });
  // Open the database first (what prepare/the first file does), then time inventory + match of the big lockfile.
  await depsAnalyzer.analyze(makeSourceFile('package.json', '{"dependencies":{}}'), ctx);
  const before = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  t = performance.now();
  const findings = await depsAnalyzer.analyze(makeSourceFile('package-lock.json', lockText), ctx);
  const matchMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const after = process.memoryUsage();
  const advisoryFindings = findings.filter((f) => f.package).length;
  console.log(
    `inventory + match (DB open): ${matchMs.toFixed(0)} ms for ${inv.packages.length} packages -> ${advisoryFindings} advisory findings (target < 1,000 ms)`,
  );
  // CPU time as well: wall time on a shared, loaded machine overstates the work.
  console.log(
    `  CPU time of that run: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (load average ${loadavg()[0].toFixed(1)})`,
  );
  t = performance.now();
  await depsAnalyzer.analyze(makeSourceFile('package-lock.json', lockText), ctx);
  console.log(`second run (records cached): ${(performance.now() - t).toFixed(0)} ms`);
  console.log(
    `memory: rss ${mb(after.rss)}, heap used ${mb(after.heapUsed)} (heap +${mb(after.heapUsed - before.heapUsed)} during the match)`,
  );
  closeDepsDatabase();
} finally {
  rmSync(work, { recursive: true, force: true });
}
