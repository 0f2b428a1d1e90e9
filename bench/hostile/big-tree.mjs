// Builds a tree of plain-text files (1 GB by default, 2 MB each) in a temporary folder and scans
// it with `vanguard scan --only secrets` and the default worker count, checking that the scan
// completes (every file scanned, status complete) and printing wall time, MB/s and peak memory of
// the CLI with its workers.
// Usage (after `npm run build`): node bench/hostile/big-tree.mjs [--mb 1024] [--file-mb 2] [--all]
//   --all scans with every analyzer instead of --only secrets.  --keep leaves the tree in place.
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = arg('--mb', 1024);
const FILE_MB = arg('--file-mb', 2);
const SEED = arg('--seed', Math.floor(Math.random() * 2 ** 31));
const ALL = process.argv.includes('--all');

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Text that looks like prose and logs: words, numbers, paths; no credentials. */
function textFile(rnd, bytes, n) {
  const words =
    'the order was shipped to customer after payment cleared and the invoice number was sent by mail from warehouse north to south region'.split(
      ' ',
    );
  const lines = [`# file ${n}`];
  let size = 0;
  while (size < bytes) {
    const parts = [];
    for (let i = 0; i < 14; i++) parts.push(words[Math.floor(rnd() * words.length)]);
    const line = `${new Date(1_700_000_000_000 + Math.floor(rnd() * 1e10)).toISOString()} ${parts.join(' ')} id=${Math.floor(rnd() * 1e9)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

const dir = join(tmpdir(), `vanguard-big-tree-${MB}-${FILE_MB}`);
const files = Math.ceil(MB / FILE_MB);
console.log(`seed ${SEED}; ${files} files of ${FILE_MB} MB in ${dir}`);
if (!existsSync(join(dir, '.complete'))) {
  rmSync(dir, { recursive: true, force: true });
  const rnd = rng(SEED);
  // A handful of distinct files, written many times: generation should not dominate the bench.
  const templates = Array.from({ length: 8 }, (_, i) => textFile(rnd, FILE_MB * 2 ** 20, i));
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `d${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `log-${i}.txt`), `# copy ${i}\n` + templates[i % templates.length]);
  }
  writeFileSync(join(dir, '.complete'), '');
}

const args = [CLI, 'scan', dir, '--format', 'json'];
if (!ALL) args.push('--only', 'secrets');
const r = await measure(process.execPath, args);
let result;
try {
  result = JSON.parse(r.stdout);
} catch {
  result = undefined;
}
const scanned = result?.discovery?.filesScanned ?? result?.summary?.filesScanned;
const mbps = MB / (r.ms / 1000);
console.log(
  `exit ${r.code ?? r.signal}; ${(r.ms / 1000).toFixed(1)} s; ${mbps.toFixed(1)} MB/s; peak ${(r.peakBytes / 2 ** 20).toFixed(0)} MB (CLI + workers); ` +
    `${availableParallelism()} cores (default workers); status ${result?.status ?? 'no report'}; files scanned ${scanned ?? '?'}`,
);
const ok = (r.code === 0 || r.code === 1) && result?.status === 'complete';
if (!ok) {
  console.error(r.killedFor ?? r.stderr.slice(-4000));
  process.exitCode = 1;
}
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
