// Watching overhead of `vanguard build` on a 10,000-file source tree (docs/performance.md).
// Usage: node bench/attest/watch.mjs [files=10000] [rounds=3]   (after `npm run build`)
// The build compiles every file with esbuild's transform, one at a time (a real compile, not a sleep). Rounds alternate a bare
// build, the same build under the per-folder watcher alone, and the full `vanguard build`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
console.log(`seed ${seed}, ${files} files, ${rounds} rounds, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

// A deterministic generator, so that every run builds the same tree.
let s = seed;
const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
const git = (...a) => execFileSync('git', a, { cwd: tree, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });

if (!existsSync(join(tree, '.git'))) {
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const paths = [];
  for (let i = 0; i < files; i++) {
    const dir = `src/m${Math.floor(rand() * 40)}/p${Math.floor(rand() * 20)}`;
    const p = `${dir}/f${i}.ts`;
    mkdirSync(join(tree, dir), { recursive: true });
    const body = Array.from({ length: 40 }, (_, k) => `export function f${i}_${k}(x: number): number { return x * ${k} + ${Math.floor(rand() * 1000)}; }`).join('\n');
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

const wall = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const bare = () => {
  rmSync(join(tree, 'dist'), { recursive: true, force: true });
  return wall(() => spawnSync(process.execPath, ['build.mjs'], { cwd: tree, stdio: 'inherit' }));
};
const watched = async () => {
  rmSync(join(tree, 'dist'), { recursive: true, force: true });
  const tracked = git('ls-files', '-z').toString().split('\0').filter(Boolean);
  const t = performance.now();
  const w = new SourceWatcher(tree, foldersOf(tracked));
  w.start();
  await new Promise((r) => spawn(process.execPath, ['build.mjs'], { cwd: tree, stdio: 'inherit' }).on('close', r));
  const ms = performance.now() - t;
  await w.stop(0);
  return { ms, folders: foldersOf(tracked).length, events: w.events.length, failures: w.failures.length };
};
const full = () => {
  rmSync(join(tree, 'dist'), { recursive: true, force: true });
  let out;
  const ms = wall(() => {
    out = spawnSync(process.execPath, [cli, 'build', '--artifacts', 'dist/**', '-f', 'json', '-o', '.vanguard/report.json', '--', process.execPath, 'build.mjs'], { cwd: tree, encoding: 'utf8', env: { ...process.env, CI: '', GITHUB_ACTIONS: '', GITLAB_CI: '' } });
  });
  if (out.status !== 0) throw new Error(`vanguard build exited ${out.status}: ${out.stderr}`);
  return ms;
};
const startup = () => wall(() => spawnSync(process.execPath, [cli, '--version']));

const rows = [];
bare(); // warm the file cache and esbuild
for (let r = 0; r < rounds; r++) {
  const b = bare();
  const w = await watched();
  const f = full();
  const st = startup();
  rows.push({ b, w: w.ms, f, st });
  console.log(`round ${r + 1}: bare ${b.toFixed(0)} ms | watched ${w.ms.toFixed(0)} ms (${w.folders} folders, ${w.events} events, ${w.failures} failures) | vanguard build ${f.toFixed(0)} ms (CLI start-up alone ${st.toFixed(0)} ms)`);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const B = med(rows.map((r) => r.b));
const W = med(rows.map((r) => r.w));
const F = med(rows.map((r) => r.f));
const S = med(rows.map((r) => r.st));
console.log(`median: bare ${B.toFixed(0)} ms; watching adds ${(((W - B) / B) * 100).toFixed(1)}%; the whole vanguard build adds ${(F - B).toFixed(0)} ms = ${(((F - B) / B) * 100).toFixed(1)}% (of which ${S.toFixed(0)} ms is CLI start-up)`);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
