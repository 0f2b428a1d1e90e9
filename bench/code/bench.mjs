// Throughput of the code analyzer on a real code base: lines/second and peak memory, with N worker threads.
// Usage: npx tsc -p tsconfig.build.json && node bench/code/bench.mjs <dir> [--workers 2] [--ext js,ts] [--json out.json] [--limit N] [--dist DIR]
// Drives the built analyzer (dist/) exactly as the engine does: one SourceFile per file, analyze() in workers.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

// --dist DIR runs another build (an A/B against main's dist/ on the same files under the same load).
const distArg = process.argv.indexOf('--dist');
const DIST =
  distArg === -1
    ? new URL('../../dist/', import.meta.url)
    : new URL(`file://${process.argv[distArg + 1].replace(/\/?$/, '/')}`);

if (!isMainThread) {
  const { codeAnalyzer } = await import(new URL('analyzers/code/index.js', DIST).href);
  const { makeSourceFile, makeMemoryContext } = await import(new URL('core/source-file.js', DIST).href);
  // The engine's context: every walked file can be read, so cross-file taint (imports, templates) runs as in a scan.
  const base = makeMemoryContext({}, {}, workerData.dir);
  const paths = new Set(workerData.all);
  const ctx = {
    ...base,
    paths,
    readFile: (p) =>
      Promise.resolve(paths.has(p) ? readFileSync(join(workerData.dir, p), 'utf8') : undefined),
  };
  const out = { files: 0, lines: 0, findings: [], errors: 0, skipped: 0, ms: 0 };
  const t0 = performance.now();
  for (const [abs, rel] of workerData.files) {
    const bytes = readFileSync(abs);
    const text = bytes.toString('utf8');
    const file = makeSourceFile(rel, text, abs, bytes);
    out.files++;
    out.lines += text.split('\n').length;
    const before = ctx.warnings.length;
    try {
      for (const f of await codeAnalyzer.analyze(file, ctx)) {
        out.findings.push({
          ruleId: f.ruleId,
          path: f.location.path,
          from: rel,
          line: f.location.startLine,
          confidence: f.confidence,
          tier: f.tier,
          severity: f.severity,
          message: f.message,
        });
      }
    } catch (err) {
      out.errors++;
      if (out.errors < 5) console.error(`error in ${rel}: ${err?.message ?? err}`);
    }
    if (ctx.warnings.length > before) out.skipped++;
  }
  out.ms = performance.now() - t0;
  out.rss = process.memoryUsage().rss;
  parentPort.postMessage(out);
} else {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? dflt : args[i + 1];
  };
  const dir = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
  if (!dir) {
    console.error(
      'usage: node bench/code/bench.mjs <dir> [--workers 2] [--ext js,ts] [--json out.json] [--limit N] [--dist DIR]',
    );
    process.exit(2);
  }
  const workers = Number(opt('workers', '2'));
  const exts = new Set(opt('ext', 'js,mjs,cjs,jsx,ts,mts,cts,tsx,py').split(','));
  const limit = Number(opt('limit', '0'));
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const ext = e.name.slice(e.name.lastIndexOf('.') + 1).toLowerCase();
        if (exts.has(ext) && !/\.d\.[cm]?ts$/.test(e.name)) files.push([p, relative(dir, p)]);
      }
    }
  };
  walk(dir);
  if (limit > 0) files.length = Math.min(files.length, limit);
  // Largest first, dealt round-robin, so the workers finish together.
  files.sort((a, b) => statSync(b[0]).size - statSync(a[0]).size);
  const all = files.map((f) => f[1]);
  const shares = Array.from({ length: workers }, () => []);
  files.forEach((f, i) => shares[i % workers].push(f));
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const load0 = loadavg()[0];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { files: share, dir, all } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  const wall = (performance.now() - t0) / 1000;
  // CPU time of every thread of the process: on a shared machine the wall clock measures the other
  // sessions as much as the analyzer; lines per CPU-second times the workers is what idle cores give.
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  clearInterval(timer);
  const total = results.reduce(
    (a, r) => ({
      files: a.files + r.files,
      lines: a.lines + r.lines,
      errors: a.errors + r.errors,
      skipped: a.skipped + r.skipped,
    }),
    { files: 0, lines: 0, errors: 0, skipped: 0 },
  );
  const findings = results.flatMap((r) => r.findings);
  const byRule = {};
  for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  const summary = {
    dir,
    workers,
    files: total.files,
    lines: total.lines,
    seconds: Number(wall.toFixed(2)),
    linesPerSecond: Math.round(total.lines / wall),
    cpuSeconds: Number(cpu.toFixed(2)),
    linesPerCpuSecond: Math.round(total.lines / cpu),
    loadAverage: [Number(load0.toFixed(2)), Number(loadavg()[0].toFixed(2))],
    peakRssMB: Math.round(Math.max(peakRss, ...results.map((r) => r.rss)) / 1048576),
    errors: total.errors,
    skippedMinifiedOrHuge: total.skipped,
    findings: findings.length,
    byRule,
  };
  console.log(JSON.stringify(summary, null, 2));
  const jsonOut = opt('json', '');
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ summary, findings }, null, 2));
}
