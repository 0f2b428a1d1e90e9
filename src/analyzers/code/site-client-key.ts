import {
  CONFIG_DEFAULT_NOTE,
  LOCAL_DEFAULT_NOTE,
  configDefaultLines,
  localDefaultLines,
} from '../../core/config-default.js';
import {
  ANDROID_DEBUG_KEYSTORE_REASON,
  DEVICE_LOGIN_NOTE,
  androidDebugKeystorePassword,
  deviceDefaultLine,
} from '../../core/device-login.js';
import { SITE_CLIENT_NOTE, handlesSiteLinks } from '../../core/site-client.js';
import { PROTOCOL_CLIENT_NOTE, protocolClientDigest } from './protocol-client.js';

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

/**
 * The rules whose client-key finding (lowered by siteClientReasons: a site client's key, a protocol client's
 * password digest, a default of the program's configuration, a device's factory login, and since stop 55 a password
 * among the defaults for a service on this machine) only the opt-in audit profile reports: 20 of 20 such findings on
 * the accuracy bench were false (stop 54), a site's public app key or a digest its protocol fixes. The JavaScript
 * rules joined at stop 55 with the secrets analyzer's same shapes (secrets/audit-shapes.ts), which had reported
 * them merged into their row: the danger does not depend on the language. In the audit profile they are reported
 * as before, lowered and at low confidence.
 */
export const AUDIT_WHEN_CLIENT_KEY: ReadonlySet<string> = new Set([
  'code/py-hardcoded-credential',
  'code/py-hardcoded-crypto-key',
  'code/py-weak-password-hash',
  'code/py-fast-password-hash',
  'code/js-hardcoded-credential',
  'code/js-hardcoded-crypto-key',
  // Stop 56 (pyrest56): the same protocol client's password digest reported by the general weak-hash rule, and a
  // site client's random value (PY_SENT_RULES below); 5 of 5 false on the bench, none true.
  'code/py-weak-hash',
  'code/py-insecure-random',
]);

/**
 * A password hashed with a fast hash in a site client is the hash that site's login page computes before it
 * sends the password (the client must send what the site expects); the weakness is the site's protocol.
 */
const SITE_PROTOCOL_RULES = new Set([
  'code/py-weak-password-hash',
  'code/js-weak-password-hash',
  'code/py-fast-password-hash',
  'code/js-fast-password-hash',
]);
/** The Python password-hash rules whose digest may be a protocol client's field (protocol-client.ts). */
const PY_PASSWORD_RULES = new Set(['code/py-weak-password-hash', 'code/py-fast-password-hash']);

/**
 * A site client's random value (`'nonce': ''.join(random.choices(…))` in an anonymous token request, a play
 * session's number) is one the site's own page or player draws and sends: it goes to that site, which decides what
 * it accepts, and no secret of the program or of its user is made from it. A module that also answers requests (a
 * server's own token) is not a site client here.
 */
const SITE_RANDOM_RULES = new Set(['code/py-insecure-random']);
const SITE_RANDOM_NOTE =
  "in a module that handles one website's page links and answers no request, most likely the nonce or session number that site's own page or player draws and sends; check it if this module makes a secret of its own from it";
const SITE_PROTOCOL_NOTE =
  "in a module that handles one website's page links, most likely the hash that site's own login page computes before sending the password; check it if this module stores passwords";

/**
 * A fast digest the weak-hash rules report by its security word (`sign`, `token`, `secret`…) in a site client is
 * the request signature that site's own page or app computes (an API's `sign = md5(params + salt)`, a player's
 * `sha1(token + path)`): the site's protocol fixes the hash, the module only repeats it to be answered. Kept, not
 * reported (suppression 'by-design'), with the reason; a password's hash is not among them (it may be stored).
 */
const SITE_SIGNATURE_RULES = new Set(['code/py-weak-hash', 'code/js-weak-hash']);
const SITE_SIGNATURE_REASON =
  "the request signature of the one website this module handles (its pattern of that site's page links captures part of the address): that site's protocol fixes the hash, the module cannot choose another";

/**
 * A module that answers requests itself (a route, a request's form or body read) is a server, whatever links it
 * also recognises (an embed filter's `youtube\.com/watch\?v=(…)`): a digest there may be one it stores.
 */
