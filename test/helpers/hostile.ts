import type { Finding } from '../../src/core/finding.js';
import { makeFinding } from './scan-result.js';

/** Text an attacker controls through a scanned file (a message quotes the offending code). */
export const HOSTILE =
  '</td></tr><script>alert(1)</script><img src=x onerror=alert(2)> "quoted" \'single\' & [click](https://evil.example) @octocat `tick` %0A\r\n::error::x,y\u0000\u001b[31m';

/** A finding whose every free-text field carries hostile content. */
export function hostileFinding(): Finding {
  return makeFinding({
    ruleId: 'code/js-xss',
    title: `XSS ${HOSTILE}`,
    message: `Reflected ${HOSTILE}`,
    remediation: `Encode ${HOSTILE}`,
    severity: 'critical',
    location: { path: 'web/a,b:c%d.js', startLine: 7, snippet: `res.send(${HOSTILE})` },
  });
}
