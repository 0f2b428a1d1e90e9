import { qs } from '../api.js';
import type { PageProps } from '../components/shell.js';
import { Pager, Status, useApi } from '../components/ui.js';
import { capital, when } from '../format.js';
import { html } from '../html.js';
import { navigate } from '../router.js';
import type { Job, Page } from '../types.js';

const LIMIT = 50;
const MARK: Record<string, string> = { queued: '…', running: '▶', succeeded: '✓', failed: '✕' };

function outcome(j: Job): string {
  if (j.error) return j.error;
  if (j.result && typeof j.result === 'object') {
    return Object.entries(j.result as Record<string, unknown>)
      .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ');
  }
  return '';
}

/** Import and re-match jobs: what was queued, by whom, and how it ended. */
export function JobsPage({ loc }: PageProps) {
  const offset = Number(loc.query.get('offset') ?? 0) || 0;
  const status = loc.query.get('status') ?? '';
  const jobs = useApi<Page<Job>>(`/api/v1/jobs${qs({ status, limit: LIMIT, offset })}`);
  return html`<h1>Import jobs</h1>
    <p class="muted">Large reports and advisory re-matches run as jobs; this page shows them newest first.</p>
    <div class="toolbar">
      <label for="job-status">Status</label>
      <select
        id="job-status"
        value=${status}
        onChange=${(e: Event) => navigate(`/jobs${qs({ status: (e.target as HTMLSelectElement).value })}`, true)}
      >
        <option value="">Any</option>
        ${['queued', 'running', 'succeeded', 'failed'].map((s) => html`<option value=${s}>${capital(s)}</option>`)}
      </select>
      <button type="button" onClick=${jobs.reload}>Refresh</button>
    </div>
    <${Status} state=${jobs} />
    ${
      jobs.data
        ? html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Job</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Status</th>
                    <th scope="col">Queued</th>
                    <th scope="col">Finished</th>
                    <th scope="col">By</th>
                    <th scope="col">Outcome</th>
                  </tr>
                </thead>
                <tbody>
                  ${jobs.data.items.map(
                    (j) =>
                      html`<tr>
                        <td>#${j.id}</td>
                        <td>${j.kind}</td>
                        <td>
                          <span class=${`status job-${j.status}`}
                            ><span aria-hidden="true">${MARK[j.status] ?? '•'} </span
                            >${capital(j.status)}</span
                          >
                        </td>
                        <td class="nowrap">${when(j.createdAt)}</td>
                        <td class="nowrap">${when(j.finishedAt)}</td>
                        <td>${j.createdBy}</td>
                        <td class="small">${outcome(j)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
              ${jobs.data.items.length === 0 ? html`<p class="empty">No jobs${status ? ` with status ${status}` : ''}.</p>` : null}
            </div>
            <${Pager}
              offset=${offset}
              limit=${LIMIT}
              total=${jobs.data.total}
              go=${(o: number) => navigate(`/jobs${qs({ status, offset: o || undefined })}`, true)}
            />`
        : null
    }`;
}
