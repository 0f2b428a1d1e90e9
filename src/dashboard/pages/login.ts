import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { messageOf } from '../components/ui.js';
import { html } from '../html.js';
import type { Me, Role } from '../session.js';

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me, csrf: string) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    api<{ user: string; role: Role; csrfToken: string }>('POST', '/api/v1/session', { name, password }).then(
      (s) => onSignedIn({ name: s.user, role: s.role }, s.csrfToken),
      (err: unknown) => {
        setError(messageOf(err));
        setBusy(false);
      },
    );
  };
  return html`<main id="main" class="login">
    <form class="card login-card" onSubmit=${submit} aria-labelledby="login-title">
      <h1 id="login-title">Vanguard</h1>
      <p class="muted">Sign in to see your organisation's security outcomes.</p>
      <label for="login-name">Name</label>
      <input
        id="login-name"
        name="name"
        autocomplete="username"
        required
        value=${name}
        onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)}
      />
      <label for="login-password">Password</label>
      <input
        id="login-password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        value=${password}
        onInput=${(e: Event) => setPassword((e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <button type="submit" class="primary" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
    </form>
  </main>`;
}
