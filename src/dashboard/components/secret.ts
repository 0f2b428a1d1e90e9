import { html } from '../html.js';

/** A credential shown once, right after it was made: never stored by the page, never shown again. */
export function ShownOnce({
  title,
  rows,
  onDone,
}: {
  title: string;
  rows: [string, string][];
  onDone: () => void;
}) {
  return html`<div class="once" role="alert">
    <h3>${title}</h3>
    <p>Copy it now: the server keeps only a hash and will not show it again.</p>
    <dl class="facts">
      ${rows.map(
        ([k, v]) =>
          html`<dt>${k}</dt>
            <dd>
              <input
                readonly
                class="mono"
                aria-label=${k}
                value=${v}
                onFocus=${(e: Event) => (e.target as HTMLInputElement).select()}
              />
            </dd>`,
      )}
    </dl>
    <button type="button" onClick=${onDone}>Done</button>
  </div>`;
}
