import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hostileFinding } from '../../test/helpers/hostile.js';
import { makeFinding, makeResult } from '../../test/helpers/scan-result.js';
import { escapeHtml, htmlReport } from './html.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';

const opts = { tty: false };

describe('html report', () => {
  it('loads nothing from outside and allows only its own inline style and script', () => {
    const html = htmlReport(makeResult([makeFinding()]), opts);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const hash = (s: string): string => createHash('sha256').update(s).digest('base64');
    expect(csp).toContain(`default-src &#39;none&#39;`);
    expect(csp).toContain(`script-src &#39;sha256-${hash(HTML_SCRIPT)}&#39;`);
    expect(csp).toContain(`style-src &#39;sha256-${hash(HTML_STYLE)}&#39;`);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('escapes every field a finding controls', () => {
    const html = htmlReport(makeResult([hostileFinding()]), opts);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror=alert(2)>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('\u0000');
  });

  it('never links to anything but https', () => {
    const r = makeResult([makeFinding({ ruleId: 'code/x' })]);
    r.rules[0]!.helpUri = 'javascript:alert(1)';
    expect(htmlReport(r, opts)).not.toContain('javascript:');
  });

  it('shows the gate reason and counts', () => {
    const html = htmlReport(
      makeResult([makeFinding({ severity: 'critical' })], {
        failed: true,
        reason: 'failed: 1 finding at or above high (1 critical)',
      }),
      opts,
    );
    expect(html).toContain(
      '<div id="gate" class="gate fail">✗ failed: 1 finding at or above high (1 critical)</div>',
    );
    expect(html).toContain('<div class="card"><b>1</b>critical</div>');
  });

  it('escapes quotes for attributes', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});
