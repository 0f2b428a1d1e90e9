import type { Verdict } from './types.js';

// A host that says it is to be filled in (`@host`, `@yourhost`, `@example.com`): a help text's or a document's
// example. `localhost` is a real place, reported (lowered) as one.
export const DOC_HOST =
  /@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|example|(?:(?:your|my|some|the)[-_]?)?host(?:name)?|domain\.com)(?:[:/?#]|$)/i;

// A host that is the name of a credential or an identifier (`@APIKey`, `@apikey`, `@app_id`, `@AccessToken`): a
// URL syntax's template, where each part names what goes there (`onesignal://TemplateID:AppID@APIKey/UserID`);
// no machine is reached at such a host. It ends where a URL's host does, or at markup or a quote around it.
const FIELD_HOST =
  /^(?:(?:api|app|application|access|auth|client|consumer|secret|user|account|bot|webhook|device|project|team|channel|template|player|group)[-_]?)?(?:key|id|token|secret|sid)s?(?:[:/?#<>\s"'`)\]]|$)/i;

/** True when the host after `:<password>@` in `line` is the name of a credential or an identifier (FIELD_HOST). */
export function fieldNamedHost(line: string, password: string): boolean {
  for (
    let i = line.indexOf(`:${password}@`), n = 0;
    i !== -1 && n < 20;
    i = line.indexOf(`:${password}@`, i + 1), n++
  ) {
    if (FIELD_HOST.test(line.slice(i + password.length + 2, i + password.length + 60))) return true;
  }
  return false;
}

/**
 * A URL's host named for its role (`@dbhost`, `@db-host`, `@mailhost`): a help text's or a document's example
 * (`--db='mysql://bbuser:bbpasswd@dbhost/bbdb'`), or the name of a real service (a compose file's `dbhost`
 * container). Hosts that only say they are to be filled in (`@host`, `@yourhost`, `@example.com`) are dropped
 * as examples by the password checks; this one is not dropped but lowered, since its credential may be live.
 */
export const ROLE_HOST = /@(?!localhost\b)[a-z]{2,10}[-_]?host(?:name)?(?:[:/?#]|$)/i;

const NOTE =
  'the host is named for its role, as in an example to fill in; if it is a real service (a compose file’s container), the password is live';

/** A credential in a URL to a role-named host: reported at medium at most, low confidence, saying why. */
export function atRoleHost(v: Exclude<Verdict, false>): Exclude<Verdict, false> {
  return {
    ...v,
    severity: v.severity === 'low' ? 'low' : 'medium',
    confidence: 'low',
    note: v.note ? `${v.note}; ${NOTE}` : NOTE,
  };
}
