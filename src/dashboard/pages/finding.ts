import type { PageProps } from '../components/shell.js';
import { TriagePanel } from '../components/triage.js';
import { Section, Severity, Status, StatusBadge, useApi } from '../components/ui.js';
import { capital, day, when } from '../format.js';
import { html } from '../html.js';
import { can } from '../session.js';
import type { Comment, Finding, HistoryEvent } from '../types.js';

function Facts({ f }: { f: Finding }) {
  const row = (k: string, v: unknown) =>
    html`<dt>${k}</dt>
      <dd>${v}</dd>`;
  return html`<dl class="facts">
    ${row('Project', html`<a href=${`/projects/${encodeURIComponent(f.project)}`}>${f.project}</a> (${f.branch})`)}
    ${row('Rule', html`<span class="mono">${f.ruleId}</span>`)} ${row('Analyzer', f.analyzer)}
    ${row('Confidence', capital(f.confidence))}
    ${f.tier ? row('Established by', TIER_TEXT[f.tier] ?? f.tier) : null}
    ${f.auditOnly ? row('Profile', AUDIT_ONLY_TEXT) : null} ${row('Phase caught', capital(f.phase))}
    ${row('Tools', f.tools.join(', ') || '—')}
    ${row('CWE', f.cwe.length ? f.cwe.map((c) => `CWE-${c}`).join(', ') : '—')}
    ${row('OWASP Top 10', f.owasp.join(', ') || '—')}
    ${row('Principles', f.principles.map(capital).join(', ') || '—')}
    ${row('Introduced', when(f.introducedAt))} ${row('First seen', when(f.firstSeen))}
    ${row('Last seen', when(f.lastSeen))} ${f.fixedAt ? row('Fixed', when(f.fixedAt)) : null}
    ${row('SLA due', html`${day(f.slaDue)}${f.slaBreached ? html` <span class="tag warn">breached</span>` : null}`)}
    ${f.status === 'accepted' ? row('Accepted by', `${f.acceptedOwner ?? '—'} until ${day(f.acceptedUntil)}`) : null}
  </dl>`;
}

// Why a default scan no longer reporting the finding does not close it (docs/platform.md).
const AUDIT_ONLY_TEXT =
  'Audit: reported only by scans with --profile audit; default scans leave it open and do not count it as fixed';

const TIER_TEXT: Record<string, string> = {
  taint: 'Taint: a source was followed to the sink',
  pattern: 'Pattern: the code itself is the problem',
  audit: 'Audit: a dangerous sink with an input whose origin was not proven',
};

/** The taint path, source first: each step with its file and line. */
function Flow({ f }: { f: Finding }) {
  return html`<ol class="flow" aria-label="Data flow from source to sink">
    ${f.flow.map(
      (s) =>
        html`<li>
          <span class="tag">${s.kind}</span>${' '}<span class="mono">${s.path}:${s.line}</span>${' — '}<code
            >${s.label}</code
          >
        </li>`,
    )}
  </ol>`;
}

function Location({ f }: { f: Finding }) {
  const l = f.location;
  const lines = l.endLine && l.endLine !== l.startLine ? `${l.startLine}–${l.endLine}` : `${l.startLine}`;
  return html`<p class="mono">${l.path}:${lines}${l.startColumn ? `:${l.startColumn}` : ''}</p>
    ${l.commit ? html`<p>Introduced in commit <span class="mono">${l.commit}</span></p>` : null}
    ${l.snippet ? html`<pre class="snippet" tabindex="0" aria-label="Code at the location"><code>${l.snippet}</code></pre>` : null}
    ${
      f.package
        ? html`<p>
            Package
            <span class="mono">${f.package.name}@${f.package.version}</span>
            (${f.package.ecosystem}${f.package.direct === false ? ', transitive' : ''})${' '}
            ${f.package.fixedIn?.length ? html`— fixed in ${f.package.fixedIn.join(', ')}` : null}
            ${f.package.path?.length ? html`<br />via ${f.package.path.join(' → ')}` : null}
          </p>`
        : null
    }`;
}

type Entry = { at: string; kind: 'event'; e: HistoryEvent } | { at: string; kind: 'comment'; c: Comment };

function History({ events, comments }: { events: HistoryEvent[]; comments: Comment[] }) {
  const all: Entry[] = [
    ...events.map((e) => ({ at: e.at, kind: 'event' as const, e })),
    ...comments.map((c) => ({ at: c.at, kind: 'comment' as const, c })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (all.length === 0) return html`<p class="muted">No history yet.</p>`;
  return html`<ol class="timeline">
    ${all.map((x) =>
      x.kind === 'event'
        ? html`<li>
            <div class="when">${when(x.at)} · ${x.e.actor}</div>
            <div>
              ${x.e.from ? html`<${StatusBadge} value=${x.e.from} /> → ` : 'Opened as '}<${StatusBadge}
                value=${x.e.to}
              />
            </div>
            <div class="reason">${x.e.reason}</div>
          </li>`
        : html`<li class="comment">
            <div class="when">${when(x.at)} · ${x.c.actor} commented</div>
            <div class="reason">${x.c.body}</div>
          </li>`,
    )}
  </ol>`;
}

export function FindingPage({ me, params }: PageProps) {
  const id = params.id ?? '';
  const finding = useApi<Finding>(`/api/v1/findings/${encodeURIComponent(id)}`);
  const history = useApi<{ items: HistoryEvent[] }>(`/api/v1/findings/${encodeURIComponent(id)}/history`);
  const comments = useApi<{ items: Comment[] }>(`/api/v1/findings/${encodeURIComponent(id)}/comments`);
  const f = finding.data;
  if (!f)
    return html`<h1>Finding ${id}</h1>
      <${Status} state=${finding} />`;
  const changed = () => {
    finding.reload();
    history.reload();
    comments.reload();
  };
  return html`<p class="crumbs"><a href="/findings">Findings</a> › #${f.id}</p>
    <h1>${f.title}</h1>
    <p class="lead"><${Severity} value=${f.severity} /> <${StatusBadge} value=${f.status} />
      ${f.statusReason ? html`<span class="muted"> — ${f.statusReason}</span>` : null}</p>
    <div class="grid two">
      <div>
        <${Section} title="What is wrong"><p>${f.message}</p></${Section}>
        <${Section} title="Location"><${Location} f=${f} /></${Section}>
        ${f.flow.length > 0 ? html`<${Section} title="Data flow"><${Flow} f=${f} /></${Section}>` : null}
        <${Section} title="How to fix it"><p class="prewrap">${f.remediation || '—'}</p></${Section}>
        <${Section} title="History">
          <${Status} state=${history} />
          <${History} events=${history.data?.items ?? []} comments=${comments.data?.items ?? []} />
        </${Section}>
      </div>
      <div>
        ${
          can(me, 'member')
            ? html`<${TriagePanel} me=${me} finding=${f} onChanged=${changed} />`
            : html`<${Section} title="Triage"><p class="muted">Your role (${me.role}) can read findings but not triage them.</p></${Section}>`
        }
        <${Section} title="Details"><${Facts} f=${f} /></${Section}>
      </div>
    </div>`;
}
