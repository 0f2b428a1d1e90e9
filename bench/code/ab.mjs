// A/B of two builds of the code analyzer on the same files under the same load: both run in this one
// process, file by file, taking turns to go first; CPU time per build and the findings each gives.
// Usage: node bench/code/ab.mjs <dir> --a <dist dir> --b <dist dir> [--ext js,ts] [--only REGEX]
//   e.g. build the old commit into bench/.work/base/dist (git archive src rules tsconfig*.json, then tsc)
//   and compare it with dist/: node bench/code/ab.mjs node_modules --a bench/.work/base/dist --b dist
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? dflt : args[i + 1];
};
const dir = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
if (!dir || !opt('a') || !opt('b')) {
  console.error(
    'usage: node bench/code/ab.mjs <dir> --a <dist dir> --b <dist dir> [--ext js,ts] [--only REGEX]',
  );
  process.exit(2);
}
const load = async (d) => {
  const base = pathToFileURL(`${resolve(d)}/`).href;
  return {
    analyzer: (await import(new URL('analyzers/code/index.js', base).href)).codeAnalyzer,
    sources: await import(new URL('core/source-file.js', base).href),
  };
};
const builds = [await load(opt('a')), await load(opt('b'))];
const exts = new Set(opt('ext', 'js,mjs,cjs,jsx,ts,tsx,mts,cts').split(','));
const only = opt('only') ? new RegExp(opt('only')) : null;
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (
      e.isFile() &&
      exts.has(e.name.slice(e.name.lastIndexOf('.') + 1)) &&
      !/\.d\.[cm]?ts$/.test(e.name)
    )
      files.push([p, relative(dir, p)]);
  }
};
walk(dir);
files.sort((x, y) => (x[1] < y[1] ? -1 : 1));
// Every walked file is readable, so cross-file taint runs as in a scan.
const paths = new Set(files.map((f) => f[1]));
const contexts = builds.map((b) => ({
  ...b.sources.makeMemoryContext({}, {}, dir),
  paths,
  readFile: (p) => Promise.resolve(paths.has(p) ? readFileSync(join(dir, p), 'utf8') : undefined),
}));
const cpu = [0, 0];
const found = [[], []];
const load0 = loadavg()[0];
let n = 0;
for (const [abs, rel] of files) {
  if (only && !only.test(rel)) continue;
  const bytes = readFileSync(abs);
  const text = bytes.toString('utf8');
  for (const k of n++ % 2 === 0 ? [0, 1] : [1, 0]) {
    const b = builds[k];
    const c0 = process.cpuUsage();
    try {
      for (const f of await b.analyzer.analyze(b.sources.makeSourceFile(rel, text, abs, bytes), contexts[k]))
        found[k].push(`${f.ruleId} ${f.location.path}:${f.location.startLine} ${f.message}`);
    } catch (err) {
      found[k].push(`ERROR ${rel}: ${err?.message ?? err}`);
    }
    const c = process.cpuUsage(c0);
    cpu[k] += (c.user + c.system) / 1e6;
  }
}
const [fa, fb] = found.map((f) => new Set(f));
console.log(
  JSON.stringify({
    dir,
    files: n,
    loadAverage: [Number(load0.toFixed(2)), Number(loadavg()[0].toFixed(2))],
    cpuSecondsA: Number(cpu[0].toFixed(2)),
    cpuSecondsB: Number(cpu[1].toFixed(2)),
    findingsA: fa.size,
    findingsB: fb.size,
  }),
);
for (const x of fa) if (!fb.has(x)) console.log(`- ${x.slice(0, 240)}`);
for (const x of fb) if (!fa.has(x)) console.log(`+ ${x.slice(0, 240)}`);
