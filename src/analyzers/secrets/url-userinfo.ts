import type { MatchContext } from './types.js';

/** A password's URL goes to this machine: `@` then a loopback or Docker-host name, then a port, path or end. */
export const LOCAL_HOST = /@(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0|host\.docker\.internal)(?:[:/]|$)/i;

/** A URL's host at the start of a text (`@localhost/db`), as LOCAL_HOST reads it anywhere on a line. */
const LOCAL_HOST_AT = new RegExp(`^${LOCAL_HOST.source}`, 'i');

/**
 * True when the URL that holds the password goes to this machine: the host after `:password@`, not another
 * URL of the line (`connect('mysql://root:root@db.acme-shop.io', 'redis://localhost')`), at every place the
 * password is written on the line.
 */
export function hostIsThisMachine(m: MatchContext): boolean {
  const userinfo = `:${m.secret}@`;
  let seen = false;
  for (let at = m.line.indexOf(userinfo); at !== -1; at = m.line.indexOf(userinfo, at + 1)) {
    if (!LOCAL_HOST_AT.test(m.line.slice(at + userinfo.length - 1))) return false;
    seen = true;
  }
  return seen;
}

/**
 * A URL's syntax written for a reader, its optional parts in square brackets (`redis://[:password]@host`,
 * `scheme://[user[:password]@]host` in an option's help text): the bracket opens before the password's `:`
 * and closes after it, which a URL's userinfo never does (a literal `[` or `]` there must be percent-encoded).
 */
export function optionalUserinfo(m: MatchContext): boolean {
  if (!m.secret.endsWith(']')) return false;
  const at = m.line.indexOf(`:${m.secret}@`);
  if (at < 0) return false;
  const head = m.line.slice(0, at);
  return head.slice(head.lastIndexOf('//') + 2).includes('[');
}

/** `scheme://user:` ending right before a value: the value is that URL's password, the name its user part. */
const URL_USER_BEFORE = /[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:@/'"`<>[\]]{1,100}:$/;

/**
 * True when a key-value rule's name is the user part of a URL (`twist://password:login/#team`,
 * `nexmo://ApiKey:ApiSecret@FromPhoneNo`, a documentation table's URL syntax): the text after the colon is no
 * value assigned to that name but the URL's password, which basic-auth-url judges with its host.
 */
export function keyIsUrlUser(m: MatchContext): boolean {
  const at = m.line.indexOf(m.secret, m.before.length);
  return at > 0 && URL_USER_BEFORE.test(m.line.slice(Math.max(0, at - 140), at));
}
