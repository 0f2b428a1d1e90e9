import { createHash } from 'node:crypto';
import type { MetricsResponse } from '../../server/metrics/types.js';
import { metricsSections } from './sections.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every text from the server is escaped, controls included: project names are other people's input. */
function esc(s: string): string {
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
  return s.replace(/[&<>"']/g, (c) => ESC[c]!).replace(controls, '\uFFFD');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1f24;max-width:80rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}p.note{color:#444}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #c8ccd0;padding:.25rem .6rem;text-align:left}
th{background:#eef1f4}td.critical{background:#f4c7c3}td.high{background:#fbd9b5}td.medium{background:#fdf0b8}
td.low{background:#dcefd9}td.info{background:#e4ecf7}`;

/**
 * `--format html`: one self-contained file that works offline. No script, no external resource;
 * the Content-Security-Policy allows only the page's own stylesheet (by its hash).
 */
export function metricsHtml(m: MetricsResponse): string {
  const hash = createHash('sha256').update(STYLE).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const body = metricsSections(m)
    .map((s) => {
      const head = `<tr>${s.headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
      const rows = s.rows
        .map((r, i) => {
          const cells = r.map((c, j) => {
            const level = s.levels?.[i]?.[j];
            const cls = level && /^(critical|high|medium|low|info)$/.test(level) ? ` class="${level}"` : '';
            return j === 0 ? `<th scope="row"${cls}>${esc(c)}</th>` : `<td${cls}>${esc(c)}</td>`;
          });
          return `<tr>${cells.join('')}</tr>`;
        })
        .join('\n');
      return `<section><h2>${esc(s.title)}</h2>${s.note ? `<p class="note">${esc(s.note)}</p>` : ''}\n<table><thead>${head}</thead><tbody>\n${rows}\n</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="referrer" content="no-referrer">
<title>Vanguard metrics ${esc(m.filters.from.slice(0, 10))} to ${esc(m.filters.to.slice(0, 10))}</title>
<style>${STYLE}</style></head>
<body><h1>Vanguard metrics</h1><p>Generated ${esc(m.generatedAt)}. Definitions: docs/metrics.md.</p>
${body}
</body></html>
`;
}
