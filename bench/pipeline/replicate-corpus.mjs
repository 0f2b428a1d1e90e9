// Builds a corpus of real CI files for the pipeline bench: the YAML files of the given folders (by default
// this repository's labelled pipeline fixtures; add zizmor's test-data folder, see docs/performance.md) are
// copied, with their relative paths, into repo-0001/, repo-0002/, … until the corpus holds `count` files.
// Usage: node bench/pipeline/replicate-corpus.mjs <outDir> <count> [sourceDir …]
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const [outArg, countArg, ...sources] = process.argv.slice(2);
if (!outArg) throw new Error('usage: replicate-corpus.mjs <outDir> <count> [sourceDir …]');
const out = resolve(outArg);
const count = Number(countArg ?? 10_000);
const dirs = (sources.length ? sources : ['test/fixtures/pipeline']).map((d) => resolve(d));

const files = [];
const collect = (root, d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) collect(root, p);
    else if (/\.ya?ml$/.test(e.name)) files.push({ rel: relative(root, p), text: readFileSync(p, 'utf8') });
  }
};
for (const d of dirs) collect(d, d);
if (files.length === 0) throw new Error(`no YAML files under ${dirs.join(', ')}`);

rmSync(out, { recursive: true, force: true });
let bytes = 0;
for (let i = 0; i < count; i++) {
  const f = files[i % files.length];
  const p = join(out, `repo-${String(Math.floor(i / files.length) + 1).padStart(4, '0')}`, f.rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, f.text);
  bytes += f.text.length;
}
console.log(
  JSON.stringify({
    out,
    files: count,
    distinctSources: files.length,
    sourceDirs: dirs,
    megabytes: +(bytes / 1e6).toFixed(1),
  }),
);
