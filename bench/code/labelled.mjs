// Prints, per weakness class, how many labelled vulnerable lines the code analyzer finds and how many
// labelled safe lines it raises an alarm on (test/fixtures/code-labelled/{python,js}).
// Usage: npx tsc -p tsconfig.build.json && node bench/code/labelled.mjs [--verbose]
import { fileURLToPath } from 'node:url';
import { labelledFiles, score } from './labelled-score.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const ROOT = fileURLToPath(new URL('../../test/fixtures/code-labelled/', import.meta.url));
const { codeAnalyzer, rulesFor } = await import(new URL('analyzers/code/index.js', DIST).href);
const { makeSourceFile, makeMemoryContext } = await import(new URL('core/source-file.js', DIST).href);

const classOf = new Map(rulesFor().set.rules.map((r) => [r.id, r.class]));
const ctx = makeMemoryContext({}, {});
const analyze = async (path, text) =>
  (
    await codeAnalyzer.analyze(makeSourceFile(path.slice(ROOT.length), text, path, Buffer.from(text)), ctx)
  ).map((f) => ({ line: f.location.startLine, cls: classOf.get(f.ruleId), ruleId: f.ruleId }));

const pct = (a, b) => (b === 0 ? '   -' : `${Math.round((100 * a) / b)}%`.padStart(4));
for (const lang of ['python', 'js']) {
  const { rows, total, misses, alarms } = await score(labelledFiles(`${ROOT}${lang}`), analyze);
  console.log(
    `\n${lang}: ${total.found}/${total.vuln} vulnerable lines found (${pct(total.found, total.vuln).trim()}), alarms on ${total.alarms}/${total.safe} safe lines`,
  );
  console.log(`${'class'.padEnd(28)} found/vuln        alarms/safe`);
  for (const r of rows)
    console.log(
      `${r.cls.padEnd(28)} ${`${r.found}/${r.vuln}`.padStart(6)} ${pct(r.found, r.vuln)}   ${`${r.alarms}/${r.safe}`.padStart(6)} ${pct(r.alarms, r.safe)}`,
    );
  if (process.argv.includes('--verbose')) {
    for (const m of misses) console.log(`  missed ${m.slice(ROOT.length)}`);
    for (const a of alarms) console.log(`  alarm  ${a.slice(ROOT.length)}`);
  }
}
