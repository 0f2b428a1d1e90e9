import { SITE_CLIENT_NOTE, handlesSiteLinks } from '../../core/site-client.js';

/**
 * The code rules whose finding, in a site client (core/site-client.ts), is most likely the site's own client
 * key: a credential under a key's name and a request-signing or cipher key. A server's own secrets (session,
 * JWT signing, Django's SECRET_KEY) are not among them: a module that handles other sites' links does not
 * sign its own sessions with them, and where it does they stay at their level.
 */
const CLIENT_KEY_RULES = new Set([
  'code/py-hardcoded-credential',
  'code/js-hardcoded-credential',
  'code/py-hardcoded-crypto-key',
  'code/js-hardcoded-crypto-key',
]);

// A password's name just before the value (`'password': '…'`, `PASSWD = "…"`): a login, maybe the project's own.
const PASSWORD_NAME = /(?:passw(?:or)?d|passwd|pwd|pass)\w*["'`]?\s*[:=]\s*[rbuRBU]*["'`]?\s*$/i;

/** Tells, per finding, whether the module is a site client and the finding one of its keys (not a password). */
export function siteClientKeys(text: string): (ruleId: string, line: string, secret?: string) => boolean {
  let site: boolean | undefined;
  return (ruleId, line, secret) => {
    if (!CLIENT_KEY_RULES.has(ruleId)) return false;
    if (secret !== undefined) {
      const at = line.indexOf(secret);
      if (at >= 0 && PASSWORD_NAME.test(line.slice(0, at))) return false;
    }
    return (site ??= handlesSiteLinks(text));
  };
}

export { SITE_CLIENT_NOTE };
