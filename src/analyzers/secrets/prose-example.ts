import { isCatalogue } from '../../core/file-role.js';
import { DOC_HOST } from './role-host.js';
import type { MatchContext } from './types.js';
import { LOCAL_HOST } from './url-userinfo.js';

// The scheme before `://` (rules-generic.ts's SCHEME).
const SCHEME = /[A-Za-z][A-Za-z0-9+.:-]{0,30}$/;

// A URL that prose gives as an example (`include a user:pass if needed e.g. https://…`, `for example: ftp://…`): the
// reader is told to write their own there. A translation catalogue's message is text shown to people, translated from
// the program's own template, where the same text is read (the catalogue is not searched for passwords either).
const EXAMPLE_MARKER = /(?:\be\.\s?g\.|\bfor (?:example|instance)|\bexample):?\s{1,3}$/i;

// The host of an example URL: this machine, a documentation name, a private or documentation IPv4 block, a name of one
// label or under a suffix no public zone holds. A public name after "e.g." may be a real server's pasted login.
const EXAMPLE_URL_HOST =
  /^@(?:(?:10|127)\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])|192\.168|192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}(?:\.\d{1,3})?(?:[:/?#]|$)|^@[A-Za-z0-9-]+(?:[:/?#]|$)|^@(?:[A-Za-z0-9-]+\.)+(?:local|localhost|lan|internal|test|invalid|example)(?:[:/?#]|$)/i;

/** True when the URL holding the password goes to a host an example uses (EXAMPLE_URL_HOST, LOCAL_HOST, DOC_HOST). */
function exampleHost(m: MatchContext): boolean {
  const at = m.line.indexOf(`:${m.secret}@`);
  if (at === -1) return false;
  const rest = m.line.slice(at + m.secret.length + 1, at + m.secret.length + 300);
  return EXAMPLE_URL_HOST.test(rest) || LOCAL_HOST.test(rest) || DOC_HOST.test(rest);
}

/** `before` is the text before the URL's `://`; its scheme is read off it first. */
export function proseExample(m: MatchContext): boolean {
  return isCatalogue(m.path) || (EXAMPLE_MARKER.test(m.before.replace(SCHEME, '')) && exampleHost(m));
}
