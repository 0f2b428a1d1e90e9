// Re-measures the crash of issue #18: `scan --history --history-since <commit>` on a 500-file history
// ended in a segmentation fault about 1 run in 20 when worker threads shared a compiled RE2.Set and a
// worker was replaced. Builds the history once (fast-import), then runs the scan `--runs` times with
// the default workers and counts crashes: the CLI ending on a signal, and worker processes that died
// on one (the pool reports them as failed files, "worker exited (signal …)").
// The tree is big enough (500 files of 1.1 MB by default) that each of two workers passes the
// 256 MB recycling threshold, so every run replaces workers.
// Usage (after `npm run build`): node bench/hostile/history-since.mjs [--runs 40] [--files 500]
//   [--file-kb 1100] [--commits 10] [--keep]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 40);
const FILES = arg('--files', 500);
const FILE_KB = arg('--file-kb', 1100);
const COMMITS = arg('--commits', 10);

const dir = join(tmpdir(), `vanguard-history-since-${FILES}-${FILE_KB}-${COMMITS}`);
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (args, input) =>
  execFileSync('git', args, { cwd: dir, env, input, maxBuffer: 1 << 30 })
    .toString()
    .trim();

/** A log-like text file of about `kb` KB; `n` makes each file distinct. No credentials. */
function body(n, kb, extra = '') {
  const line = `2026-01-01T00:00:00Z worker ${n} processed the batch and wrote the summary to the shared folder\n`;
  return `# file ${n}\n${line.repeat(Math.ceil((kb * 1024) / line.length))}${extra}`;
}

// The marker of a finished build sits in .git, out of the scanned tree.
if (!existsSync(join(dir, '.git', 'vanguard-bench-complete'))) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(['init', '-q', '-b', 'main']);
  // fast-import writes the whole history from one stream; the first commit adds every file,
  // each later one changes a tenth of them (a few appended lines each).
  const chunks = [];
  const emit = (s) => chunks.push(Buffer.from(s));
  for (let c = 1; c <= 1 + COMMITS; c++) {
    emit(`commit refs/heads/main\nmark :${c}\ncommitter Bench <b@example.com> ${1_700_000_000 + c} +0000\n`);
    emit(`data 3\nc${String(c % 100).padStart(2, '0')}\n`);
    if (c > 1) emit(`from :${c - 1}\n`);
    for (let f = 0; f < FILES; f++) {
      if (c > 1 && (f + c) % 10 !== 0) continue;
      const extra = c > 1 ? `change ${c} to file ${f}: rotated the log at ${c}:00\n`.repeat(c) : '';
      const data = Buffer.from(body(f, FILE_KB, extra));
      emit(`M 100644 inline d${f % 20}/f${f}.log\ndata ${data.length}\n`);
      chunks.push(data);
      emit('\n');
    }
  }
  git(['fast-import', '--quiet'], Buffer.concat(chunks));
  git(['reset', '-q', '--hard', 'main']);
  writeFileSync(join(dir, '.git', 'vanguard-bench-complete'), '');
}
const since = git(['rev-list', '--max-parents=0', 'HEAD']);

console.log(
  `${FILES} files of ${FILE_KB} KB, ${COMMITS} commits after ${since.slice(0, 12)}; ${RUNS} runs with the default workers (${availableParallelism()} cores); load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
let cliSignals = 0;
let workerSignals = 0;
let otherFailures = 0;
const times = [];
let peak = 0;
for (let i = 1; i <= RUNS; i++) {
  const r = await measure(
    process.execPath,
    [CLI, 'scan', dir, '--history', '--history-since', since, '--format', 'json'],
    { timeoutMs: 30 * 60_000 },
  );
  times.push(r.ms);
  peak = Math.max(peak, r.peakBytes);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    report = undefined;
  }
  const errors = (report?.analyzers ?? []).flatMap((a) => a.errors ?? []);
  const crashed = errors.filter((e) => /signal SIG/.test(e.message)).length;
  let what = `exit ${r.code}`;
  if (r.signal) {
    cliSignals++;
    what = `CLI killed by ${r.signal}${r.killedFor ? ` (${r.killedFor})` : ''}`;
  } else if (crashed > 0) {
    workerSignals++;
    what += `; ${crashed} files failed in a worker that died on a signal`;
  } else if (report?.status !== 'complete' || (r.code !== 0 && r.code !== 1)) {
    otherFailures++;
    what += `; status ${report?.status ?? 'no report'}: ${r.stderr.slice(-300)}`;
  }
  console.log(
    `run ${i}: ${what}; ${(r.ms / 1000).toFixed(1)} s; peak ${(r.peakBytes / 2 ** 20).toFixed(0)} MB`,
  );
}
times.sort((a, b) => a - b);
console.log(
  `runs ${RUNS}: CLI ended on a signal ${cliSignals}, a worker died on a signal ${workerSignals}, other failures ${otherFailures}; ` +
    `median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(1)} s; peak ${(peak / 2 ** 20).toFixed(0)} MB; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
if (cliSignals + workerSignals + otherFailures > 0) process.exitCode = 1;
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
