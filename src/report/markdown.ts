import type { Finding } from '../core/finding.js';
import { SEVERITIES } from '../core/finding.js';
import type { ExceptionRef, ScanResult } from '../core/result.js';
import type { RuleMeta } from '../core/rule.js';
import {
  cweUrl,
  groupByRule,
  isNew,
  locationText,
  otherWarnings,
  provenanceText,
  rulesById,
  SEVERITY_ICON,
  stripControl,
} from './common.js';
import type { Reporter } from './types.js';
import { formatWarning } from '../core/warning.js';

/** GitHub rejects comments over 65,536 characters; leave room for the closing sections. */
const MAX_CHARS = 60_000;
const MAX_PER_GROUP = 20;
const MAX_LIST = 100;

/**
 * Escapes text for Markdown and the HTML GitHub allows in it, so a finding's content cannot
 * inject links, images, mentions or markup into the comment.
 */
export function mdText(s: string): string {
  return stripControl(s)
    .replace(/[\\`*_{}[\]#|~<>&@]/g, (c) => {
      if (c === '<') return '&lt;';
      if (c === '>') return '&gt;';
      if (c === '&') return '&amp;';
      if (c === '@') return '&#64;';
      return `\\${c}`;
    })
    .replace(/\r\n?|\n/g, ' ');
}

/** An inline code span that holds any text (the fence is longer than any backtick run inside). */
export function mdCode(s: string): string {
  const text = stripControl(s).replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block that no line of the content can close early. */
export function mdFence(s: string): string {
  const text = stripControl(s);
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

function safeUrl(u: string | undefined): string | undefined {
  return u !== undefined && /^https:\/\/[^\s()<>]+$/.test(u) ? u : undefined;
}

function links(f: Finding, rule: RuleMeta | undefined): string {
  const parts: string[] = [];
  const help = safeUrl(rule?.helpUri);
  if (help) parts.push(`[rule documentation](${help})`);
  for (const c of f.cwe) parts.push(`[CWE-${c}](${cweUrl(c)})`);
  if (f.owasp.length > 0) parts.push(`OWASP ${f.owasp.map(mdText).join(', ')}`);
  return parts.join(' · ');
}

function findingLine(f: Finding): string {
  const pkg = f.package
    ? ` — ${mdCode(`${f.package.name}@${f.package.version}`)}${f.package.fixedIn.length > 0 ? `, fixed in ${f.package.fixedIn.map(mdCode).join(', ')}` : ''}`
    : '';
  const role = f.role ? ` _(${f.role})_` : '';
  const tier = f.tier ? ` _(${mdText(provenanceText(f))})_` : '';
  return `- ${mdCode(locationText(f))}${role}: ${mdText(f.message)}${pkg}${tier}`;
}

function groupSection(
  findings: readonly Finding[],
  rules: Map<string, RuleMeta>,
  budget: { left: number },
): string[] {
  const out: string[] = [];
  for (const g of groupByRule(findings)) {
    const first = g.findings[0]!;
    const rule = rules.get(g.ruleId);
    const lines = [
      `#### ${SEVERITY_ICON[g.severity]} ${g.severity} · ${mdText(first.title)} (${mdCode(g.ruleId)}, ${g.findings.length})`,
      '',
      ...g.findings.slice(0, MAX_PER_GROUP).map(findingLine),
      ...(g.findings.length > MAX_PER_GROUP ? [`- … and ${g.findings.length - MAX_PER_GROUP} more`] : []),
      '',
      '<details><summary>How to fix</summary>',
      '',
      mdText(first.remediation),
      '',
      ...(first.location.snippet ? [mdFence(first.location.snippet), ''] : []),
      ...(rule?.description ? [`Why it matters: ${mdText(rule.description)}`, ''] : []),
      links(first, rule),
      '',
      '</details>',
      '',
    ];
    const text = lines.join('\n');
    if (text.length > budget.left) {
      out.push(`_Output truncated: the full list is in the SARIF, JSON or HTML report._\n`);
      budget.left = 0;
      break;
    }
    budget.left -= text.length;
    out.push(text);
  }
  return out;
}

function compactList(
  title: string,
  findings: readonly Finding[],
  detail: (f: Finding) => string,
  budget: { left: number },
): string[] {
  if (findings.length === 0) return [];
  const rows = findings.map(
    (f) => `- ${SEVERITY_ICON[f.severity]} ${mdCode(f.ruleId)} at ${mdCode(locationText(f))}${detail(f)}`,
  );
  return collapsed(`${title} (${findings.length})`, rows, budget);
}

/** A collapsed list, shortened to what the budget allows. */
function collapsed(title: string, rows: readonly string[], budget: { left: number }): string[] {
  const head = `<details><summary>${title}</summary>\n\n`;
  const tail = '\n</details>\n';
  let body = '';
  let n = 0;
  for (const r of rows.slice(0, MAX_LIST)) {
    if (head.length + body.length + r.length + tail.length + 40 > budget.left) break;
    body += `${r}\n`;
    n++;
  }
  if (n < rows.length) body += `- … and ${rows.length - n} more\n`;
  const text = `${head}${body}${tail}`;
  if (text.length > budget.left) return [];
  budget.left -= text.length;
  return [text];
}

