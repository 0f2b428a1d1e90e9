// Issue #18: a Dockerfile of 1 million continuation lines (19 MB) took 60 s and 2.6 GB when a parse
// tree of every line was built. Writes that file (an instruction continued over `--lines` lines, then
// two instructions with findings after it) and scans it with `vanguard scan --only iac` under a
// watchdog (wall time and memory of the CLI with its workers); checks the findings and their lines,
// prints wall time, peak memory and the memory per line above a scan of a one-line Dockerfile.
// Usage (after `npm run build`): node bench/hostile/dockerfile.mjs [--lines 1000000]
//   [--max-mb 1024] [--max-s 600] [--all]   (--all: every analyzer instead of --only iac)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const LINES = arg('--lines', 1_000_000);
const MAX_MB = arg('--max-mb', 1024);
const MAX_S = arg('--max-s', 600);
const only = process.argv.includes('--all') ? [] : ['--only', 'iac'];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Scans a folder holding only `dockerfile` under the watchdog; returns the run and its report. */
async function scan(dockerfile) {
  const dir = mkdtempSync(join(tmpdir(), 'vg-bench-dockerfile-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    const r = await measure(process.execPath, [CLI, 'scan', dir, '--format', 'json', ...only], {
      timeoutMs: MAX_S * 1000,
      maxBytes: MAX_MB * 2 ** 20,
    });
    let report;
    try {
      report = JSON.parse(r.stdout);
    } catch {
      report = undefined;
    }
    return { r, report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const small = await scan('FROM alpine:3.20\nUSER app\n');
const text = `FROM alpine:3.20\nRUN echo a \\\n${'  argument-value \\\n'.repeat(LINES)}  c\nRUN curl -fsSL https://get.example.com/i.sh | sh\nUSER root\n`;
console.log(
  `Dockerfile of ${LINES + 5} lines, ${(text.length / 2 ** 20).toFixed(1)} MB; load average ${load()}`,
);
const { r, report } = await scan(text);
const found = (report?.findings ?? []).map((f) => `${f.ruleId}:${f.location.startLine}`).sort();
const expected = [`iac/dockerfile-curl-pipe-shell:${LINES + 4}`, `iac/dockerfile-user-root:${LINES + 5}`];
const errors = (report?.analyzers ?? []).flatMap((a) => a.errors ?? []);
const perLine = (r.peakBytes - small.r.peakBytes) / (LINES + 5);
console.log(
  `exit ${r.code ?? r.signal}; ${(r.ms / 1000).toFixed(1)} s; peak ${(r.peakBytes / 2 ** 20).toFixed(0)} MB ` +
    `(a one-line Dockerfile: ${(small.r.peakBytes / 2 ** 20).toFixed(0)} MB, ${(small.r.ms / 1000).toFixed(1)} s); ` +
    `${Math.round(perLine)} bytes per line above it; status ${report?.status ?? 'no report'}; load average ${load()}`,
);
const ok =
  !r.killedFor &&
  report?.status === 'complete' &&
  errors.length === 0 &&
  JSON.stringify(found) === JSON.stringify(expected);
if (!ok) {
  console.error(r.killedFor ?? `findings ${JSON.stringify(found)} errors ${JSON.stringify(errors)}`);
  console.error(r.stderr.slice(-2000));
  process.exitCode = 1;
}
