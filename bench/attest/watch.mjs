// Watching overhead of `vanguard build` on a 10,000-file source tree (docs/performance.md).
// Usage: node bench/attest/watch.mjs [files=10000] [rounds=3]   (after `npm run build`)
// The build compiles every file with esbuild's transform, one at a time (a real compile, not a sleep). Rounds alternate a bare
// build, the same build under the per-folder watcher alone, and the full `vanguard build`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const files = Number(process.argv[2] ?? 10000);
const rounds = Number(process.argv[3] ?? 3);
const seed = Number(process.env.SEED ?? 42);
const tree = join(repoRoot, 'bench', '.work', `attest-tree-${files}`);
const cli = join(repoRoot, 'dist', 'cli', 'main.js');
const { SourceWatcher, foldersOf } = await import(join(repoRoot, 'dist', 'attest', 'watcher.js'));
console.log(
  `seed ${seed}, ${files} files, ${rounds} rounds, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

// A deterministic generator, so that every run builds the same tree.
let s = seed;
const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
const git = (...a) =>
  execFileSync('git', a, {
    cwd: tree,
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });

if (!existsSync(join(tree, '.git'))) {
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const paths = [];
  for (let i = 0; i < files; i++) {
    const dir = `src/m${Math.floor(rand() * 40)}/p${Math.floor(rand() * 20)}`;
    const p = `${dir}/f${i}.ts`;
    mkdirSync(join(tree, dir), { recursive: true });
    const body = Array.from(
      { length: 40 },
      (_, k) =>
        `export function f${i}_${k}(x: number): number { return x * ${k} + ${Math.floor(rand() * 1000)}; }`,
    ).join('\n');
    writeFileSync(join(tree, p), `// generated ${p}\n${body}\n`);
    paths.push(p);
  }
  writeFileSync(join(tree, '.gitignore'), 'dist/\n.vanguard/\n');
  writeFileSync(
    join(tree, 'build.mjs'),
    `import { transformSync } from ${JSON.stringify(join(repoRoot, 'node_modules', 'esbuild', 'lib', 'main.js'))};\n` +
      `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';\n` +
      `import { dirname, join } from 'node:path';\n` +
      `// One file at a time: a compile of every source, with esbuild's memory bounded.\n` +
      `for (const p of readFileSync('files.txt', 'utf8').split('\\n').filter(Boolean)) {\n` +
      `  const out = transformSync(readFileSync(p, 'utf8'), { loader: 'ts', minify: true }).code;\n` +
      `  const dest = join('dist', p.replace(/\\.ts$/, '.js'));\n` +
      `  mkdirSync(dirname(dest), { recursive: true });\n` +
      `  writeFileSync(dest, out);\n` +
      `}\n`,
  );
  writeFileSync(join(tree, 'files.txt'), paths.join('\n') + '\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-qm', 'tree');
}

// CPU seconds of finished children (cutime + cstime in /proc/self/stat): less sensitive to other load than wall time.
const childCpu = () => {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[13]) + Number(f[14])) * 10; // clock ticks of 10 ms
};
let lastCpu = 0;
const wall = (fn) => {
  const c = childCpu();
  const t = performance.now();
  fn();
  lastCpu = childCpu() - c;
  return performance.now() - t;
};
const bare = () => {
  rmSync(join(tree, 'dist'), { recursive: true, force: true });
  const ms = wall(() => spawnSync(process.execPath, ['build.mjs'], { cwd: tree, stdio: 'inherit' }));
  return { ms, cpu: lastCpu };
};
const watched = async () => {
  rmSync(join(tree, 'dist'), { recursive: true, force: true });
  const tracked = git('ls-files', '-z').toString().split('\0').filter(Boolean);
  const t = performance.now();
  const w = new SourceWatcher(tree, foldersOf(tracked));
  w.start();
  await new Promise((r) =>
    spawn(process.execPath, ['build.mjs'], { cwd: tree, stdio: 'inherit' }).on('close', r),
  );
  const ms = performance.now() - t;
  await w.stop(0);
  return { ms, folders: foldersOf(tracked).length, events: w.events.length, failures: w.failures.length };
};
const full = () => {
  rmSync(join(tree, 'dist'), { recursive: true, force: true });
  let out;
  const ms = wall(() => {
    out = spawnSync(
      process.execPath,
      [
        cli,
        'build',
        '--artifacts',
        'dist/**',
        '-f',
        'json',
        '-o',
        '.vanguard/report.json',
        '--',
        process.execPath,
        'build.mjs',
      ],
      { cwd: tree, encoding: 'utf8', env: { ...process.env, CI: '', GITHUB_ACTIONS: '', GITLAB_CI: '' } },
    );
  });
  if (out.status !== 0) throw new Error(`vanguard build exited ${out.status}: ${out.stderr}`);
  return { ms, cpu: lastCpu };
};
const startup = () => {
  const ms = wall(() => spawnSync(process.execPath, [cli, '--version']));
  return { ms, cpu: lastCpu };
};

const rows = [];
if (process.env.WATCH_ONLY === '1') {
  bare();
  const b = bare();
  const w = await watched();
  console.log(
    `bare ${b.ms.toFixed(0)} ms (${b.cpu} ms CPU) | watched ${w.ms.toFixed(0)} ms | ${w.folders} folders, ${w.events} events, ${w.failures} failures | watcher CPU ${w.cpuMs.toFixed(1)} ms (set-up ${w.setupMs.toFixed(1)} ms) = ${((w.cpuMs / b.cpu) * 100).toFixed(2)}% of the build's CPU`,
  );
  process.exit(0);
}
bare(); // warm the file cache and esbuild
for (let r = 0; r < rounds; r++) {
  const b = bare();
  const w = await watched();
  const f = full();
  const st = startup();
  rows.push({ b: b.ms, w: w.ms, f: f.ms, st: st.ms, bc: b.cpu, fc: f.cpu, sc: st.cpu });
  console.log(
    `round ${r + 1}: bare ${b.ms.toFixed(0)} ms (${b.cpu} ms CPU) | watched ${w.ms.toFixed(0)} ms (${w.folders} folders, ${w.events} events, ${w.failures} failures; watcher CPU ${w.cpuMs.toFixed(0)} ms of which set-up ${w.setupMs.toFixed(0)} ms) | vanguard build ${f.ms.toFixed(0)} ms (${f.cpu} ms CPU; CLI start-up alone ${st.ms.toFixed(0)} ms, ${st.cpu} ms CPU)`,
  );
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (k) => med(rows.map((r) => r[k]));
const pct = (x, base) => `${(((x - base) / base) * 100).toFixed(1)}%`;
console.log(
  `median wall: bare ${m('b').toFixed(0)} ms; under the watcher alone ${m('w').toFixed(0)} ms (${pct(m('w'), m('b'))}); vanguard build ${m('f').toFixed(0)} ms (${pct(m('f'), m('b'))}, CLI start-up ${m('st').toFixed(0)} ms)`,
);
console.log(
  `median CPU: bare ${m('bc')} ms; vanguard build ${m('fc')} ms (${pct(m('fc'), m('bc'))}; start-up ${m('sc')} ms, so ${pct(m('fc') - m('sc'), m('bc'))} without it)`,
);
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
