import { useState } from 'preact/hooks';
import { SEVERITIES } from '../../core/finding.js';
import { api } from '../api.js';
import type { PageProps } from '../components/shell.js';
import { messageOf, Severity, Status, StatusBadge, useApi } from '../components/ui.js';
import { capital, when } from '../format.js';
import { html } from '../html.js';
import { can } from '../session.js';

const HOW_BAD: Record<string, string> = {
  critical: 'data is leaking or someone is inside right now',
  high: 'could be abused easily, or customers are affected',
  medium: 'looks wrong and could be abused with effort',
  low: 'odd, probably harmless',
  info: 'just so someone knows',
};

/** The browser's local time as the value a datetime-local field takes. */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

interface Filed {
  id: number;
  status: string;
  project: string | null;
  findingId: number | null;
}

/** The short form anyone in the organisation can use to report what they noticed. */
export function ReportPage(_props: PageProps) {
  const [what, setWhat] = useState('');
  const [where, setWhere] = useState('');
  const [at, setAt] = useState(localNow);
  const [severity, setSeverity] = useState('medium');
  const [project, setProject] = useState('');
  const [state, setState] = useState<{ busy?: boolean; error?: string; filed?: Filed }>({});
  const submit = (e: Event) => {
    e.preventDefault();
    setState({ busy: true });
    const whenIso = at ? new Date(at).toISOString() : undefined;
    api<Filed>('POST', '/api/v1/reports', {
      what,
      where,
      severity,
      ...(whenIso ? { when: whenIso } : {}),
      ...(project.trim() ? { project: project.trim() } : {}),
    }).then(
      (filed) => {
        setState({ filed });
        setWhat('');
        setWhere('');
        setProject('');
        setAt(localNow());
      },
      (err: unknown) => setState({ error: messageOf(err) }),
    );
  };
  const f = state.filed;
  return html`<h1>Report an anomaly</h1>
    <p class="lead muted">
      Noticed something odd — a page that shows other people's data, an error full of internals, a port that
      should not answer? Tell us in a few words; the team that owns it gets a finding.
    </p>
    <form class="card stack report-form" onSubmit=${submit}>
      <label for="r-what">What did you see?</label>
      <textarea
        id="r-what"
        required
        maxlength="2000"
        rows="4"
        value=${what}
        onInput=${(e: Event) => setWhat((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <label for="r-where">Where?</label>
      <input
        id="r-where"
        required
        maxlength="500"
        placeholder="A URL, host, service or screen"
        value=${where}
        onInput=${(e: Event) => setWhere((e.target as HTMLInputElement).value)}
      />
      <label for="r-when">When? (your local time)</label>
      <input
        id="r-when"
        type="datetime-local"
        value=${at}
        max=${localNow()}
        onInput=${(e: Event) => setAt((e.target as HTMLInputElement).value)}
      />
      <fieldset class="how-bad">
        <legend>How bad does it look?</legend>
        ${SEVERITIES.map(
          (s) =>
            html`<label class="radio">
              <input
                type="radio"
                name="severity"
                value=${s}
                checked=${severity === s}
                onChange=${() => setSeverity(s)}
              />
              <strong>${capital(s)}</strong> <span class="muted">— ${HOW_BAD[s]}</span>
            </label>`,
        )}
      </fieldset>
      <label for="r-project">Project (if you know it)</label>
      <input
        id="r-project"
        maxlength="100"
        value=${project}
        onInput=${(e: Event) => setProject((e.target as HTMLInputElement).value)}
      />
      <button type="submit" class="primary" disabled=${state.busy}>
        ${state.busy ? 'Sending…' : 'Send report'}
      </button>
      <div role="status">
        ${state.error ? html`<p class="error">${state.error}</p>` : null}
        ${
          f
            ? html`<p class="ok">
                Thank you — report #${f.id} is
                filed${f.project ? ` and went to ${f.project}` : '; an administrator will route it to the right team'}.
                <a href="/my-reports">See what happens to it</a>.
              </p>`
            : null
        }
      </div>
    </form>`;
}

interface MyReport {
  id: number;
  what: string;
  where: string;
  severity: string;
  when: string;
  receivedAt: string;
  routing: string;
  project: string | null;
  finding: { id: number; status: string | null; reason: string | null } | null;
}

/** What happened to each of my reports: routed to whom, and the finding's status and why. */
export function MyReportsPage({ me }: PageProps) {
  const list = useApi<{ items: MyReport[] }>('/api/v1/reports/mine?limit=200');
  return html`<h1>My reports</h1>
    <p><a href="/report">Report something new</a></p>
    <${Status} state=${list} />
    ${
      list.data
        ? list.data.items.length === 0
          ? html`<p class="empty card">You have not reported anything yet.</p>`
          : html`<div class="table-wrap">
              <table>
                <caption class="sr-only">
                  My anomaly reports, newest first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Report</th>
                    <th scope="col">How bad</th>
                    <th scope="col">Sent</th>
                    <th scope="col">Went to</th>
                    <th scope="col">What happened</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.data.items.map(
                    (r) =>
                      html`<tr>
                        <td>
                          <strong>#${r.id}</strong> ${r.what}
                          <div class="muted small">${r.where} · seen ${when(r.when)}</div>
                        </td>
                        <td><${Severity} value=${r.severity} /></td>
                        <td class="nowrap">${when(r.receivedAt)}</td>
                        <td>
                          ${r.project ?? html`<span class="muted">waiting for an administrator (${r.routing})</span>`}
                        </td>
                        <td>
                          ${
                            r.finding
                              ? html`${r.finding.status ? html`<${StatusBadge} value=${r.finding.status} />` : null}
                                ${can(me, 'viewer') ? html` <a href=${`/findings/${r.finding.id}`}>finding #${r.finding.id}</a>` : null}
                                ${r.finding.reason ? html`<div class="small">${r.finding.reason}</div>` : null}`
                              : html`<span class="muted">not yet a finding</span>`
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : null
    }`;
}
