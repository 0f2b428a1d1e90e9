// Real-tree benchmark: `vanguard scan --only secrets` on published code, with the default worker
// count and with --workers 1, and against secretlint (its current release and recommended preset).
// The corpus is real: the pinned applications and frameworks below, installed with their
// dependencies from the npm registry (`npm install`, scripts off) into a temporary folder outside
// the repository; secretlint is installed into another.
// Usage (after `npm run build`): node bench/secrets/real-tree.mjs [--no-secretlint] [--runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 3);
const withSecretlint = !process.argv.includes('--no-secretlint');

// Real applications and frameworks a web team installs (with every dependency they pull in).
const CORPUS_PACKAGES = {
  express: '4.21.2',
  next: '14.2.15',
  react: '18.3.1',
  'react-dom': '18.3.1',
  webpack: '5.95.0',
  eslint: '9.13.0',
  typescript: '5.6.3',
  '@angular/core': '18.2.8',
  vue: '3.5.12',
  lodash: '4.17.21',
  moment: '2.30.1',
  axios: '1.7.7',
};
const SECRETLINT = { secretlint: '13.0.6', '@secretlint/secretlint-rule-preset-recommend': '13.0.6' };

const BASE = join(tmpdir(), 'vanguard-bench-real-tree');
const CORPUS = join(BASE, 'corpus');
const TOOL = join(BASE, 'secretlint');

function install(dir, deps) {
  if (existsSync(join(dir, '.installed'))) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bench', private: true, dependencies: deps }, null, 2),
  );
  console.log(`npm install in ${dir} …`);
  const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(2);
  writeFileSync(join(dir, '.installed'), '');
}

function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  const stack = [dir];
  for (let d = stack.pop(); d; d = stack.pop())
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  return { bytes, files };
}

/** One run's wall and CPU time (the command and its workers) and the largest single process's peak RSS, via /usr/bin/time -v. */
function once(cmd, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${(r.stderr ?? '').slice(-2000)}`);
    process.exit(1);
  }
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  // CPU seconds of the command and its children (the workers): what a loaded machine moves least.
  const seconds = (label) =>
    Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
  return { wall, rss, cpu: seconds('User') + seconds('System') };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the commands in turn RUNS times (so that the machine's load touches them alike); medians of wall and CPU. */
function interleaved(commands) {
  const runs = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach((c, j) => runs[j].push(once(c.cmd, c.args, c.cwd)));
  return runs.map((rs) => ({
    wall: median(rs.map((r) => r.wall)),
    cpu: median(rs.map((r) => r.cpu)),
    rss: Math.max(...rs.map((r) => r.rss)),
  }));
}

install(CORPUS, CORPUS_PACKAGES);
// Both tools skip node_modules by default (as users want), so the installed packages are
// hard-linked into a plain folder that both read in full, with no ignore flags on either side.
const TREE = join(BASE, 'tree');
if (!existsSync(join(TREE, 'packages'))) {
  mkdirSync(TREE, { recursive: true });
  const r = spawnSync('cp', ['-al', join(CORPUS, 'node_modules'), join(TREE, 'packages')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(2);
}
const { bytes, files } = sizeOf(TREE);
const mb = bytes / 2 ** 20;
console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `corpus: ${Object.keys(CORPUS_PACKAGES).length} packages and their dependencies: ${mb.toFixed(0)} MB, ${files} files`,
);
const scanArgs = [
  CLI,
  'scan',
  '.',
  '--only',
  'secrets',
  '--format',
  'json',
  '--output',
  join(BASE, 'vanguard.json'),
];
const loadBefore = loadavg()[0];
const [dflt, one] = interleaved([
  { cmd: process.execPath, args: scanArgs, cwd: TREE },
  { cmd: process.execPath, args: [...scanArgs, '--workers', '1'], cwd: TREE },
]);
const show = (name, m) =>
  `${name.padEnd(26)} median ${m.wall.toFixed(2).padStart(7)} s wall  ${(mb / m.wall).toFixed(1).padStart(6)} MB/s  CPU ${m.cpu.toFixed(2)} s  peak RSS ${m.rss.toFixed(0)} MB`;
console.log(`${RUNS} run(s) each, interleaved; medians`);
console.log(show(`vanguard (default: ${availableParallelism()} worker(s))`, dflt));
console.log(show('vanguard --workers 1', one));
console.log(
  `default workers vs --workers 1: ${(one.wall / dflt.wall).toFixed(2)}x in wall time (target >= 1.00), ` +
    `${(one.cpu / dflt.cpu).toFixed(2)}x in CPU time`,
);
if (withSecretlint) {
  install(TOOL, SECRETLINT);
  const rc = join(BASE, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const [sl] = interleaved([
    {
      cmd: join(TOOL, 'node_modules/.bin/secretlint'),
      args: [
        '**/*',
        '--secretlintrc',
        rc,
        '--format',
        'json',
        '--output',
        join(BASE, 'secretlint.json'),
        '--maskSecrets',
      ],
      cwd: TREE,
    },
  ]);
  console.log(show(`secretlint ${SECRETLINT.secretlint}`, sl));
  console.log(
    `vanguard (default workers) vs secretlint: ${(sl.wall / dflt.wall).toFixed(1)}x faster in wall time (target >= 5x), ` +
      `${(sl.cpu / dflt.cpu).toFixed(1)}x in CPU time; --workers 1: ${(sl.wall / one.wall).toFixed(1)}x wall, ${(sl.cpu / one.cpu).toFixed(1)}x CPU`,
  );
}
console.log(
  `load average: ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (${cpus().length} cores)`,
);
