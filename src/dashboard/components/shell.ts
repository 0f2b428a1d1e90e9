import type { FunctionComponent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';
import { FindingPage } from '../pages/finding.js';
import { FindingsPage } from '../pages/findings.js';
import { JobsPage } from '../pages/jobs.js';
import { OverviewPage } from '../pages/overview.js';
import { ProjectPage, ProjectsPage } from '../pages/projects.js';
import { MyReportsPage, ReportPage } from '../pages/report.js';
import { TokensPage } from '../pages/tokens.js';
import { UnroutedPage } from '../pages/unrouted.js';
import { UsersPage } from '../pages/users.js';
import { match, useLocation, type Loc } from '../router.js';
import { can, type Me } from '../session.js';

export interface PageProps {
  me: Me;
  loc: Loc;
  params: Record<string, string>;
}

type Need = 'reporter' | 'viewer' | 'member' | 'admin';
interface RouteDef {
  path: string;
  page: FunctionComponent<PageProps>;
  need: Need;
  nav?: string;
}

// The reporter's home is the report form; everyone else starts at the overview.
const ROUTES: RouteDef[] = [
  { path: '/', page: OverviewPage, need: 'viewer', nav: 'Overview' },
  { path: '/findings', page: FindingsPage, need: 'viewer', nav: 'Findings' },
  { path: '/findings/:id', page: FindingPage, need: 'viewer' },
  { path: '/projects', page: ProjectsPage, need: 'viewer', nav: 'Projects' },
  { path: '/projects/:name', page: ProjectPage, need: 'viewer' },
  { path: '/jobs', page: JobsPage, need: 'viewer', nav: 'Import jobs' },
  { path: '/report', page: ReportPage, need: 'reporter', nav: 'Report an anomaly' },
  { path: '/my-reports', page: MyReportsPage, need: 'reporter', nav: 'My reports' },
  { path: '/admin/unrouted', page: UnroutedPage, need: 'admin', nav: 'Unrouted' },
  { path: '/admin/tokens', page: TokensPage, need: 'admin', nav: 'Tokens' },
  { path: '/admin/users', page: UsersPage, need: 'admin', nav: 'Users' },
];

const allowed = (me: Me, need: Need): boolean => need === 'reporter' || can(me, need);

function resolve(me: Me, path: string): { def: RouteDef; params: Record<string, string> } | undefined {
  if (me.role === 'reporter' && path === '/')
    return { def: ROUTES.find((r) => r.path === '/report')!, params: {} };
  for (const def of ROUTES) {
    const params = match(def.path, path);
    if (params) return { def, params };
  }
  return undefined;
}

export function Shell({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const loc = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a navigation, move focus to the new page so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [loc.path]);
  const hit = resolve(me, loc.path);
  const nav = ROUTES.filter(
    (r) => r.nav && allowed(me, r.need) && !(me.role === 'reporter' && r.path === '/'),
  );
  const current =
    hit?.def.path === '/report' && me.role === 'reporter' && loc.path === '/' ? '/report' : hit?.def.path;
  let body;
  if (!hit)
    body = html`<h1>Not found</h1>
      <p>There is no page at ${loc.path}. <a href="/">Go to the start</a>.</p>`;
  else if (!allowed(me, hit.def.need))
    body = html`<h1>Not allowed</h1>
      <p>This page needs the ${hit.def.need} role; you are signed in as ${me.role}.</p>`;
  else body = html`<${hit.def.page} me=${me} loc=${loc} params=${hit.params} key=${loc.path} />`;
  return html`<a class="skip" href="#main">Skip to content</a>
    <header class="top">
      <a class="brand" href="/">Vanguard</a>
      <nav aria-label="Main">
        <ul>
          ${nav.map(
            (r) =>
              html`<li>
                <a
                  href=${r.path}
                  aria-current=${current === r.path || (r.path !== '/' && current?.startsWith(`${r.path}/`)) ? 'page' : undefined}
                  >${r.nav}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <div class="who">
        <span>${me.name} <span class="muted">(${me.role})</span></span>
        <button type="button" onClick=${onSignOut}>Sign out</button>
      </div>
    </header>
    <main id="main" ref=${main} tabindex="-1">${body}</main>`;
}
