import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, prefetch, setCsrf, whenSignedOut } from './api.js';
import { Shell } from './components/shell.js';
import { html } from './html.js';
import { LoginPage } from './pages/login.js';
import { metricsPath } from './pages/overview.js';
import { interceptLinks, navigate } from './router.js';
import type { Me, Role } from './session.js';

interface SessionAnswer {
  signedIn: boolean;
  user?: string;
  role?: Role;
  csrfToken?: string | null;
}

/** The overview's metrics, asked for as soon as someone who will see it is known to be signed in. */
function prefetchOverview(me: Me | null): void {
  const loc = { path: location.pathname, query: new URLSearchParams(location.search) };
  if (me && me.role !== 'reporter' && (loc.path === '/' || loc.path === '/login'))
    prefetch(metricsPath(loc.path === '/login' ? { ...loc, query: new URLSearchParams() } : loc));
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
        const m = s.signedIn && s.user && s.role ? { name: s.user, role: s.role } : null;
        prefetchOverview(m);
        setMe(m);
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
        prefetchOverview(m);
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
