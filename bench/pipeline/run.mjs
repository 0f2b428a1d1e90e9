// Measures pipeline analyzer throughput on the generated corpus, against the built package (dist/).
// Usage: npm run build && node bench/pipeline/gen-corpus.mjs && node bench/pipeline/run.mjs [corpusDir] [workers]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const corpus = resolve(process.argv[2] ?? 'bench/.work/pipeline-corpus');
const workers = Number(process.argv[3] ?? 2);
const dist = resolve('dist/scan/run-scan.js');
if (!existsSync(dist)) throw new Error('run `npm run build` first');
if (!existsSync(corpus)) throw new Error('run `node bench/pipeline/gen-corpus.mjs` first');
const { runScan } = await import(pathToFileURL(dist).href);

let peakRss = 0;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await runScan({
  path: corpus,
  only: ['pipeline'],
  workers,
  failOn: 'none',
  gitignore: false,
});
const ms = performance.now() - t0;
clearInterval(timer);
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

const files = Math.max(...result.analyzers.map((a) => a.filesAnalyzed));
const analyzed = result.analyzers.reduce((s, a) => s + a.filesAnalyzed, 0);
const errors = result.analyzers.reduce((s, a) => s + a.errors.length, 0);
console.log(
  JSON.stringify(
    {
      corpus,
      workers,
      loadAverage: (await import('node:os')).loadavg().map((l) => +l.toFixed(2)),
      status: result.status,
      warnings: result.warnings.length,
      filesAnalyzed: analyzed,
      largestAnalyzerFiles: files,
      findings: result.findings.length,
      errors,
      seconds: +(ms / 1000).toFixed(2),
      filesPerSecond: Math.round(analyzed / (ms / 1000)),
      // CPU time of all threads: on a loaded machine wall time overstates the cost; this does not.
      cpuSeconds: +cpuSeconds.toFixed(2),
      filesPerCpuSecond: Math.round(analyzed / cpuSeconds),
      peakRssMB: Math.round(peakRss / 1024 / 1024),
      perAnalyzer: result.analyzers.map((a) => ({
        id: a.id,
        files: a.filesAnalyzed,
        ms: Math.round(a.durationMs),
        status: a.status,
      })),
    },
    null,
    2,
  ),
);
