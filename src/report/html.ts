import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding.js';
import { SEVERITIES, severityRank } from '../core/finding.js';
import type { ExceptionRef, ScanResult } from '../core/result.js';
import type { RuleMeta } from '../core/rule.js';
import {
  cweUrl,
  isNew,
  locationText,
  otherWarnings,
  provenanceText,
  rulesById,
  stripControl,
} from './common.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import type { Reporter } from './types.js';
import { formatWarning } from '../core/warning.js';

const MAX_ROWS = 10_000;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return stripControl(s).replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`,
  );
}

function sha256(s: string): string {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

/** Only plain https links leave the page; anything else (javascript:, data:) is dropped. */
function safeHref(u: string | undefined): string | undefined {
  return u !== undefined && /^https:\/\/[^\s"'<>]+$/.test(u) ? u : undefined;
}

function link(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${escapeHtml(text)}</a>`;
}

function status(f: Finding): string {
  if (f.suppression) {
    const until = f.suppression.expires ? ` until ${f.suppression.expires}` : '';
    return `suppressed (${escapeHtml(f.suppression.kind)}${escapeHtml(until)}): ${escapeHtml(f.suppression.reason)}`;
  }
  if (f.baselineState === 'unchanged') return 'in baseline';
  return f.baselineState === 'new' ? '<strong>new</strong>' : 'open';
}

function row(f: Finding, rule: RuleMeta | undefined): string {
  const refs: string[] = [];
  const help = safeHref(rule?.helpUri);
  if (help) refs.push(link(help, 'rule documentation'));
  for (const c of f.cwe) refs.push(link(cweUrl(c), `CWE-${c}`));
  if (f.owasp.length > 0) refs.push(escapeHtml(`OWASP ${f.owasp.join(', ')}`));
  const pkg = f.package
    ? `<div>Package <code>${escapeHtml(`${f.package.name}@${f.package.version}`)}</code>${f.package.fixedIn.length > 0 ? `, fixed in <code>${escapeHtml(f.package.fixedIn.join(', '))}</code>` : ''}</div>`
    : '';
  const snippet = f.location.snippet ? `<pre><code>${escapeHtml(f.location.snippet)}</code></pre>` : '';
  const cls = `finding${f.suppression ? ' suppressed' : ''}`;
  return `<tr class="${cls}" data-rank="${severityRank(f.severity)}" data-severity="${f.severity}" data-analyzer="${escapeHtml(f.analyzer)}" data-suppressed="${f.suppression ? 1 : 0}" data-fingerprint="${escapeHtml(f.fingerprint)}">
<td><span class="badge sev-${f.severity}">${f.severity}</span></td>
<td class="rule"><code>${escapeHtml(f.ruleId)}</code><div class="title">${escapeHtml(f.title)}</div><div class="provenance">${escapeHtml(provenanceText(f))}</div></td>
<td class="loc"><code>${escapeHtml(locationText(f))}</code></td>
<td><div class="message">${escapeHtml(f.message)}</div>${pkg}<details><summary>How to fix</summary><p>${escapeHtml(f.remediation)}</p>${snippet}<p>${refs.join(' · ')}</p></details></td>
<td>${escapeHtml(f.analyzer)}</td>
<td class="status">${status(f)}</td>
</tr>`;
}

function exceptionItem(e: ExceptionRef, what: string): string {
  const match = Object.entries(e.match)
    .map(([k, v]) => `${k} <code>${escapeHtml(v)}</code>`)
    .join(', ');
  return `<li>${what}: exceptions[${e.index}] (${match}), owner ${escapeHtml(e.owner)}, expires ${escapeHtml(e.expires)} — ${escapeHtml(e.reason)}</li>`;
}

function notes(result: ScanResult): string {
  const items: string[] = [];
  for (const e of result.policy?.expiredExceptions ?? [])
    items.push(exceptionItem(e, `<strong>Expired</strong> (${e.matched} findings reported again)`));
  for (const e of result.policy?.staleExceptions ?? [])
    items.push(exceptionItem(e, 'Stale (matches nothing)'));
  for (const a of result.analyzers) {
    for (const err of a.errors.slice(0, 50))
      items.push(`<li>${escapeHtml(`${a.id} could not analyse ${err.path}: ${err.message}`)}</li>`);
  }
  for (const s of result.suppressions.filter((x) => !x.used).slice(0, 100)) {
    items.push(
      `<li>Unused inline suppression <code>${escapeHtml(s.ruleId)}</code> at <code>${escapeHtml(`${s.path}:${s.line}`)}</code></li>`,
    );
  }
  for (const w of otherWarnings(result)) items.push(`<li>${escapeHtml(formatWarning(w))}</li>`);
  return items.length === 0 ? '' : `<h2>Notes</h2><ul class="notes">${items.join('\n')}</ul>`;
}

/** One self-contained page: summary, gate verdict and a filterable findings table; nothing loads from outside. */
export const htmlReport: Reporter = (result: ScanResult) => {
  const gate = result.summary.gate;
  const rules = rulesById(result);
  const open = result.findings.filter(isNew);
  const counts = SEVERITIES.map(
    (s) => `<div class="card"><b>${open.filter((f) => f.severity === s).length}</b>${s}</div>`,
  ).join('');
  const analyzers = [...new Set(result.findings.map((f) => f.analyzer))].sort();
  const shown = result.findings.slice(0, MAX_ROWS);
  const csp = `default-src 'none'; style-src ${sha256(HTML_STYLE)}; script-src ${sha256(HTML_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const baseline = result.policy?.baseline;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vanguard report — ${escapeHtml(result.root)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
<h1>Vanguard report</h1>
<p class="meta">${escapeHtml(`${result.root} · vanguard ${result.tool.version} · ${result.finishedAt} · ${result.discovery.filesScanned} files in ${(result.durationMs / 1000).toFixed(1)} s${result.status === 'partial' ? ' · INCOMPLETE SCAN' : ''}`)}</p>
<div id="gate" class="gate ${gate.failed ? 'fail' : 'pass'}">${gate.failed ? '✗' : '✓'} ${escapeHtml(gate.reason)}</div>
<div class="cards">${counts}<div class="card"><b>${result.findings.length - open.length}</b>suppressed or known</div>${baseline ? `<div class="card"><b>${baseline.new}</b>not in baseline ${escapeHtml(baseline.source)}</div>` : ''}</div>
${notes(result)}
<h2>Findings</h2>
<div class="filters">
<label>Severity <select id="f-severity"><option value="">all</option>${SEVERITIES.map((s, i) => `<option value="${i}">${s}${i > 0 && i < SEVERITIES.length - 1 ? ' and above' : ''}</option>`).join('')}</select></label>
<label>Analyzer <select id="f-analyzer"><option value="">all</option>${analyzers.map((a) => `<option value="${escapeHtml(a)}">${escapeHtml(a)}</option>`).join('')}</select></label>
<label>Text <input id="f-text" type="search" placeholder="rule, path, message…" autocomplete="off"></label>
<label><input id="f-suppressed" type="checkbox"> show suppressed</label>
<span id="f-count" aria-live="polite"></span>
</div>
<table id="findings">
<thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>What and how to fix</th><th>Analyzer</th><th>Status</th></tr></thead>
<tbody>
${shown.map((f) => row(f, rules.get(f.ruleId))).join('\n')}
</tbody>
</table>
<p id="no-match" hidden>No findings match the filters.</p>
${result.findings.length > MAX_ROWS ? `<p>${result.findings.length - MAX_ROWS} more findings are in the JSON report.</p>` : ''}
</main>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
};
