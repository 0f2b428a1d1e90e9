import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrf, whenSignedOut } from './api.js';
import { Shell } from './components/shell.js';
import { html } from './html.js';
import { LoginPage } from './pages/login.js';
import { interceptLinks, navigate } from './router.js';
import type { Me, Role } from './session.js';

interface SessionAnswer {
  signedIn: boolean;
  user?: string;
  role?: Role;
  csrfToken?: string | null;
}

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    whenSignedOut(() => setMe(null));
    // A public question, so a signed-out visit is not a failed request.
    api<SessionAnswer>('GET', '/api/v1/session').then(
      (s) => {
        setCsrf(s.csrfToken ?? null);
        setMe(s.signedIn && s.user && s.role ? { name: s.user, role: s.role } : null);
      },
      (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  if (problem) return html`<p class="error boot" role="alert">The server did not answer: ${problem}</p>`;
  if (me === undefined) return html`<p class="boot muted" role="status">Loading…</p>`;
  if (me === null)
    return html`<${LoginPage}
      onSignedIn=${(m: Me, csrf: string) => {
        setCsrf(csrf);
        setMe(m);
        if (location.pathname === '/login') navigate('/', true);
      }}
    />`;
  return html`<${Shell}
    me=${me}
    onSignOut=${() => {
      api('DELETE', '/api/v1/session').then(
        () => undefined,
        () => undefined,
      );
      setCsrf(null);
      setMe(null);
      navigate('/', true);
    }}
  />`;
}

interceptLinks();
render(html`<${App} />`, document.getElementById('app')!);
