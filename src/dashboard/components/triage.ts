import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { html } from '../html.js';
import type { Me } from '../session.js';
import type { Finding } from '../types.js';
import { messageOf, Section } from './ui.js';

type Action = 'accepted' | 'false-positive' | 'not-affected' | 'open' | 'comment';

const LABELS: Record<Action, string> = {
  accepted: 'Accept the risk (with an expiry)',
  'false-positive': 'Mark as a false positive',
  'not-affected': 'Not affected (the vulnerable code is not used)',
  open: 'Reopen',
  comment: 'Comment only',
};

function actionsFor(f: Finding): Action[] {
  const out: Action[] = [];
  if (f.status !== 'fixed') out.push('accepted', 'false-positive');
  if (f.package && f.status !== 'fixed') out.push('not-affected');
  if (f.status !== 'open') out.push('open');
  out.push('comment');
  return out.filter((a) => a !== f.status || a === 'accepted');
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Triage of one finding, offered to members and admins (the server checks the role again). */
export function TriagePanel({ me, finding, onChanged }: { me: Me; finding: Finding; onChanged: () => void }) {
  const actions = actionsFor(finding);
  const [action, setAction] = useState<Action>(actions[0] ?? 'comment');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState(me.name);
  const [expires, setExpires] = useState(inDays(30));
  const [state, setState] = useState<{ busy?: boolean; error?: string; done?: string }>({});
  const submit = (e: Event) => {
    e.preventDefault();
    setState({ busy: true });
    const call =
      action === 'comment'
        ? api('POST', `/api/v1/findings/${finding.id}/comments`, { body: text })
        : api('PATCH', `/api/v1/findings/${finding.id}`, {
            status: action,
            reason: text,
            ...(action === 'accepted' ? { owner, expires } : {}),
          });
    call.then(
      () => {
        setState({ done: action === 'comment' ? 'Comment added.' : 'Status changed.' });
        setText('');
        onChanged();
      },
      (err: unknown) => setState({ error: messageOf(err) }),
    );
  };
  const current = actions.includes(action) ? action : (actions[0] ?? 'comment');
  return html`<${Section} title="Triage">
    <form class="stack" onSubmit=${submit}>
      <label for="t-action">Action</label>
      <select id="t-action" value=${current} onChange=${(e: Event) => setAction((e.target as HTMLSelectElement).value as Action)}>
        ${actions.map((a) => html`<option value=${a}>${LABELS[a]}</option>`)}
      </select>
      ${
        current === 'accepted'
          ? html`<label for="t-owner">Risk owner</label>
              <input
                id="t-owner"
                required
                maxlength="200"
                value=${owner}
                onInput=${(e: Event) => setOwner((e.target as HTMLInputElement).value)}
              />
              <label for="t-expires">Accepted until</label>
              <input
                id="t-expires"
                type="date"
                required
                min=${inDays(1)}
                value=${expires}
                onInput=${(e: Event) => setExpires((e.target as HTMLInputElement).value)}
              />`
          : null
      }
      <label for="t-text">${current === 'comment' ? 'Comment' : 'Reason'}</label>
      <textarea id="t-text" required maxlength="2000" rows="3" value=${text} onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}></textarea>
      <button type="submit" class="primary" disabled=${state.busy}>${current === 'comment' ? 'Add comment' : 'Save'}</button>
      <p role="status" class=${state.error ? 'error' : 'ok'}>${state.error ?? state.done ?? ''}</p>
    </form>
  </${Section}>`;
}
