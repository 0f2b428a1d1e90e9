// Benchmark: `vanguard scan --only secrets` against secretlint on the same generated corpus.
// Usage (after `npm run build`): node bench/secrets/run.mjs [--mb 200] [--sample-mb 20] [--no-secretlint]
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
import { cpus } from 'node:os';
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
const SAMPLE_MB = arg('--sample-mb', 20);
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
  if (r.status !== 0 && r.status !== 1) {
    console.error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${(r.stderr ?? '').slice(-2000)}`);
    process.exit(1);
  }
  return { wall, peakMB: rss ? Number(rss[1]) / 1024 : NaN, status: r.status };
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

/** Every k-th file of the corpus, hard-linked into `dir`, about `mb` megabytes in all. */
function subSample(corpus, dir, mb, totalBytes) {
  rmSync(dir, { recursive: true, force: true });
  const all = filesUnder(corpus).sort();
  const step = Math.max(1, Math.round(totalBytes / (mb * 1024 * 1024)));
  let bytes = 0;
  let files = 0;
  for (let i = 0; i < all.length; i += step) {
    const target = join(dir, relative(corpus, all[i]));
    mkdirSync(dirname(target), { recursive: true });
    linkSync(all[i], target);
    bytes += statSync(all[i]).size;
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
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
const corpusDir = join(WORK, 'corpus');
let t = performance.now();
const corpus = buildCorpus(corpusDir, MB);
console.log(
  `corpus: ${mbOf(corpus.bytes).toFixed(1)} MB, ${corpus.files} files, ${corpus.planted} planted credentials (${((performance.now() - t) / 1000).toFixed(1)} s to prepare)`,
);

const full = vanguard(corpusDir, join(WORK, 'vanguard-full.json'));
const fullMBs = mbOf(corpus.bytes) / full.wall;
console.log(
  `vanguard  full corpus: ${full.wall.toFixed(2)} s, ${fullMBs.toFixed(1)} MB/s, ${(corpus.files / full.wall).toFixed(0)} files/s, peak RSS ${full.peakMB.toFixed(0)} MB, ${full.findings} findings (files scanned: ${full.scanned})`,
);

if (withSecretlint) {
  const sampleDir = join(WORK, 'sample');
  const sample = subSample(corpusDir, sampleDir, SAMPLE_MB, corpus.bytes);
  const vs = vanguard(sampleDir, join(WORK, 'vanguard-sample.json'));
  const sl = secretlint(sampleDir, join(WORK, 'secretlint-sample.json'));
  const vsMBs = mbOf(sample.bytes) / vs.wall;
  const slMBs = mbOf(sample.bytes) / sl.wall;
  console.log(`sub-sample (every k-th file): ${mbOf(sample.bytes).toFixed(1)} MB, ${sample.files} files`);
  console.log(
    `vanguard  sample: ${vs.wall.toFixed(2)} s, ${vsMBs.toFixed(1)} MB/s, ${(sample.files / vs.wall).toFixed(0)} files/s, peak RSS ${vs.peakMB.toFixed(0)} MB, ${vs.findings} findings`,
  );
  console.log(
    `secretlint sample: ${sl.wall.toFixed(2)} s, ${slMBs.toFixed(2)} MB/s, ${(sample.files / sl.wall).toFixed(0)} files/s, peak RSS ${sl.peakMB.toFixed(0)} MB, ${sl.findings} findings`,
  );
  console.log(
    `secretlint on the full corpus (extrapolated from the sub-sample's MB/s): ~${(mbOf(corpus.bytes) / slMBs).toFixed(0)} s`,
  );
  console.log(`ratio (same sub-sample): vanguard ${(vsMBs / slMBs).toFixed(1)}x secretlint`);
  console.log(`ratio (vanguard full corpus vs secretlint extrapolated): ${(fullMBs / slMBs).toFixed(1)}x`);
}
