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
 * scraper's own login).
 */

const NAMED_KEY = 'secrets/generic-api-key';

/**
 * `found` with its name-only keys lowered one step when `text` is a site client's module, or when the key is a
 * default of the program's configuration (core/config-default.ts).
 */
export function lowerInSiteClient(
  found: Detection[],
  text: string,
  severityOf: (d: Detection) => Severity,
): Detection[] {
  if (!found.some((d) => d.ruleId === NAMED_KEY)) return found;
  const site = handlesSiteLinks(text);
  const defaults = site ? new Set<number>() : configDefaultLines(text);
  if (!site && defaults.size === 0) return found;
  return found.map((d) => {
    const why =
      d.ruleId !== NAMED_KEY
        ? undefined
        : site
          ? SITE_CLIENT_NOTE
          : defaults.has(d.line)
            ? CONFIG_DEFAULT_NOTE
            : undefined;
    return why === undefined
      ? d
      : {
          ...d,
          severity: oneStepLower(severityOf(d)),
          confidence: 'low',
          note: d.note ? `${d.note}; ${why}` : why,
        };
  });
}
