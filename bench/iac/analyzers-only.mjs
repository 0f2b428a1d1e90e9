// Analyzer cost alone: files are read into memory first, then iac and pipeline run over them on
// one thread (no walk, no I/O, no worker pool). Usage: node bench/iac/analyzers-only.mjs [corpusDir]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const corpus = resolve(process.argv[2] ?? 'bench/.work/iac-corpus');
const load = (p) => import(pathToFileURL(resolve(p)).href);
const { iacAnalyzer } = await load('dist/analyzers/iac/index.js');
const { pipelineAnalyzer } = await load('dist/analyzers/pipeline/index.js');
const { makeMemoryContext, makeSourceFile } = await load('dist/core/source-file.js');

const files = {};
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs);
    else files[relative(corpus, abs).split('\\').join('/')] = readFileSync(abs, 'utf8');
  }
};
walk(corpus);
const ctx = makeMemoryContext(files);
const kinds = {};
const kindOf = (p) =>
  p.endsWith('.tf')
    ? 'terraform'
    : p.includes('/workflows/')
      ? 'workflow'
      : p.endsWith('Dockerfile')
        ? 'dockerfile'
        : p.includes('compose')
          ? 'compose'
          : p.endsWith('.json')
            ? 'json'
            : 'kubernetes';

async function pass(record) {
  let findings = 0;
  for (const [path, text] of Object.entries(files)) {
    const file = makeSourceFile(path, text);
    for (const a of [iacAnalyzer, pipelineAnalyzer]) {
      if (!a.matches(file)) continue;
      const t = performance.now();
      findings += (await a.analyze(file, ctx)).length;
      if (record) {
        const k = (kinds[kindOf(path)] ??= { files: 0, ms: 0 });
        k.files++;
        k.ms += performance.now() - t;
      }
    }
  }
  return findings;
}

await pass(false); // warm-up (JIT)
const t0 = performance.now();
const findings = await pass(true);
const ms = performance.now() - t0;
const n = Object.keys(files).length;
console.log(
  JSON.stringify(
    {
      files: n,
      findings,
      seconds: +(ms / 1000).toFixed(2),
      filesPerSecondOneThread: Math.round(n / (ms / 1000)),
      perKind: Object.fromEntries(
        Object.entries(kinds).map(([k, v]) => [
          k,
          { files: v.files, msPerFile: +(v.ms / v.files).toFixed(3) },
        ]),
      ),
      heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    },
    null,
    2,
  ),
);
