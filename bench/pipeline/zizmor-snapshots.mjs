// Reads zizmor's integration tests (crates/zizmor/tests/integration/audit/*.rs and their external .snap files)
// and returns what zizmor reports at its default persona: one expectation per finding, with the input file,
// the audit id and the primary span's lines. Used by zizmor-suite.mjs; zizmor's files are never copied into
// this repository.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

// Tests that change what zizmor reports beyond "one input, default settings" are left out: another persona,
// a configuration file, --fix, stdin, failures, or explicit arguments of any kind.
const NOT_DEFAULT = [
  /--persona/,
  /--pedantic/,
  /\.config\(/,
  /\.args\(/,
  /\.stdin\(/,
  /expects_failure/,
  /WorkspaceBuilder|workspace\./,
];

/** The test functions of one .rs file: name, body and the attribute lines before it. */
function testFunctions(rs) {
  const out = [];
  // Attribute and blank lines, each matchable one way only (`\s*` on both sides of a line break made the
  // loop exponential on a file of many attributes).
  const re = /#\[test\][ \t\r]*\n(?:[ \t]*#\[[^\n]*\][ \t\r]*\n|[ \t\r]*\n)*\s*fn\s+(\w+)\s*\(/g;
  const starts = [];
  for (let m; (m = re.exec(rs));) starts.push({ name: m[1], at: m.index, body: m.index + m[0].length });
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    // Attributes such as #[cfg_attr(not(feature = "gh-token-tests"), ignore)] sit just above #[test].
    const before = rs.slice(Math.max(0, s.at - 200), s.at);
    out.push({
      name: s.name,
      attrs: before.slice(before.lastIndexOf('\n}') + 1),
      body: rs.slice(s.body, i + 1 < starts.length ? starts[i + 1].at : rs.length),
    });
  }
  return out;
}

/** The text of an inline snapshot starting at `@` (r"…", r#"…"#, "…"), or undefined. */
function inlineSnapshot(seg) {
  const m = /@(r(#*))?"/.exec(seg);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  if (m[1] !== undefined) {
    const end = seg.indexOf(`"${m[2]}`, start);
    return end < 0 ? undefined : seg.slice(start, end);
  }
  // A plain string: find the closing quote that is not escaped, then undo \" and \\.
  let i = start;
  while (i < seg.length && seg[i] !== '"') i += seg[i] === '\\' ? 2 : 1;
  return seg.slice(start, i).replace(/\\(["\\])/g, '$1');
}

const HEADER = /^\s*(error|warning|help|info|note)\[([\w-]+)\]:/;
const ARROW = /^\s*-->\s*@@INPUT@@(\S*?):(\d+):(\d+)\s*$/;
const SOURCE = /^\s*(\d+)\s\|(.*)$/;
// The first marker of a span that continues on later lines: `|  ____^` with nothing after it.
const SPAN_START = /^\s*\|\s+_+\^\s*$/;

/** Source text of a rendered line: without the gutter of multi-line spans (`/ `, `| `). */
export function renderedSource(rest) {
  return rest.replace(/^ /, '').replace(/^(?:[/|] | {2})+/, '');
}

/** The findings of one rendered zizmor report: audit, path suffix, primary start/end line, start line text. */
export function parseReport(text) {
  const lines = text.split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const h = HEADER.exec(lines[i]);
    if (!h) continue;
    const a = ARROW.exec(lines[i + 1] ?? '');
    if (!a) continue;
    const f = {
      audit: h[2],
      suffix: a[1],
      line: Number(a[2]),
      end: Number(a[2]),
      text: undefined,
      quoted: [],
      labelled: [],
    };
    let last = 0;
    for (let j = i + 2; j < lines.length && lines[j].trim() !== '' && !HEADER.test(lines[j]); j++) {
      const s = SOURCE.exec(lines[j]);
      if (s) {
        last = Number(s[1]);
        const src = renderedSource(s[2]);
        f.quoted.push([last, src]);
        if (last === f.line && f.text === undefined) f.text = src;
        // A line inside a multi-line secondary span (gutter `/` or `|`) is part of what the finding shows.
        if (/^ ?[/|]/.test(s[2])) f.labelled.push(last);
        continue;
      }
      // An annotation under a source line (`^^^` primary, `---` secondary) marks that line.
      const ann = /^\s*\|(.*)$/.exec(lines[j]);
      if (ann && /\^|(?:^|\s)-+(?=\s|$)|_-/.test(ann[1]) && last > 0) f.labelled.push(last);
      if (lines[j].includes('^') && !SPAN_START.test(lines[j]) && last >= f.line && f.end === f.line) {
        f.end = last;
      }
    }
    found.push(f);
  }
  return found;
}

/** The .snap file of an external snapshot: insta names it <crate>__<module>__<name without test_>[-N].snap. */
function externalSnapshot(auditDir, module, fn, n) {
  const name = fn.replace(/^test_/, '') + (n > 1 ? `-${n}` : '');
  const p = join(auditDir, 'snapshots', `integration__audit__${module}__${name}.snap`);
  if (!existsSync(p)) return undefined;
  // Drop the YAML front matter (--- … ---).
  return readFileSync(p, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
}

/**
 * Every default-persona test of the suite: { module, test, input, online, findings[] }, plus the tests
 * left out and why (non-default settings, several inputs, no snapshot).
 */
export function readSuite(integrationDir) {
  const auditDir = join(integrationDir, 'audit');
  const tests = [];
  const skipped = [];
  for (const f of readdirSync(auditDir).filter((n) => n.endsWith('.rs') && n !== 'mod.rs')) {
    const module = basename(f, '.rs');
    for (const fn of testFunctions(readFileSync(join(auditDir, f), 'utf8'))) {
      const segs = fn.body.split(/insta::assert_snapshot!\(/).slice(1);
      segs.forEach((seg, k) => {
        const id = `${module}::${fn.name}${segs.length > 1 ? `#${k + 1}` : ''}`;
        const call = seg.slice(0, seg.search(/@(r#*)?"|\);/) + 1 || seg.length);
        const reason = NOT_DEFAULT.find((re) => re.test(call));
        if (reason) return skipped.push({ id, why: `non-default settings (${reason.source})` });
        const inputs = [...call.matchAll(/input_under_test\(\s*"([^"]+)"/g)].map((m) => m[1]);
        if (inputs.length !== 1) return skipped.push({ id, why: `${inputs.length} inputs` });
        const text = inlineSnapshot(seg) ?? externalSnapshot(auditDir, module, fn.name, k + 1);
        if (text === undefined) return skipped.push({ id, why: 'snapshot not found' });
        const online = /AssertOnline|gh-token-tests/.test(call + fn.attrs);
        tests.push({ id, module, input: inputs[0], online, findings: parseReport(text) });
      });
    }
  }
  return { tests, skipped };
}
