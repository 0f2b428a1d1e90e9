// Throughput of `vanguard scan --only code` through the CLI (walk, worker pool with recycling, stages):
// lines/second and peak memory on a real code base.
// Usage: npm run build && node bench/code/cli.mjs <dir> [--ext py] [--keep result.json]
//   --keep writes the scan's JSON result there (to compare finding sets between builds).
//   e.g. node bench/code/cli.mjs "$(python3 -c 'import sysconfig;print(sysconfig.get_paths()["stdlib"])')" --ext py
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/code/cli.mjs <dir> [--ext py,js]');
  process.exit(2);
}
const extArg = process.argv.indexOf('--ext');
const exts = new Set((extArg > 0 ? process.argv[extArg + 1] : 'py').split(',').map((e) => `.${e}`));
const keepArg = process.argv.indexOf('--keep');
const keep = keepArg > 0 ? process.argv[keepArg + 1] : undefined;
const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

let lines = 0;
let files = 0;
const stack = [dir];
while (stack.length > 0) {
  const d = stack.pop();
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) stack.push(p);
    // Declaration files (`.d.ts`) are never analysed: counting their lines would flatter the figure.
    else if (e.isFile() && exts.has(e.name.slice(e.name.lastIndexOf('.'))) && !/\.d\.[cm]?ts$/.test(e.name)) {
      files++;
      const text = readFileSync(p, 'latin1');
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    }
  }
}

const work = mkdtempSync(join(tmpdir(), 'vg-bench-code-'));
const loadBefore = loadavg().map((l) => l.toFixed(1));
const out = keep ?? join(work, 'result.json');
const timeFile = join(work, 'time.txt');
execFileSync(
  '/usr/bin/time',
  [
    '-f',
    '%e %U %S %M',
    '-o',
    timeFile,
    process.execPath,
    cli,
    'scan',
    dir,
    '--only',
    'code',
    '--no-default-ignores',
    '--format',
    'json',
    '--output',
    out,
    '--fail-on',
    'none',
    '--no-progress',
  ],
  { stdio: 'inherit' },
);
const [wall, user, sys, rssKb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
const result = JSON.parse(readFileSync(out, 'utf8'));
console.log(
  JSON.stringify(
    {
      dir,
      loadBefore,
      load: loadavg().map((l) => l.toFixed(1)),
      files,
      lines,
      wallSeconds: wall,
      cpuSeconds: Math.round((user + sys) * 100) / 100,
      linesPerSecond: Math.round(lines / wall),
      peakRssMB: Math.round(rssKb / 1024),
      findings: result.findings.length,
      status: result.status,
    },
    null,
    2,
  ),
);
