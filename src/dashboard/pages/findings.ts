import { useState } from 'preact/hooks';
import { ANALYZER_IDS, PHASES, SEVERITIES } from '../../core/finding.js';
import { qs } from '../api.js';
import type { PageProps } from '../components/shell.js';
import { Pager, Severity, Status, StatusBadge, useApi } from '../components/ui.js';
import { capital, day } from '../format.js';
import { html } from '../html.js';
import { navigate, type Loc } from '../router.js';
import type { Finding, Page, ProjectSummary } from '../types.js';

const STATUSES = ['open', 'fixed', 'accepted', 'false-positive', 'not-affected'];
const SORTS: [string, string][] = [
  ['newest', 'Newest first'],
  ['oldest', 'Oldest first'],
  ['severity', 'Most severe first'],
  ['due', 'SLA due soonest'],
];
const FILTERS = ['project', 'status', 'severity', 'analyzer', 'tool', 'phase', 'q', 'sort'] as const;
export const PAGE_SIZE = 50;

/** The findings list's state lives in the address, so a filtered view can be bookmarked and shared. */
function stateOf(loc: Loc, fixedProject?: string) {
  const s: Record<string, string> = {};
  for (const k of FILTERS) s[k] = loc.query.get(k) ?? '';
  if (!loc.query.has('status')) s.status = 'open';
  if (fixedProject) s.project = fixedProject;
  return { filters: s, offset: Number(loc.query.get('offset') ?? 0) || 0 };
}

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly (string | [string, string])[];
  onChange: (v: string) => void;
}) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} value=${value} onChange=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${options.map((o) => {
        const [v, t] = typeof o === 'string' ? [o, o === '' ? 'Any' : capital(o)] : o;
        return html`<option value=${v}>${t}</option>`;
      })}
    </select>
  </div>`;
}

/** The findings of every project (or of one, on its page): filters, sort, search, server-side pages. */
export function FindingsList({ loc, project }: { loc: Loc; project?: string }) {
  const { filters, offset } = stateOf(loc, project);
  // The project suggestions load when the field is first used, not with every list.
  const [suggest, setSuggest] = useState(false);
  const projects = useApi<Page<ProjectSummary>>(project || !suggest ? null : '/api/v1/projects?limit=500');
  const query = qs({
    ...filters,
    status: filters.status === 'any' ? '' : filters.status,
    sort: filters.sort || 'newest',
    limit: PAGE_SIZE,
    offset,
  });
  const list = useApi<Page<Finding>>(`/api/v1/findings${query}`);
  const set = (patch: Record<string, string | number>) => {
    const next: Record<string, string | number> = { ...filters, offset: 0, ...patch };
    if (project) delete next.project;
    const tab = loc.query.get('tab');
    if (tab) next.tab = tab;
    if (next.offset === 0) delete next.offset;
    navigate(`${loc.path}${qs(next)}`, true);
  };
  const submitText = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (k: string): string => {
      const v = data.get(k);
      return typeof v === 'string' ? v.trim() : '';
    };
    set({ q: text('q'), tool: text('tool'), ...(project ? {} : { project: text('project') }) });
  };
  // The text fields are the user's until they apply them: uncontrolled, so a re-render while they
  // type (the list arriving) cannot put the address's value back; keyed by that value, so a new
  // address (back, a shared link) shows its own.
  return html`<form class="filters card" onSubmit=${submitText} aria-label="Filter findings">
      ${
        project
          ? null
          : html`<div class="field">
              <label for="f-project">Project</label>
              <input
                id="f-project"
                onFocus=${() => setSuggest(true)}
                name="project"
                list="f-projects"
                key=${`project:${filters.project}`}
                defaultValue=${filters.project}
                placeholder="Any"
              />
              <datalist id="f-projects">
                ${(projects.data?.items ?? []).map((p) => html`<option value=${p.name} />`)}
              </datalist>
            </div>`
      }
      <${Select}
        id="f-status"
        label="Status"
        value=${filters.status}
        options=${[['any', 'Any'], ...STATUSES.map((s) => [s, capital(s)])]}
        onChange=${(v: string) => set({ status: v })}
      />
      <${Select}
        id="f-severity"
        label="Severity"
        value=${filters.severity}
        options=${['', ...SEVERITIES]}
        onChange=${(v: string) => set({ severity: v })}
      />
      <${Select}
        id="f-analyzer"
        label="Analyzer"
        value=${filters.analyzer}
        options=${['', ...ANALYZER_IDS]}
        onChange=${(v: string) => set({ analyzer: v })}
      />
      <${Select}
        id="f-phase"
        label="Phase"
        value=${filters.phase}
        options=${['', ...PHASES]}
        onChange=${(v: string) => set({ phase: v })}
      />
      <div class="field">
        <label for="f-tool">Tool</label>
        <input
          id="f-tool"
          name="tool"
          key=${`tool:${filters.tool}`}
          defaultValue=${filters.tool}
          placeholder="e.g. vanguard"
        />
      </div>
      <div class="field grow">
        <label for="f-q">Search</label>
        <input
          id="f-q"
          name="q"
          type="search"
          key=${`q:${filters.q}`}
          defaultValue=${filters.q}
          placeholder="Title, message, path or rule"
        />
      </div>
      <${Select}
        id="f-sort"
        label="Sort"
        value=${filters.sort || 'newest'}
        options=${SORTS}
        onChange=${(v: string) => set({ sort: v })}
      />
      <div class="field"><button type="submit" class="primary">Apply</button></div>
    </form>
    <${Status} state=${list} />
    ${
      list.data
        ? html`<div class=${list.loading ? 'table-wrap loading' : 'table-wrap'} aria-busy=${list.loading}>
              <table class="findings">
                <caption class="sr-only">
                  Findings, ${filters.sort || 'newest'} first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Severity</th>
                    <th scope="col">Finding</th>
                    ${project ? null : html`<th scope="col">Project</th>`}
                    <th scope="col">Location</th>
                    <th scope="col">Phase</th>
                    <th scope="col">Status</th>
                    <th scope="col">First seen</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.data.items.map(
                    (f) =>
                      html`<tr>
                        <td><${Severity} value=${f.severity} /></td>
                        <td>
                          <a href=${`/findings/${f.id}`}>${f.title}</a>
                          <div class="muted small">${f.ruleId}</div>
                        </td>
                        ${project ? null : html`<td>${f.project} <span class="muted small">${f.branch}</span></td>`}
                        <td class="mono small">${f.location.path}:${f.location.startLine}</td>
                        <td>${capital(f.phase)}</td>
                        <td>
                          <${StatusBadge}
                            value=${f.status}
                          />${f.slaBreached ? html` <span class="tag warn">SLA breached</span>` : null}
                        </td>
                        <td class="nowrap">${day(f.firstSeen)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
              ${list.data.items.length === 0 ? html`<p class="empty">No findings match these filters.</p>` : null}
            </div>
            <${Pager}
              offset=${offset}
              limit=${PAGE_SIZE}
              total=${list.data.total}
              exact=${list.data.totalExact !== false}
              count=${list.data.items.length}
              go=${(o: number) => set({ offset: o })}
            />`
        : null
    }`;
}

export function FindingsPage({ loc }: PageProps) {
  return html`<h1>Findings</h1>
    <${FindingsList} loc=${loc} />`;
}