const SERVES_REQUESTS = [
  /^\s*@[\w.]+\.(?:route|get|post|put|patch|delete|api_route|websocket)\(/m,
  /\brequest\.(?:form|args|values|json|files|cookies|GET|POST|get_json|body)\b/,
  /\b(?:req|ctx\.request)\.(?:body|query|params|cookies)\b/,
  /\b(?:app|router|server)\.(?:get|post|put|patch|delete|all)\(\s*['"`/]/,
];

/** The by-design reason of a weak-hash finding in a site client (see SITE_SIGNATURE_RULES); undefined otherwise. */
export function siteSignatureReason(ruleId: string, text: string): string | undefined {
  if (!SITE_SIGNATURE_RULES.has(ruleId) || SERVES_REQUESTS.some((re) => re.test(text))) return undefined;
  return handlesSiteLinks(text) ? SITE_SIGNATURE_REASON : undefined;
}

// A password's name just before the value (`'password': '…'`, `PASSWD = "…"`): a login, maybe the project's own.
const PASSWORD_NAME = /(?:passw(?:or)?d|passwd|pwd|pass)\w*["'`]?\s*[:=]\s*[rbuRBU]*["'`]?\s*$/i;

/**
 * Per finding, the reason it is lowered when the module is a site client and the finding one of its client
 * keys (not a password) or its site's login hash, or a protocol client's password digest, or when the key is a default of the program's configuration
 * (core/config-default.ts), or a password one of the defaults for a service on this machine or a device's default
 * login (core/device-login.ts); undefined otherwise.
 */
export function siteClientReasons(
  text: string,
): (ruleId: string, line: string, secret?: string, lineNo?: number) => string | undefined {
  let site: boolean | undefined;
  let defaults: Set<number> | undefined;
  let local: ReadonlySet<number> | undefined;
  const isSite = (): boolean => (site ??= handlesSiteLinks(text));
  return (ruleId, line, secret, lineNo) => {
    // The general weak-hash rule's finding on the same protocol client's password digest (stop 56).
    if (ruleId === 'code/py-weak-hash')
      return lineNo !== undefined && protocolClientDigest(text, lineNo) ? PROTOCOL_CLIENT_NOTE : undefined;
    if (SITE_RANDOM_RULES.has(ruleId))
      return !SERVES_REQUESTS.some((re) => re.test(text)) && isSite() ? SITE_RANDOM_NOTE : undefined;
    if (SITE_PROTOCOL_RULES.has(ruleId)) {
      if (isSite()) return SITE_PROTOCOL_NOTE;
      // A protocol client's password digest, sent as a request's field (protocol-client.ts).
      const sent =
        PY_PASSWORD_RULES.has(ruleId) && lineNo !== undefined && protocolClientDigest(text, lineNo);
      return sent ? PROTOCOL_CLIENT_NOTE : undefined;
    }
    if (!CLIENT_KEY_RULES.has(ruleId)) return undefined;
    if (secret !== undefined) {
      const at = line.indexOf(secret);
      // A login among the defaults for a service on this machine, or a device's default login that its driver
      // sends (core/device-login.ts), as the secrets analyzer lowers them.
      if (at >= 0 && PASSWORD_NAME.test(line.slice(0, at))) {
        if (lineNo === undefined) return undefined;
        if ((local ??= localDefaultLines(text)).has(lineNo)) return LOCAL_DEFAULT_NOTE;
        return deviceDefaultLine(text, lineNo) ? DEVICE_LOGIN_NOTE : undefined;
      }
    }
    if (isSite()) return SITE_CLIENT_NOTE;
    if (lineNo === undefined) return undefined;
    return (defaults ??= configDefaultLines(text)).has(lineNo) ? CONFIG_DEFAULT_NOTE : undefined;
  };
}

/**
 * The by-design reason of a credential rule's finding that is the published password of Android's debug keystore
 * beside the keystore's file or key alias in the module (core/device-login.ts); undefined otherwise.
 */
export function publishedPasswordReason(
  ruleId: string,
  secret: string | undefined,
  text: string,
): string | undefined {
  return CLIENT_KEY_RULES.has(ruleId) && androidDebugKeystorePassword(secret, text)
    ? ANDROID_DEBUG_KEYSTORE_REASON
    : undefined;
}
