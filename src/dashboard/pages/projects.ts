import { SEVERITIES } from '../../core/finding.js';
import { qs } from '../api.js';
import { FindingsList } from './findings.js';
import { Metrics } from './overview.js';
import type { PageProps } from '../components/shell.js';
import { Pager, Section, Status, useApi } from '../components/ui.js';
import { capital, num, when } from '../format.js';
import { html } from '../html.js';
import { navigate } from '../router.js';
import type { Page, ProjectSummary } from '../types.js';

const LIMIT = 100;

export function ProjectsPage({ loc }: PageProps) {
  const offset = Number(loc.query.get('offset') ?? 0) || 0;
  const list = useApi<Page<ProjectSummary>>(`/api/v1/projects${qs({ limit: LIMIT, offset })}`);
  return html`<h1>Projects</h1>
    <${Status} state=${list} />
    ${
      list.data
        ? html`<div class="table-wrap">
              <table>
                <caption class="sr-only">
                  Projects and their open findings per severity
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Project</th>
                    ${SEVERITIES.map((s) => html`<th scope="col" class="num">Open ${s}</th>`)}
                    <th scope="col">Since</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.data.items.map(
                    (p) =>
                      html`<tr>
                        <th scope="row">
                          <a href=${`/projects/${encodeURIComponent(p.name)}`}>${p.name}</a>
                        </th>
                        ${SEVERITIES.map((s) => html`<td class="num">${num(p.open[s] ?? 0)}</td>`)}
                        <td>${when(p.createdAt)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
              ${list.data.items.length === 0 ? html`<p class="empty">No projects yet: push a scan with <code>vanguard push</code>.</p>` : null}
            </div>
            <${Pager}
              offset=${offset}
              limit=${LIMIT}
              total=${list.data.total}
              go=${(o: number) => navigate(`/projects${qs({ offset: o || undefined })}`, true)}
            />`
        : null
    }`;
}

interface ProjectDetail {
  name: string;
  createdAt: string;
  branches: { branch: string; lastScan: string }[];
  open: Record<string, number>;
}

interface Scan {
  id: number;
  branch: string;
  commit: string | null;
  tools: string[];
  phase: string;
  status: string;
  receivedAt: string;
  pushedBy: string;
  findings: number;
  new: number;
  fixed: number;
  reopened: number;
}

export function ProjectPage({ loc, params }: PageProps) {
  const name = params.name ?? '';
  const tab = loc.query.get('tab') ?? 'outcomes';
  const p = useApi<ProjectDetail>(`/api/v1/projects/${encodeURIComponent(name)}`);
  const scans = useApi<Page<Scan>>(
    tab === 'scans' ? `/api/v1/projects/${encodeURIComponent(name)}/scans?limit=50` : null,
  );
  if (!p.data)
    return html`<h1>${name}</h1>
      <${Status} state=${p} />`;
  const tabs: [string, string][] = [
    ['outcomes', 'Outcomes'],
    ['findings', 'Findings'],
    ['scans', 'Scans'],
  ];
  const base = `/projects/${encodeURIComponent(name)}`;
  return html`<p class="crumbs"><a href="/projects">Projects</a> › ${name}</p>
    <h1>${name}</h1>
    <p class="lead">
      Open: ${SEVERITIES.map((s) => html`<span class="count">${num(p.data!.open[s] ?? 0)} ${s}</span> `)} ·
      Branches: ${p.data.branches.map((b) => b.branch).join(', ') || '—'}
    </p>
    <nav class="tabs" aria-label="Project views">
      ${tabs.map(([k, t]) => html`<a href=${`${base}?tab=${k}`} aria-current=${tab === k ? 'page' : undefined}>${t}</a>`)}
    </nav>
    ${tab === 'outcomes' ? html`<${Metrics} loc=${loc} project=${name} />` : null}
    ${tab === 'findings' ? html`<${FindingsList} loc=${loc} project=${name} />` : null}
    ${
      tab === 'scans'
        ? html`<${Section} title="Scans">
          <${Status} state=${scans} />
          ${
            scans.data
              ? html`<div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Received</th>
                        <th scope="col">Branch</th>
                        <th scope="col">Commit</th>
                        <th scope="col">Tools</th>
                        <th scope="col">Phase</th>
                        <th scope="col">Status</th>
                        <th scope="col" class="num">Findings</th>
                        <th scope="col" class="num">New</th>
                        <th scope="col" class="num">Fixed</th>
                        <th scope="col" class="num">Reopened</th>
                        <th scope="col">By</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${scans.data.items.map(
                        (s) =>
                          html`<tr>
                            <td class="nowrap">${when(s.receivedAt)}</td>
                            <td>${s.branch}</td>
                            <td class="mono">${s.commit?.slice(0, 10) ?? '—'}</td>
                            <td>${s.tools.join(', ')}</td>
                            <td>${capital(s.phase)}</td>
                            <td>${capital(s.status)}</td>
                            <td class="num">${num(s.findings)}</td>
                            <td class="num">${num(s.new)}</td>
                            <td class="num">${num(s.fixed)}</td>
                            <td class="num">${num(s.reopened)}</td>
                            <td>${s.pushedBy}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`
              : null
          }
        </${Section}>`
        : null
    }`;
}
