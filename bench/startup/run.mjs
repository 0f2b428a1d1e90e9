// Start-up figures: `vanguard --version` against `node -e 0`, and `vanguard scan --staged` of a
// one-file change in a generated 5,000-file git repository (what a pre-commit hook pays).
// Usage: npm run build && node bench/startup/run.mjs [--runs 15] [--files 5000] [--json]
// The repository's content is deterministic (no random numbers); it is built in a temporary folder
// and removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const RUNS = arg('--runs', 15);
const FILES = arg('--files', 5000);
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/**
 * CPU time (user + system) of the children this process has waited for, in milliseconds (Linux:
 * /proc/self/stat fields cutime and cstime, in clock ticks of 10 ms); undefined elsewhere. CPU time
 * moves less than wall time when other work shares the machine.
 */
function childCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined; // not Linux: wall time only
  }
}

/** Wall and CPU time of one run, in milliseconds; a failed run (other than the exit codes allowed) stops the bench. */
function timed(cmd, args, cwd, okCodes = [0]) {
  const cpu0 = childCpuMs();
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const cpu1 = childCpuMs();
  if (!okCodes.includes(r.status ?? -1)) {
    console.error(`${[cmd, ...args].join(' ')} exited ${r.status}:\n${r.stderr}`);
    process.exit(1);
  }
  return { ms, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

function stats(samples) {
  const s = samples.map((x) => x.ms).sort((a, b) => a - b);
  const cpu = samples
    .map((x) => x.cpu)
    .filter((x) => x !== undefined)
    .sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)],
    min: s[0],
    max: s[s.length - 1],
    cpuMedian: cpu.length > 0 ? cpu[Math.floor(cpu.length / 2)] : undefined,
  };
}

/** Runs the commands in turn, RUNS times, so that the machine's load touches them alike. */
function interleaved(commands) {
  const samples = commands.map(() => []);
  for (let i = 0; i < RUNS; i++)
    commands.forEach((c, j) => samples[j].push(timed(c.cmd, c.args, c.cwd, c.ok)));
  return samples.map(stats);
}

function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/** A repository of FILES small source, config and documentation files in nested folders, one commit. */
function buildRepo(dir) {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'bench@example.com');
  git(dir, 'config', 'user.name', 'Bench');
  const kinds = [
    [
      'ts',
      (i) => `export function handler${i}(input: string): string {\n  return input.trim() + '${i}';\n}\n`,
    ],
    ['js', (i) => `const value${i} = require('./util');\nmodule.exports = () => value${i}.run(${i});\n`],
    ['yaml', (i) => `name: service-${i}\nreplicas: ${(i % 5) + 1}\nports:\n  - 80${i % 100}\n`],
    ['md', (i) => `# Module ${i}\n\nNotes for module ${i}.\n`],
    ['py', (i) => `def f${i}(x):\n    return x * ${i}\n`],
  ];
  for (let i = 0; i < FILES; i++) {
    const [ext, body] = kinds[i % kinds.length];
    const folder = join(dir, 'src', `pkg${Math.floor(i / 250)}`, `mod${Math.floor(i / 25) % 10}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `file${i}.${ext}`), body(i));
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  // The change a pre-commit hook sees: one edited file, staged.
  const changed = join(dir, 'src', 'pkg0', 'mod0', 'file0.ts');
  writeFileSync(changed, `${'// edited\n'}export const edited = true;\n`);
  git(dir, 'add', changed);
}

const work = mkdtempSync(join(tmpdir(), 'vg-bench-startup-'));
try {
  const repo = join(work, 'repo');
  mkdirSync(repo);
  const tBuild = Date.now();
  buildRepo(repo);
  const buildSeconds = (Date.now() - tBuild) / 1000;

  // Warm the file-system cache and the V8 code cache alike for every command.
  timed(process.execPath, [CLI, '--version']);
  timed(process.execPath, [CLI, 'scan', '--staged', '--no-progress', '--format', 'json'], repo, [0, 1]);

  const [node, version, staged] = interleaved([
    { cmd: process.execPath, args: ['-e', '0'] },
    { cmd: process.execPath, args: [CLI, '--version'] },
    {
      cmd: process.execPath,
      args: [CLI, 'scan', '--staged', '--no-progress', '--format', 'json'],
      cwd: repo,
      ok: [0, 1],
    },
  ]);
  const result = {
    runs: RUNS,
    files: FILES,
    cpus: cpus().length,
    loadAverage: loadavg()[0].toFixed(2),
    node: process.version,
    repoBuildSeconds: buildSeconds,
    nodeEmptyMs: node,
    versionMs: version,
    stagedMs: staged,
    versionRatio: version.median / node.median,
    stagedRatio: staged.median / node.median,
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const f = (s) =>
      `median ${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)})` +
      (s.cpuMedian === undefined ? '' : `, CPU ${s.cpuMedian} ms`);
    process.stdout.write(
      [
        `${RUNS} runs each, interleaved; ${cpus().length} CPUs, load average ${result.loadAverage}, Node ${process.version}`,
        `node -e 0                     ${f(node)}`,
        `vanguard --version            ${f(version)}  = ${result.versionRatio.toFixed(2)}x node -e 0 (target <= 4x)`,
        `vanguard scan --staged        ${f(staged)}  (one staged file in a ${FILES}-file repository; target < 500 ms)`,
        `  = ${(staged.median / node.median).toFixed(2)}x node -e 0 in wall time` +
          (staged.cpuMedian && node.cpuMedian
            ? `, ${(staged.cpuMedian / node.cpuMedian).toFixed(2)}x in CPU time`
            : ''),
        `load average at the end: ${loadavg()[0].toFixed(2)}`,
        '',
      ].join('\n'),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
