// What rule regexes cost at each use: ast-grep compiles a matcher at every findAll/matches call, so a
// regex's compile time is paid per file and rule. Times every `regex` of the built-in code rules as
// written and as the analyzer runs it (ASCII classes, src/analyzers/code/ascii-regex.ts), on a one-line
// tree so that matching costs nothing.
// Usage: npm run build && node bench/code/regex-compile.mjs [--runs 20]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, registerDynamicLanguage } from '@ast-grep/napi';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const { parsePlainYaml } = await import(join(repo, 'dist/parse/yaml/plain.js'));
const { asciiClasses } = await import(join(repo, 'dist/analyzers/code/ascii-regex.js'));
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 20;

registerDynamicLanguage({ python: createRequire(import.meta.url)('@ast-grep/lang-python') });
const root = parse('python', 'x = 1\n').root();

const regexes = new Set();
const walk = (v) => {
  if (Array.isArray(v)) v.forEach(walk);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k === 'regex' && typeof x === 'string') regexes.add(x);
      else walk(x);
    }
};
const dir = join(repo, 'rules/code');
for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')))
  walk(parsePlainYaml(readFileSync(join(dir, f), 'utf8')).value);

const ms = (re) => {
  root.findAll({ rule: { regex: re } });
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) root.findAll({ rule: { regex: re } });
  return (performance.now() - t0) / runs;
};
let written = 0;
let ascii = 0;
const rows = [];
for (const re of regexes) {
  const a = ms(re);
  const b = ms(asciiClasses(re));
  written += a;
  ascii += b;
  rows.push([a, b, re]);
}
console.log(
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}; ${regexes.size} regexes, ${runs} runs each`,
);
console.log(
  `one compile of every rule regex: ${written.toFixed(1)} ms as written, ${ascii.toFixed(1)} ms with ASCII classes`,
);
for (const [a, b, re] of rows.sort((x, y) => y[0] - x[0]).slice(0, 8))
  console.log(`${a.toFixed(2).padStart(6)} ms → ${b.toFixed(2).padStart(5)} ms  ${re.slice(0, 90)}`);
