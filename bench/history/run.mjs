// History scan benchmark: builds a repository of N commits (seeded), then times
// `vanguard scan --history --only secrets` against `git log -p` over the same history (the stream the
// previous implementation read). Usage: node bench/history/run.mjs [commits=2000] [seed=7]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const commits = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 7);
console.log(`history bench: ${commits} commits, seed ${seed}, load average ${loadavg()[0].toFixed(1)}`);
let state = seed;
const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vg-bench-history-'));
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (args, input) => execFileSync('git', args, { cwd: dir, env, input, maxBuffer: 1 << 30 });
try {
  git(['init', '-q', '-b', 'main']);
  // fast-import: one stream builds the whole history without a process per commit.
  const files = 200;
  const lines = Array.from({ length: files }, () =>
    Array.from({ length: 50 }, (_, i) => `line ${i} ${rnd()}`),
  );
  let stream = '';
  for (let c = 1; c <= commits; c++) {
    stream += `commit refs/heads/main\nmark :${c}\ncommitter Bench <b@example.com> ${1700000000 + c} +0000\ndata 4\nc${String(c).padStart(2, '0').slice(-2)}\n`;
    if (c > 1) stream += `from :${c - 1}\n`;
    for (let k = 0; k < 3; k++) {
      const f = Math.floor(rnd() * files);
      lines[f][Math.floor(rnd() * 50)] = `value ${c} ${k} ${rnd()}`;
      const body = `${lines[f].join('\n')}\n`;
      stream += `M 100644 inline src/f${f}.txt\ndata ${Buffer.byteLength(body)}\n${body}\n`;
    }
  }
  git(['fast-import', '--quiet'], stream);
  git(['reset', '-q', '--hard', 'main']);

  const t0 = performance.now();
  const log = spawnSync('git', ['log', '-p', '-U0', '--no-color', 'HEAD'], {
    cwd: dir,
    env,
    maxBuffer: 1 << 30,
  });
  const gitLogMs = performance.now() - t0;
  const t1 = performance.now();
  const scan = spawnSync(
    process.execPath,
    [cli, 'scan', dir, '--history', '--only', 'secrets', '--format', 'json'],
    {
      maxBuffer: 1 << 30,
    },
  );
  const scanMs = performance.now() - t1;
  const result = JSON.parse(scan.stdout.toString());
  console.log(
    `git log -p alone:          ${(gitLogMs / 1000).toFixed(2)} s (${(log.stdout.length / 1e6).toFixed(1)} MB of patches)`,
  );
  console.log(
    `vanguard scan --history:   ${(scanMs / 1000).toFixed(2)} s, exit ${scan.status}, status ${result.status}, ${result.findings.length} findings`,
  );
  console.log(`commits per second:        ${Math.round(commits / (scanMs / 1000))}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
