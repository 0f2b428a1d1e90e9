import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ShownOnce } from '../components/secret.js';
import type { PageProps } from '../components/shell.js';
import { messageOf, Section, Status, useApi } from '../components/ui.js';
import { capital, when } from '../format.js';
import { html } from '../html.js';

interface UserRow {
  name: string;
  role: string;
  createdAt: string;
  disabledAt: string | null;
}

const ROLE_HELP: Record<string, string> = {
  admin: 'everything, including users, tokens and settings',
  member: 'reads and triages findings, pushes scans',
  viewer: 'reads findings and metrics',
  reporter: 'reports anomalies and follows their own reports',
};

export function UsersPage(_props: PageProps) {
  const list = useApi<{ items: UserRow[] }>('/api/v1/users?limit=500');
  const [name, setName] = useState('');
  const [role, setRole] = useState('viewer');
  const [made, setMade] = useState<{ name: string; password: string; token: string } | undefined>();
  const [msg, setMsg] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    api<{ name: string; password: string; token: string }>('POST', '/api/v1/users', { name, role }).then(
      (u) => {
        setMade(u);
        setName('');
        setMsg('');
        list.reload();
      },
      (err: unknown) => setMsg(messageOf(err)),
    );
  };
  return html`<h1>Users</h1>
    <${Section} title="Add a user">
      <form class="inline" onSubmit=${add}>
        <div class="field"><label for="u-name">Name</label>
          <input id="u-name" required maxlength="100" autocomplete="off" value=${name} onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)} /></div>
        <div class="field"><label for="u-role">Role</label>
          <select id="u-role" value=${role} onChange=${(e: Event) => setRole((e.target as HTMLSelectElement).value)}>
            ${Object.keys(ROLE_HELP).map((r) => html`<option value=${r}>${capital(r)}: ${ROLE_HELP[r]}</option>`)}
          </select></div>
        <div class="field"><button type="submit" class="primary">Add user</button></div>
      </form>
      ${
        made
          ? html`<${ShownOnce}
              title=${`Credentials for ${made.name}`}
              rows=${[
                ['Password', made.password],
                ['API token', made.token],
              ]}
              onDone=${() => setMade(undefined)}
            />`
          : null
      }
      <p role="status" class="muted">${msg}</p>
    </${Section}>
    <${Section} title="All users">
      <${Status} state=${list} />
      ${
        list.data
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Since</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                ${list.data.items.map(
                  (u) =>
                    html`<tr>
                      <th scope="row">${u.name}</th>
                      <td>${capital(u.role)}</td>
                      <td>${when(u.createdAt)}</td>
                      <td>${u.disabledAt ? `Disabled ${when(u.disabledAt)}` : 'Active'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : null
      }
    </${Section}>`;
}
