// A/B of one taint sink as two rule folders write it: the same nodes and metavariables on every file, and the
// time of each matcher's findAll, the two taking turns file by file. For rewriting a costly matcher into one
// that means the same (every node and binding must agree; a difference is printed and fails the run).
// Usage: npx tsc -p tsconfig.build.json &&
//   node bench/code/matcher-ab.mjs <dir> --a <old rules/code> --b <new rules/code> --rule <id> [--sink N|match] [--vars O,K,V]
//   e.g. --a bench/.work/base/rules/code --b rules/code --rule code/js-prototype-key-write --vars O,K,V
import { parse, Lang } from '@ast-grep/napi';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleDirs } from '../../dist/analyzers/code/rule-folders.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? dflt : args[i + 1];
};
const dir = args[0];
if (!dir || !opt('a') || !opt('b') || !opt('rule')) {
  console.error(
    'usage: node bench/code/matcher-ab.mjs <dir> --a <rules dir> --b <rules dir> --rule <id> [--sink N]',
  );
  process.exit(2);
}
const sinkOf = (rulesDir) => {
  const set = loadRuleDirs([rulesDir]);
  const rule = (set.rules ?? set).find((r) => r.id === opt('rule'));
  // `--sink match`: the rule's own matcher (a structural rule) instead of a taint sink.
  const sink = opt('sink') === 'match' ? rule?.match : rule?.taint?.sinks[Number(opt('sink', '0'))];
  if (!sink) throw new Error(`no sink ${opt('sink', '0')} of ${opt('rule')} in ${rulesDir}`);
  return sink.matcher ?? sink;
};
const matchers = [sinkOf(opt('a')), sinkOf(opt('b'))];
const vars = opt('vars', '').split(',').filter(Boolean);
const sig = (nodes) =>
  nodes
    .map((n) => [n.range().start.index, ...vars.map((v) => n.getMatch(v)?.range().start.index)].join(':'))
    .join();

const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.isFile() && /\.[cm]?js$/.test(e.name)) files.push(p);
  }
};
walk(dir);
const ms = [0, 0];
let hits = 0;
let differ = 0;
let n = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  if (text.length > 2_000_000) continue;
  const root = parse(Lang.JavaScript, text).root();
  const found = [];
  for (const k of n++ % 2 === 0 ? [0, 1] : [1, 0]) {
    const t0 = performance.now();
    found[k] = root.findAll(matchers[k]);
    ms[k] += performance.now() - t0;
  }
  hits += found[0].length;
  if (sig(found[0]) !== sig(found[1])) {
    differ++;
    console.log(`differs: ${f}`);
  }
}
console.log(JSON.stringify({ files: n, hits, differ, msA: Math.round(ms[0]), msB: Math.round(ms[1]) }));
process.exitCode = differ > 0 ? 1 : 0;
