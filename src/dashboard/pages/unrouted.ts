import { useState } from 'preact/hooks';
import { api, qs } from '../api.js';
import type { PageProps } from '../components/shell.js';
import { messageOf, Pager, Severity, Status, useApi } from '../components/ui.js';
import { when } from '../format.js';
import { html } from '../html.js';
import { navigate } from '../router.js';
import type { Page, ProjectSummary } from '../types.js';

interface Detection {
  id: number;
  source: string;
  title: string;
  severity: string;
  facts: {
    project?: string;
    namespace?: string;
    apps: string[];
    image?: string;
    host?: string;
    pod?: string;
    asset?: string;
  };
  count: number;
  firstAt: string;
  lastAt: string;
  status: string;
  note: string | null;
  reporter: string | null;
  ruleKeys: { key: string; value: string }[];
}

const LIMIT = 50;

function facts(f: Detection['facts']): string {
  const parts: string[] = [];
  if (f.project) parts.push(`project ${f.project}`);
  if (f.namespace) parts.push(`namespace ${f.namespace}`);
  if (f.apps.length) parts.push(`app ${f.apps.join(', ')}`);
  for (const k of ['image', 'host', 'pod', 'asset'] as const) if (f[k]) parts.push(`${k} ${f[k]}`);
  return parts.join(' · ') || 'no routing facts';
}

/** One line on where a detection came from, how often, and why routing could not place it. */
function summary(d: Detection): string {
  const from = d.reporter ? `${d.source} from ${d.reporter}` : d.source;
  const times = d.count > 1 ? `${d.count} times, ` : '';
  const why = d.note ? `${d.status}: ${d.note}` : d.status;
  return `#${d.id} · ${from} · ${times}first ${when(d.firstAt)}, last ${when(d.lastAt)} · ${why}`;
}

function Assign({
  d,
  projects,
  onDone,
}: {
  d: Detection;
  projects: string[];
  onDone: (msg: string) => void;
}) {
  const [project, setProject] = useState('');
  const [rule, setRule] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: Event) => {
    e.preventDefault();
    api<{ findingId: number; rule: unknown }>('POST', `/api/v1/detections/${d.id}/assign`, {
      project,
      ...(rule ? { saveRule: rule } : {}),
    }).then(
      (r) =>
        onDone(
          `Detection #${d.id} assigned to ${project} (finding #${r.findingId})${r.rule ? ', mapping saved' : ''}.`,
        ),
      (err: unknown) => setError(messageOf(err)),
    );
  };
  return html`<form class="assign" onSubmit=${submit} aria-label=${`Assign detection ${d.id}`}>
    <label for=${`as-p-${d.id}`}>Project</label>
    <select
      id=${`as-p-${d.id}`}
      required
      value=${project}
      onChange=${(e: Event) => setProject((e.target as HTMLSelectElement).value)}
    >
      <option value="">Choose…</option>
      ${projects.map((p) => html`<option value=${p}>${p}</option>`)}
    </select>
    <label for=${`as-r-${d.id}`}>Also route later ones by</label>
    <select
      id=${`as-r-${d.id}`}
      value=${rule}
      onChange=${(e: Event) => setRule((e.target as HTMLSelectElement).value)}
    >
      <option value="">No, just this one</option>
      ${d.ruleKeys.map((k) => html`<option value=${k.key}>${k.key} = ${k.value}</option>`)}
    </select>
    <button type="submit" class="primary">Assign</button>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
  </form>`;
}

/** Runtime detections and reports no project claims: an admin sends each to its owner. */
export function UnroutedPage({ loc }: PageProps) {
  const offset = Number(loc.query.get('offset') ?? 0) || 0;
  const list = useApi<Page<Detection>>(`/api/v1/detections/unrouted${qs({ limit: LIMIT, offset })}`);
  const projects = useApi<Page<ProjectSummary>>('/api/v1/projects?limit=500');
  const [msg, setMsg] = useState('');
  const names = (projects.data?.items ?? []).map((p) => p.name);
  return html`<h1>Unrouted detections</h1>
    <p class="muted">
      Alerts, runtime detections and anomaly reports that no project's declared workloads, images or assets
      match. Assign each to the team that owns it; saving a mapping routes later ones automatically.
    </p>
    <p role="status" class="ok">${msg}</p>
    <${Status} state=${list} />
    ${
      list.data
        ? html`${list.data.items.length === 0 ? html`<p class="empty card">Nothing is waiting: every detection found its project.</p>` : null}
            ${list.data.items.map(
              (d) =>
                html`<article class="card detection" aria-labelledby=${`det-${d.id}`}>
                  <h2 id=${`det-${d.id}`}><${Severity} value=${d.severity} /> ${d.title}</h2>
                  <p class="small muted">${summary(d)}</p>
                  <p class="mono small">${facts(d.facts)}</p>
                  <${Assign}
                    d=${d}
                    projects=${names}
                    onDone=${(m: string) => {
                      setMsg(m);
                      list.reload();
                    }}
                  />
                </article>`,
            )}
            <${Pager}
              offset=${offset}
              limit=${LIMIT}
              total=${list.data.total}
              go=${(o: number) => navigate(`/admin/unrouted${qs({ offset: o || undefined })}`, true)}
            />`
        : null
    }`;
}
