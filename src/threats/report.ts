import type { RawFinding } from '../core/finding.js';
import { SEVERITIES } from '../core/finding.js';
import { mdCode, mdText } from '../report/markdown.js';
import { sanitizeForTerminal } from '../report/table.js';
import type { Derivation, Threat } from './derive.js';
import { toMermaid } from './diagram.js';
import type { ThreatModel } from './model.js';

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** The threat register as a plain-text table (status and rating columns that generic tables lack). */
export function threatTable(model: ThreatModel, d: Derivation, tty: boolean): string {
  const red = (s: string): string => (tty ? `\u001b[31m${s}\u001b[39m` : s);
  const rows = [...d.threats]
    .sort(byRisk)
    .map((t) =>
      [
        t.severity,
        t.status + (t.expiredOn ? ' (acceptance expired)' : ''),
        `${t.likelihood}×${t.impact}`,
        t.id,
        `${model.file}:${t.line}`,
      ].map(sanitizeForTerminal),
    );
  const head = ['SEVERITY', 'STATUS', 'L×I', 'THREAT', 'WHERE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const open = d.threats.filter((t) => t.status === 'open').length;
  const out = [line(head), ...rows.map((r) => (r[1]?.startsWith('open') ? red(line(r)) : line(r)))];
  out.push(
    '',
    sanitizeForTerminal(
      `${d.threats.length} threats in ${model.title} (${model.file}): ${open} open, ${d.threats.length - open} tracked.`,
    ),
  );
  for (const s of d.staleDecisions)
    out.push(
      sanitizeForTerminal(
        `warning: ${model.file}:${s.line}: tracked threat "${s.id}" matches no derived threat`,
      ),
    );
  return `${out.join('\n')}\n`;
}

function byRisk(a: Threat, b: Threat): number {
  return b.likelihood * b.impact - a.likelihood * a.impact || a.id.localeCompare(b.id);
}

// Model text (title, names, ids) is the repository's: no markup, links, images or fence breaks from it.
const md = mdText;
/** A code span inside a table cell, where a `|` would end the cell. */
const cellCode = (s: string): string => mdCode(s).replace(/\|/g, '\\|');
/** Our own rule texts keep their Markdown; only table pipes and line breaks are escaped. */
const ours = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown report: summary, data-flow diagram (Mermaid), threat register with mitigations. */
export function threatMarkdown(model: ThreatModel, d: Derivation, drift: readonly RawFinding[] = []): string {
  const open = d.threats.filter((t) => t.status === 'open');
  const out = [
    `# Threat model: ${md(model.title)}`,
    '',
    `Model: ${mdCode(model.file)} (${model.format}) · ${model.assets.length} assets · ${model.flows.length} flows · ${model.zones.length} trust zones`,
    '',
    `**${open.length} open threats** of ${d.threats.length} derived (${SEVERITIES.map((s) => `${s}: ${open.filter((t) => t.severity === s).length}`).join(', ')}).`,
    '',
    '## Data flow',
    '',
    'Flows and assets with open threats are drawn in red.',
    '',
    '```mermaid',
    toMermaid(model, d.threats).trimEnd(),
    '```',
    '',
    '## Threats',
    '',
    '| Severity | Status | L × I | Threat | STRIDE | CWE | Where |',
    '|---|---|---|---|---|---|---|',
    ...[...d.threats]
      .sort(byRisk)
      .map(
        (t) =>
          `| ${t.severity} | ${t.status}${t.expiredOn ? ` (expired ${t.expiredOn})` : ''} | ${t.likelihood} × ${t.impact} | ${cellCode(t.id)} ${md(t.message)} | ${t.rule.stride.join(', ')} | ${t.rule.cwe.map((c) => `CWE-${c}`).join(', ')} | ${md(model.file)}:${t.line} |`,
      ),
    '',
    '## Required mitigations',
    '',
  ];
  const seen = new Set<string>();
  for (const t of [...open].sort(byRisk)) {
    if (seen.has(t.rule.id)) continue;
    seen.add(t.rule.id);
    out.push(`### ${ours(t.rule.title)}`, '', ours(t.rule.description), '');
    for (const m of t.rule.mitigations) {
      out.push(
        `- ${ours(m.text)}${m.control ? ` Declare \`controls: [${m.control}]\` when in place.` : ''} _(${m.principles.join(', ')})_`,
      );
    }
    out.push(
      '',
      `Open at: ${open
        .filter((o) => o.rule.id === t.rule.id)
        .map((o) => mdCode(o.subject.id))
        .join(', ')}`,
      '',
    );
  }
  if (drift.length > 0) {
    out.push(
      '## Model against the code',
      '',
      '| Severity | Rule | Where | Mismatch |',
      '|---|---|---|---|',
      ...drift.map(
        (f) =>
          `| ${f.severity} | ${cellCode(f.ruleId)} | ${md(f.location.path)}:${f.location.startLine} | ${md(f.message)} |`,
      ),
      '',
    );
  }
  if (d.staleDecisions.length > 0) {
    out.push(
      '## Stale tracking entries',
      '',
      ...d.staleDecisions.map((s) => `- ${mdCode(s.id)} (line ${s.line}) matches no derived threat`),
      '',
    );
  }
  return `${out.join('\n')}\n`;
}
