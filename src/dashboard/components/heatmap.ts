import type { MetricsPrinciple, PrincipleCell, PrinciplesMetric } from '../../server/metrics/types.js';
import { capital, num } from '../format.js';
import { html } from '../html.js';
import { severityShort } from './ui.js';

const LEVELS = ['critical', 'high', 'medium', 'low', 'info'];

/** A cell's shade follows its worst open severity; the text inside says the same in words. */
function Cell({
  cell,
  project,
  principle,
}: {
  cell: PrincipleCell | undefined;
  project: string;
  principle: string;
}) {
  if (!cell || cell.open === 0)
    return html`<td class="heat heat-none">
      <span class="sr-only">none open</span><span aria-hidden="true">0</span>
    </td>`;
  const worst = cell.worst ?? 'info';
  const detail = LEVELS.filter((s) => (cell.bySeverity as Record<string, number>)[s])
    .map((s) => `${(cell.bySeverity as Record<string, number>)[s]} ${s}`)
    .join(', ');
  const href = project
    ? `/findings?project=${encodeURIComponent(project)}&status=open`
    : '/findings?status=open';
  return html`<td class=${`heat heat-${worst}`} title=${detail}>
    <a
      href=${href}
      aria-label=${`${project || 'All projects'}, ${capital(principle)}: ${cell.open} open, worst ${worst} (${detail})`}
    >
      <strong>${num(cell.open)}</strong> <span class="worst">${severityShort(worst)}</span>
    </a>
  </td>`;
}

/** The five principles across projects: where the organisation's posture is weak. */
export function Heatmap({ data }: { data: PrinciplesMetric }) {
  if (data.projects.length === 0)
    return html`<p class="muted">No open findings touch the five principles.</p>`;
  const cols = data.principles;
  return html`<div class="table-wrap">
      <table class="heatmap">
        <caption class="sr-only">
          Open findings per principle and project, with the worst severity
        </caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            ${cols.map((p) => html`<th scope="col">${capital(p)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${data.projects.map(
            (row) =>
              html`<tr>
                <th scope="row">
                  <a href=${`/projects/${encodeURIComponent(row.project)}`}>${row.project}</a>
                </th>
                ${cols.map((p: MetricsPrinciple) => html`<${Cell} cell=${row.cells[p]} project=${row.project} principle=${p} />`)}
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All projects</th>
            ${cols.map((p) => html`<${Cell} cell=${data.totals[p]} project="" principle=${p} />`)}
          </tr>
        </tfoot>
      </table>
    </div>
    <p class="legend small">
      Each cell: open findings and the worst severity among them (C critical, H high, M medium, L low, I
      info). Darker means more severe.
    </p>`;
}
