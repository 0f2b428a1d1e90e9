// Checks the ReDoS rule against the engine it warns about: every regex literal under the given folders
// that `code/js-redos` would report is run, in a worker thread that is stopped after a few seconds, on the
// input its finding describes (prefix + pump × n + suffix) with growing n. A report is confirmed when the
// time at least doubles per extra pump and passes 50 ms before n reaches 40.
// Usage: npx tsc -p tsconfig.build.json && node bench/code/redos-confirm.mjs <folder>... [--max-files N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Lang, parse } from '@ast-grep/napi';

const DIST = new URL('../../dist/', import.meta.url);
const { catastrophicBacktracking } = await import(new URL('analyzers/code/redos.js', DIST).href);
const args = process.argv.slice(2);
const folders = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--max-files');

const files = [];
function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(c|m)?jsx?$/.test(e.name)) files.push(p);
  }
}
folders.forEach(walk);

// Times one regex on growing inputs inside a worker; the worker is terminated when a run takes too long,
// which is itself the confirmation.
const WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const re = new RegExp(w.pattern, w.flags.replace(/[gy]/g, ''));
for (let n = 2; n <= 40; n++) {
  const input = w.prefix + w.pump.repeat(n) + w.suffix;
  const t = performance.now();
  re.test(input);
  parentPort.postMessage({ n, ms: performance.now() - t });
}
parentPort.postMessage({ done: true });
`;

function confirm(v, pattern, flags) {
  return new Promise((resolve) => {
    const times = [];
    const worker = new Worker(WORKER, { eval: true, workerData: { ...v, pattern, flags } });
    const finish = (result) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ ...result, times });
    };
    const timer = setTimeout(() => finish({ confirmed: times.length > 0, stopped: true }), 4000);
    worker.on('message', (m) => {
      if (m.done) return finish({ confirmed: false });
      times.push(m);
      const prev = times[times.length - 2];
      if (m.ms > 50 && prev && m.ms > 1.8 * prev.ms) finish({ confirmed: true });
    });
    worker.on('error', (e) => finish({ confirmed: false, error: e.message }));
  });
}

const seen = new Set();
let literals = 0;
const rows = [];
for (const file of files) {
  if (statSync(file).size > 2e6) continue;
  const text = readFileSync(file, 'utf8');
  if (!/\)[*+]|\)\{\d+,/.test(text)) continue;
  let root;
  try {
    root = parse(Lang.JavaScript, text).root();
  } catch {
    continue;
  }
  for (const node of root.findAll({ rule: { kind: 'regex' } })) {
    const pattern = node.field('pattern')?.text() ?? '';
    const flags = node.field('flags')?.text() ?? '';
    if (seen.has(`${flags}/${pattern}`)) continue;
    seen.add(`${flags}/${pattern}`);
    literals++;
    const v = catastrophicBacktracking(pattern, flags, 'js');
    if (!v) continue;
    const r = await confirm(v, pattern, flags);
    const last = r.times[r.times.length - 1];
    rows.push({ file, line: node.range().start.line + 1, pattern, ...r });
    console.log(
      `${r.confirmed ? 'confirmed  ' : 'NOT SEEN   '} ${file}:${node.range().start.line + 1}  /${pattern.slice(0, 80)}/${flags}` +
        `  ${last ? `n=${last.n} ${last.ms.toFixed(0)} ms` : ''}${r.stopped ? ' (stopped after 4 s)' : ''}${r.error ? ` ${r.error}` : ''}`,
    );
  }
}
const confirmed = rows.filter((r) => r.confirmed).length;
console.log(
  `\n${literals} distinct regex literals, ${rows.length} reported, ${confirmed} confirmed by timing`,
);
