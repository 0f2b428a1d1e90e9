// Scores the code analyzer on the labelled examples in test/fixtures/code-labelled/: every line that ends
// in `# vuln: CLASS` / `// vuln: CLASS` must get a finding of that weakness class, and a line that ends
// in `# safe: CLASS` / `// safe: CLASS` must get none (of any class). Pure: the caller supplies the
// analyzer, so the test runs it from src/ and bench/code/labelled.mjs from dist/.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const MARK = /(?:#|\/\/)\s*(vuln|safe):\s*([a-z0-9-]+)\s*$/;
const EXTS = new Set(['.py', '.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx']);

/** The labelled lines of one file: { line, kind: 'vuln' | 'safe', cls }. */
export function labelsOf(text) {
  const out = [];
  text.split(/\r?\n/).forEach((l, i) => {
    const m = MARK.exec(l);
    if (m) out.push({ line: i + 1, kind: m[1], cls: m[2] });
  });
  return out;
}

/** Every labelled file under `dir` (recursively), sorted. */
export function labelledFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...labelledFiles(p));
    else if (EXTS.has(extname(e.name))) out.push(p);
  }
  return out;
}

/**
 * Per class: vulnerable lines, how many got a finding of that class, safe lines, how many got any
 * finding; plus the misses and alarms by place. `analyze(path, text)` returns `{ line, cls }[]`.
 */
export async function score(files, analyze) {
  const classes = new Map();
  const misses = [];
  const alarms = [];
  const row = (cls) => {
    let r = classes.get(cls);
    if (!r) classes.set(cls, (r = { cls, vuln: 0, found: 0, safe: 0, alarms: 0 }));
    return r;
  };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const findings = await analyze(file, text);
    for (const l of labelsOf(text)) {
      const here = findings.filter((f) => f.line === l.line);
      const r = row(l.cls);
      if (l.kind === 'vuln') {
        r.vuln++;
        if (here.some((f) => f.cls === l.cls)) r.found++;
        else misses.push(`${file}:${l.line} ${l.cls}`);
      } else {
        r.safe++;
        if (here.length > 0) {
          r.alarms++;
          alarms.push(`${file}:${l.line} ${l.cls} ← ${here.map((f) => f.ruleId ?? f.cls).join(', ')}`);
        }
      }
    }
  }
  const rows = [...classes.values()].sort((a, b) => (a.cls < b.cls ? -1 : 1));
  const total = rows.reduce(
    (t, r) => ({
      vuln: t.vuln + r.vuln,
      found: t.found + r.found,
      safe: t.safe + r.safe,
      alarms: t.alarms + r.alarms,
    }),
    { vuln: 0, found: 0, safe: 0, alarms: 0 },
  );
  return { rows, total, misses, alarms };
}
