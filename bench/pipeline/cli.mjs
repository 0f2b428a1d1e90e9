// Times `vanguard scan --only pipeline` as a user runs it (the built CLI, JSON report to a file) on a corpus,
// and prints wall time, CPU seconds of the process and its workers, peak RSS, files and findings, with the
// load average (CPU seconds move less than wall time when other work shares the machine).
// Usage: npm run build && node bench/pipeline/cli.mjs <corpusDir> [workers] [runs]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const corpus = resolve(process.argv[2] ?? 'bench/.work/pipeline-real');
const workers = process.argv[3] ?? '2';
const runs = Number(process.argv[4] ?? 1);
const cli = resolve('dist/cli/main.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first');
if (!existsSync(corpus)) throw new Error('build a corpus first (bench/pipeline/replicate-corpus.mjs)');
// GNU time reports the CPU and memory of the child; without it, wall time only.
const gnuTime = existsSync('/usr/bin/time');
const tmp = mkdtempSync(join(tmpdir(), 'vg-pipeline-cli-'));

const results = [];
for (let r = 0; r < runs; r++) {
  const report = join(tmp, 'report.json');
  const args = [
    cli,
    'scan',
    corpus,
    '--only',
    'pipeline',
    '--no-gitignore',
    '--no-progress',
    '--fail-on',
    'none',
  ];
  args.push('--workers', workers, '--format', 'json', '--output', report);
  const t0 = performance.now();
  const p = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (p.status !== 0) throw new Error(`scan exited ${p.status}: ${p.stderr.slice(-2000)}`);
  const [user, sys, rssKb] = gnuTime ? p.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [];
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const pipeline = json.analyzers.find((a) => a.id === 'pipeline');
  results.push({
    wallSeconds: +wall.toFixed(2),
    ...(gnuTime ? { cpuSeconds: +(user + sys).toFixed(2), peakRssMB: Math.round(rssKb / 1024) } : {}),
    files: pipeline.filesAnalyzed,
    analyzerMs: Math.round(pipeline.durationMs),
    findings: json.findings.length,
    status: json.status,
    warnings: json.warnings.length,
  });
}
rmSync(tmp, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      corpus,
      workers: Number(workers),
      cpus: cpus().length,
      loadAverage: loadavg().map((l) => +l.toFixed(2)),
      runs: results,
    },
    null,
    2,
  ),
);