function exceptionLine(e: ExceptionRef): string {
  const match = Object.entries(e.match)
    .map(([k, v]) => `${k} ${mdCode(v)}`)
    .join(', ');
  return `- exceptions\\[${e.index}\\] (${match}) — owner ${mdText(e.owner)}, expires ${mdText(e.expires)}: ${mdText(e.reason)}`;
}

/** A pull-request comment: gate verdict, new findings first grouped by rule with fixes, the rest collapsed. */
export const markdownReport: Reporter = (result: ScanResult) => {
  const gate = result.summary.gate;
  const rules = rulesById(result);
  const budget = { left: MAX_CHARS };
  const fresh = result.findings.filter(isNew);
  const unchanged = result.findings.filter(
    (f) => f.suppression === undefined && f.baselineState === 'unchanged',
  );
  const suppressed = result.findings.filter(
    (f) => f.suppression !== undefined && f.suppression.kind !== 'baseline',
  );
  const knownByBaseline = result.findings.filter((f) => f.suppression?.kind === 'baseline');
  const baseline = result.policy?.baseline;

  const out: string[] = [
    `## ${gate.failed ? '❌' : '✅'} Vanguard: gate ${gate.failed ? 'failed' : 'passed'}`,
    '',
    `> ${mdText(gate.reason)}`,
    '',
    '| critical | high | medium | low | info | known or suppressed |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${SEVERITIES.map((s) => fresh.filter((f) => f.severity === s).length).join(' | ')} | ${result.findings.length - fresh.length} |`,
    '',
  ];
  for (const d of result.summary.byDesign ?? [])
    out.push(`Not reported, by design: ${d.findings} finding(s): ${mdText(d.reason)}.`, '');
  if (result.status === 'partial') {
    const failed = result.analyzers
      .filter((a) => a.errors.length > 0)
      .map((a) => `${a.id} (${a.errors.length})`);
    out.push(
      `⚠️ **The scan is incomplete**: some files could not be analysed: ${mdText(failed.join(', '))}.`,
      '',
    );
  }
  const expired = result.policy?.expiredExceptions ?? [];
  if (expired.length > 0) {
    const rows = expired.slice(0, MAX_LIST).map(exceptionLine);
    if (expired.length > MAX_LIST) rows.push(`- … and ${expired.length - MAX_LIST} more`);
    out.push('**Expired exceptions**: the findings they covered are reported again.', '', ...rows, '');
  }
  budget.left -= out.join('\n').length;
  const heading = baseline ? `### New findings (${fresh.length})` : `### Findings (${fresh.length})`;
  out.push(heading, '');
  if (fresh.length === 0)
    out.push(
      baseline ? `No new findings compared with ${mdCode(baseline.source)}.` : 'No unsuppressed findings.',
      '',
    );
  out.push(...groupSection(fresh, rules, budget));
  out.push(
    ...compactList('Findings already in the baseline', [...unchanged, ...knownByBaseline], () => '', budget),
  );
  out.push(
    ...compactList(
      'Suppressed findings',
      suppressed,
      (f) =>
        ` — ${f.suppression!.kind}: ${mdText(f.suppression!.reason)}${f.suppression!.expires ? ` (until ${mdText(f.suppression!.expires)})` : ''}`,
      budget,
    ),
  );
  const stale = result.policy?.staleExceptions ?? [];
  if (stale.length > 0) {
    out.push(
      ...collapsed(`Stale exceptions, matching nothing (${stale.length})`, stale.map(exceptionLine), budget),
    );
  }
  const warnings = otherWarnings(result);
  if (warnings.length > 0) {
    out.push(
      ...collapsed(
        `Warnings (${warnings.length})`,
        warnings.map((w) => `- ${mdText(formatWarning(w))}`),
        budget,
      ),
    );
  }
  const gaps = result.coverage ?? [];
  if (gaps.length > 0) {
    const rows = gaps.map(
      (g) =>
        `- ${g.analyzer ? `${mdCode(g.analyzer)}: ` : ''}${g.files} file(s): ${mdText(g.reason)}${g.findingsDropped ? ` (${g.findingsDropped} findings left out)` : ''} — ${g.examples.map(mdCode).join(', ')}`,
    );
    out.push(...collapsed(`Not analyzed (${gaps.reduce((n, g) => n + g.files, 0)} files)`, rows, budget));
  }
  const unused = result.suppressions.filter((s) => !s.used);
  if (unused.length > 0) {
    const rows = unused.map((s) => `- ${mdCode(`${s.path}:${s.line}`)} ${mdCode(s.ruleId)}`);
    out.push(...collapsed(`Unused inline suppressions (${unused.length})`, rows, budget));
  }
  out.push(
    `<sub>${mdText(`vanguard ${result.tool.version} · ${result.discovery.filesScanned} files · ${(result.durationMs / 1000).toFixed(1)} s`)}</sub>`,
    '',
  );
  return out.join('\n');
};
