import { oneStepLower } from '../../core/finding.js';
import type { Severity } from '../../core/finding.js';
import { CONFIG_DEFAULT_NOTE, configDefaultLines } from '../../core/config-default.js';
import { SITE_CLIENT_NOTE, handlesSiteLinks } from '../../core/site-client.js';
import type { Detection } from './engine.js';

/**
 * In a site client (core/site-client.ts), a key found by its name alone (`generic-api-key`: `_API_KEY`,
 * `client_secret`, `apiKey`) is lowered one step with a note: most likely the site's own client key. A
 * provider's token (AWS, Google, Algolia, X) keeps its level, its format being live wherever it is written
 * (a project's own YouTube Data API key in a YouTube link handler is one), and so does a password (a
 * scraper's own login) unless its name says it is the site API's (API_PASSWORD_NAME).
 */

const NAMED_KEY = 'secrets/generic-api-key';
const PASSWORDS = new Set(['secrets/hardcoded-password', 'secrets/weak-password']);

/**
 * A password assigned to a name that says it is an API's (`_API_PASS = '…'` beside `_API_USER`, `api_password:`):
 * in a site client, the account that site's own app logs in to its API with, the same in every copy of the app, as
 * its client key is. A login under any other name (`_PASSWORD`, `'password':`) may be the scraper's own and keeps
 * its level, and so does an API password outside a site client (a server's own API login, `api_pass: '…'`).
 */
const API_PASSWORD_NAME = /(?:^|[^a-z])api_?(?:pass(?:wo?r?d)?|pwd)["'`]?\s{0,3}[:=]\s{0,3}[rbuRBU]?["'`]$/i;

function apiPassword(d: Detection, lines: () => string[]): boolean {
  if (!PASSWORDS.has(d.ruleId)) return false;
  const line = lines()[d.line - 1] ?? '';
  const at = line.indexOf(d.secret);
  return at > 0 && API_PASSWORD_NAME.test(line.slice(Math.max(0, at - 80), at));
}

/**
 * `found` with its name-only keys and its API passwords (above) lowered one step when `text` is a site client's
 * module, or with a name-only key lowered when it is a default of the program's configuration
 * (core/config-default.ts).
 */
export function lowerInSiteClient(
  found: Detection[],
  text: string,
  severityOf: (d: Detection) => Severity,
): Detection[] {
  if (!found.some((d) => d.ruleId === NAMED_KEY || PASSWORDS.has(d.ruleId))) return found;
  const site = handlesSiteLinks(text);
  const defaults =
    site || !found.some((d) => d.ruleId === NAMED_KEY) ? new Set<number>() : configDefaultLines(text);
  if (!site && defaults.size === 0) return found;
  let split: string[] | undefined;
  const lines = (): string[] => (split ??= text.split('\n'));
  return found.map((d) => {
    const why =
      d.ruleId === NAMED_KEY
        ? site
          ? SITE_CLIENT_NOTE
          : defaults.has(d.line)
            ? CONFIG_DEFAULT_NOTE
            : undefined
        : site && apiPassword(d, lines)
          ? SITE_CLIENT_NOTE
          : undefined;
    return why === undefined
      ? d
      : {
          ...d,
          severity: oneStepLower(severityOf(d)),
          confidence: 'low',
          note: d.note ? `${d.note}; ${why}` : why,
          // The opt-in audit profile's (audit-shapes.ts: 0 true of 23 on the accuracy bench), as the code rules'.
          auditOnly: true,
        };
  });
}
