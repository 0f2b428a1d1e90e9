import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ShownOnce } from '../components/secret.js';
import type { PageProps } from '../components/shell.js';
import { messageOf, Section, Status, useApi } from '../components/ui.js';
import { when } from '../format.js';
import { html } from '../html.js';

interface TokenRow {
  id: string;
  kind: string;
  user: string | null;
  project: string | null;
  createdBy: string;
  createdAt: string;
  expires: string | null;
  revokedAt: string | null;
}

/** Push tokens for pipelines (admins): create one for a project, see who made which, revoke. */
export function TokensPage(_props: PageProps) {
  const list = useApi<{ items: TokenRow[] }>('/api/v1/tokens?limit=500');
  const [project, setProject] = useState('');
  const [expires, setExpires] = useState('90d');
  const [made, setMade] = useState<
    { id: string; token: string; project: string; expires: string | null } | undefined
  >();
  const [msg, setMsg] = useState<string>('');
  const create = (e: Event) => {
    e.preventDefault();
    api<{ id: string; token: string; project: string; expires: string | null }>('POST', '/api/v1/tokens', {
      project,
      expires,
    }).then(
      (t) => {
        setMade(t);
        setMsg('');
        setProject('');
        list.reload();
      },
      (err: unknown) => setMsg(messageOf(err)),
    );
  };
  const revoke = (id: string) => {
    if (!confirm(`Revoke token ${id}? Pipelines using it stop working at once.`)) return;
    api('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`).then(
      () => {
        setMsg(`Token ${id} revoked.`);
        list.reload();
      },
      (err: unknown) => setMsg(messageOf(err)),
    );
  };
  return html`<h1>Tokens</h1>
    <${Section} title="New push token">
      <form class="inline" onSubmit=${create}>
        <div class="field"><label for="tok-project">Project</label>
          <input id="tok-project" required maxlength="100" value=${project} onInput=${(e: Event) => setProject((e.target as HTMLInputElement).value)} /></div>
        <div class="field"><label for="tok-expires">Expires after</label>
          <select id="tok-expires" value=${expires} onChange=${(e: Event) => setExpires((e.target as HTMLSelectElement).value)}>
            <option value="30d">30 days</option><option value="90d">90 days</option><option value="365d">1 year</option><option value="never">Never</option>
          </select></div>
        <div class="field"><button type="submit" class="primary">Create token</button></div>
      </form>
      ${
        made
          ? html`<${ShownOnce}
              title=${`Push token for ${made.project}`}
              rows=${[
                ['Token', made.token],
                ['Expires', made.expires ? when(made.expires) : 'never'],
              ]}
              onDone=${() => setMade(undefined)}
            />`
          : null
      }
      <p role="status" class="muted">${msg}</p>
    </${Section}>
    <${Section} title="All tokens">
      <${Status} state=${list} />
      ${
        list.data
          ? html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Id</th>
                    <th scope="col">Kind</th>
                    <th scope="col">For</th>
                    <th scope="col">Created</th>
                    <th scope="col">Expires</th>
                    <th scope="col">State</th>
                    <th scope="col"><span class="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${list.data.items.map(
                    (t) =>
                      html`<tr>
                        <td class="mono">${t.id}…</td>
                        <td>${t.kind}</td>
                        <td>${t.project ?? t.user ?? '—'}</td>
                        <td class="nowrap">
                          ${when(t.createdAt)} <span class="muted small">by ${t.createdBy}</span>
                        </td>
                        <td class="nowrap">${t.expires ? when(t.expires) : 'never'}</td>
                        <td>
                          ${t.revokedAt ? html`<span class="status st-fixed">✕ Revoked ${when(t.revokedAt)}</span>` : html`<span class="status st-active">● Active</span>`}
                        </td>
                        <td>
                          ${t.revokedAt ? null : html`<button type="button" class="danger" aria-label=${`Revoke token ${t.id}`} onClick=${() => revoke(t.id)}>Revoke</button>`}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : null
      }
    </${Section}>`;
}
