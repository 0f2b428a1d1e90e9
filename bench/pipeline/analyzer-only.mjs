// CPU cost of the pipeline analyzer alone (one thread, no engine): YAML parsing vs. the whole analyze(),
// and the cost of rejecting non-pipeline YAML. Against the built package (dist/).
// Usage: npm run build && node bench/pipeline/analyzer-only.mjs [corpusDir]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const corpus = resolve(process.argv[2] ?? 'bench/.work/pipeline-corpus');
if (!existsSync(resolve('dist/analyzers/pipeline/index.js'))) throw new Error('run `npm run build` first');
if (!existsSync(corpus)) throw new Error('run `node bench/pipeline/gen-corpus.mjs` first');
const load = (p) => import(pathToFileURL(resolve(p)).href);
const { pipelineAnalyzer } = await load('dist/analyzers/pipeline/index.js');
const { parseYamlDocs } = await load('dist/parse/yaml/tree.js');
const { makeSourceFile, makeMemoryContext } = await load('dist/core/source-file.js');

const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else files.push([relative(corpus, p), readFileSync(p, 'utf8')]);
  }
};
walk(corpus);
const ci = files.filter(([p]) => !p.startsWith('k8s/'));
const other = files.filter(([p]) => p.startsWith('k8s/'));
const ctx = makeMemoryContext({});
const cpuMs = (c) => Math.round((c.user + c.system) / 1000);

// Two rounds: the first includes JIT warm-up.
for (let round = 1; round <= 2; round++) {
  let c0 = process.cpuUsage();
  for (const [, t] of ci) parseYamlDocs(t);
  const parse = cpuMs(process.cpuUsage(c0));
  c0 = process.cpuUsage();
  let findings = 0;
  for (const [p, t] of ci) findings += (await pipelineAnalyzer.analyze(makeSourceFile(p, t), ctx)).length;
  const analyze = cpuMs(process.cpuUsage(c0));
  c0 = process.cpuUsage();
  for (const [p, t] of other) await pipelineAnalyzer.analyze(makeSourceFile(p, t), ctx);
  const rejected = cpuMs(process.cpuUsage(c0));
  console.log(
    JSON.stringify({
      round,
      ciFiles: ci.length,
      parseCpuMs: parse,
      analyzeCpuMs: analyze,
      findings,
      otherYaml: other.length,
      otherYamlCpuMs: rejected,
    }),
  );
}
