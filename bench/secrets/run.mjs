// Benchmark: `vanguard scan --only secrets` against secretlint on the same generated corpus.
// Usage (after `npm run build`): node bench/secrets/run.mjs [--mb 200] [--sample-mb N] [--no-secretlint]
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  readFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = join(ROOT, 'bench/.work');
const CACHE = join(ROOT, 'bench/.cache');
const CLI = join(ROOT, 'dist/cli/main.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = arg('--mb', 200);
// 0 runs secretlint on the whole corpus; N > 0 on a sub-sample of about N MB (extrapolated).
const SAMPLE_MB = arg('--sample-mb', 0);
const withSecretlint = !process.argv.includes('--no-secretlint');

if (!existsSync(CLI)) {
  console.error('dist/cli/main.js is missing: run `npm run build` first.');
  process.exit(2);
}

/** Runs a command under /usr/bin/time -v; returns wall seconds and peak RSS in MB. */
function measure(cmd, args, cwd) {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - start) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const cpu = Number(user?.[1] ?? NaN) + Number(sys?.[1] ?? NaN);
  if (r.status !== 0 && r.status !== 1) {
    console.error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${(r.stderr ?? '').slice(-2000)}`);
    process.exit(1);
  }
  return { wall, cpu, peakMB: rss ? Number(rss[1]) / 1024 : NaN, status: r.status };
}

function filesUnder(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile() && !e.name.startsWith('.corpus')) out.push(p);
  }
  return out;
}

/** A seeded random ~`mb` MB of the corpus's files (all kinds in proportion), hard-linked into `dir`. */
function subSample(corpus, dir, mb, totalBytes) {
  rmSync(dir, { recursive: true, force: true });
  const all = filesUnder(corpus).sort();
  const fraction = Math.min(1, (mb * 1024 * 1024) / totalBytes);
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let bytes = 0;
  let files = 0;
  for (const file of all) {
    if (rnd() >= fraction) continue;
    const target = join(dir, relative(corpus, file));
    mkdirSync(dirname(target), { recursive: true });
    linkSync(file, target);
    bytes += statSync(file).size;
    files++;
  }
  return { bytes, files };
}

function vanguard(dir, out) {
  const m = measure(
    process.execPath,
    [CLI, 'scan', dir, '--only', 'secrets', '--format', 'json', '--output', out],
    ROOT,
  );
  const result = JSON.parse(readFileSync(out, 'utf8'));
  return {
    ...m,
    findings: result.findings.length,
    scanned: result.discovery?.filesScanned,
    bytes: result.discovery?.bytesScanned,
  };
}

function secretlint(dir, out) {
  const bin = join(CACHE, 'node_modules/.bin/secretlint');
  if (!existsSync(bin)) {
    console.error(
      'secretlint is not installed: npm install --prefix bench/.cache secretlint @secretlint/secretlint-rule-preset-recommend',
    );
    process.exit(2);
  }
  const rc = join(WORK, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const m = measure(
    bin,
    ['**/*', '--secretlintrc', rc, '--format', 'json', '--output', out, '--maskSecrets'],
    dir,
  );
  let findings = NaN;
  if (existsSync(out))
    findings = JSON.parse(readFileSync(out, 'utf8')).reduce((n, f) => n + f.messages.length, 0);
  return { ...m, findings };
}

const mbOf = (b) => b / (1024 * 1024);
const line = (name, mb, files, m) =>
  `${name.padEnd(11)} ${m.wall.toFixed(2).padStart(7)} s wall  ${(mb / m.wall).toFixed(1).padStart(7)} MB/s  ` +
  `${(files / m.wall).toFixed(0).padStart(6)} files/s  cpu ${m.cpu.toFixed(1).padStart(6)} s (${(mb / m.cpu).toFixed(1)} MB/cpu-s)  ` +
  `peak RSS ${m.peakMB.toFixed(0)} MB  ${m.findings} findings`;

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const corpusDir = join(WORK, 'corpus');
const t = performance.now();
const corpus = buildCorpus(corpusDir, MB);
const corpusMB = mbOf(corpus.bytes);
console.log(
  `corpus: ${corpusMB.toFixed(1)} MB, ${corpus.files} files, ${corpus.planted} planted credentials (${((performance.now() - t) / 1000).toFixed(1)} s to prepare)`,
);

const full = vanguard(corpusDir, join(WORK, 'vanguard-full.json'));
console.log(line('vanguard', corpusMB, corpus.files, full));

if (withSecretlint) {
  let sl;
  let slMB = corpusMB;
  let slFiles = corpus.files;
  if (SAMPLE_MB > 0) {
    // A documented sub-sample: every k-th file, about SAMPLE_MB; MB/s is extrapolated to the corpus.
    const sampleDir = join(WORK, 'sample');
    const sample = subSample(corpusDir, sampleDir, SAMPLE_MB, corpus.bytes);
    slMB = mbOf(sample.bytes);
    slFiles = sample.files;
    console.log(`secretlint runs on a random sub-sample: ${slMB.toFixed(1)} MB, ${slFiles} files`);
    console.log(line('vanguard*', slMB, slFiles, vanguard(sampleDir, join(WORK, 'vanguard-sample.json'))));
    sl = secretlint(sampleDir, join(WORK, 'secretlint.json'));
  } else {
    sl = secretlint(corpusDir, join(WORK, 'secretlint.json'));
  }
  console.log(line(SAMPLE_MB > 0 ? 'secretlint*' : 'secretlint', slMB, slFiles, sl));
  const ratio = corpusMB / full.wall / (slMB / sl.wall);
  const cpuRatio = corpusMB / full.cpu / (slMB / sl.cpu);
  console.log(
    `ratio: vanguard is ${ratio.toFixed(1)}x secretlint in MB/s (wall), ${cpuRatio.toFixed(1)}x per CPU-second${SAMPLE_MB > 0 ? ' (secretlint extrapolated from the sub-sample)' : ''}`,
  );
}
