/** What a hard-coded-password match's own line says it is instead: a key's name, a digest, a tag, a selector. */
import type { MatchContext } from './types.js';
import { keyIsUrlUser } from './url-userinfo.js';
import { isCommonPassword } from './weak-password.js';
import { SELF_NAMED } from './password-labels.js';

// SQL `IDENTIFIED BY '…'` counts in .sql files or in a statement (often a string in code), not in prose
// or comments ("the cord identified by 'c'").
const SQL_STATEMENT = /\b(?:create|alter)\s{1,3}(?:user|role|login)\b|\bgrant\b|\bset\s{1,3}password\b/i;

const IDENTIFIED_BY = /identified by\s{1,3}'$/i;
const PASS_KEY = /pass["']?\s{0,3}(?::=|=>|=|:)\s{0,3}["'`]?$/i;
/** `pass` as the last word of a longer name (`api_pass`, `dbPass`, `SMTP_PASS`): no verb or test status. */
const NAMED_PASS_KEY =
  /(?:[A-Za-z0-9][_.-](?:pass|Pass|PASS)|[a-z0-9]Pass|[A-Z0-9]PASS)["']?\s{0,3}(?::=|=>|=|:)\s{0,3}["'`]?$/;

/** True when some occurrence of `secret` on the line directly follows text matching `re` (anchored at $). */
function precededBy(line: string, secret: string, re: RegExp): boolean {
  for (let i = line.indexOf(secret), n = 0; i !== -1 && n < 20; i = line.indexOf(secret, i + 1), n++) {
    if (re.test(line.slice(Math.max(0, i - 40), i))) return true;
  }
  return false;
}

/**
 * True for a namespaced key written inside a string (`"password:disableEdit"`, `\"admin:password:confirm\"`
 * in JSON quoted in a shell line): the name, a colon with no space, a bare word of letters, then the
 * string's closing quote. A value in configuration has its own quotes or a space after the colon.
 */
function namespacedKey(m: MatchContext): boolean {
  if (m.quoted) return false;
  const at = m.line.indexOf(m.secret, m.before.length);
  if (at < 2 || m.line[at - 1] !== ':' || !/[A-Za-z]/.test(m.line[at - 2] ?? '')) return false;
  const word = /^[A-Za-z]+(?:_[A-Za-z]+)*\\*$/.exec(m.secret);
  return word !== null && /["']/.test(m.line[at + m.secret.length] ?? '');
}

// A name that says the value is the password's stored form (`encryptedPassword`, `hashed_pass`): a
// ciphertext or digest, not the password. `enc_password` and `cipher_password` also name the passphrase an
// encryption uses (`openssl enc -pass env:ENC_PASSWORD`): only a value written as an encoding is its stored form.
const STORED_FORM_KEY =
  /(?:encrypted|crypted|hashed|ciphered)[_.-]?(?:passw(?:or)?d|pass|pwd)["']?\s{0,3}(?::=|=>|=|:)\s{0,3}["'`]?$/i;
// Prose naming a digest of the password (Dovecot's `(SHA1 of given password: f638ff)`, `hash of the password:`):
// the value is the digest or a piece of it, when it looks like one (DIGEST_LIKE). Not a digest's name beside the
// key (`{"sha1": "on", "password": …}`).
const DIGEST_OF_PASSWORD =
  /(?:sha-?\d*|md5|hash|digest)\s+of\s+(?:the\s+|given\s+|user'?s?\s+)?passw(?:or)?d["']?\s{0,3}(?::=|=>|=|:)\s{0,3}["'`]?$/i;
// A digest or a piece of one: hex, base64, `{SCHEME}…`, `$id$…` (not `MD5 of the password: Winter#2024`).
const DIGEST_LIKE = /^(?:[A-Fa-f0-9]{4,}|[A-Za-z0-9+/]{16,}={0,2}|\{[A-Z0-9.-]+\}\S+|\$[\w$./]{8,})$/;
const ENCRYPTION_KEY =
  /(?:enc|cipher)[_.-]?(?:passw(?:or)?d|pass|pwd)["']?\s{0,3}(?::=|=>|=|:)\s{0,3}["'`]?$/i;
const ENCODED = /^(?:[A-Za-z0-9+/]{24,}={0,2}|[A-Fa-f0-9]{32,}|\$[\w$./]{20,})$/;

// sudoers' tags (`plinth ALL=(ALL:ALL) NOPASSWD:ACTIONS`, `%wheel ALL = PASSWD: ALL`): NOPASSWD says no password
// is asked and PASSWD that one is; the value is a command or a command alias. PASSWD only on a line of a
// user specification (a `=` before it): elsewhere an upper-case `PASSWD:` key may hold one.
const SUDOERS_TAG = /(?:^|[\s,:=(])NOPASSWD:\s{0,3}$|=[^\n]{0,200}[\s,:)]PASSWD:\s{0,3}$/;
// A form field's CSS selector (`pass: '#jsxc-password'`, `.login-pass`), with a name that says what it holds.
const SELECTOR = /^[#.](?=[a-z])/;
// An Angular template reference variable (`<input #password="ngModel">`, `ref-password="ngForm"`): the attribute names
// a variable of the template and its value the directive it exports (`exportAs`), a camel-case identifier. Only in an
// HTML template: in a shell or YAML file `#password="…"` is a commented-out assignment of a value.
const TEMPLATE_REF = /(?:^|[\s<])(?:#|ref-)[A-Za-z_$][\w$]*=["']$/;
const EXPORT_AS = /^[a-z][A-Za-z]*$/;
const HTML_TEMPLATE = /\.html?$/i;

/** True when a hard-coded-password match is prose, a stored form, a tag or a status value rather than a credential. */
export function notAPasswordByItsLine(m: MatchContext): boolean {
  if (namespacedKey(m) || keyIsUrlUser(m) || precededBy(m.line, m.secret, STORED_FORM_KEY)) return true;
  if (DIGEST_LIKE.test(m.secret) && precededBy(m.line, m.secret, DIGEST_OF_PASSWORD)) return true;
  if (precededBy(m.line, m.secret, SUDOERS_TAG)) return true;
  if (SELECTOR.test(m.secret) && SELF_NAMED.test(m.secret.slice(1))) return true;
  if (HTML_TEMPLATE.test(m.path) && EXPORT_AS.test(m.secret) && precededBy(m.line, m.secret, TEMPLATE_REF))
    return true;
  if (ENCODED.test(m.secret) && precededBy(m.line, m.secret, ENCRYPTION_KEY)) return true;
  if (m.secret.length <= 64) {
    if (
      precededBy(m.line, m.secret, IDENTIFIED_BY) &&
      !/\.sql$/i.test(m.path) &&
      !SQL_STATEMENT.test(m.line)
    ) {
      return true;
    }
    // A name that is just `pass` (pass, dbPass, SMTP_PASS) is also a verb and a test status: a single
    // word there is not evidence enough; a value with digits or symbols is.
    // So is the name of the check that passed (`{ pass: 'mail_from' }` beside `{ fail: … }`).
    // Not when a longer name ends in `pass` and the word is a breach-list password (an API password set to admin).
    if (
      /^(?:[A-Za-z]+|[a-z]+(?:[_.][a-z]+)+)$/.test(m.secret) &&
      precededBy(m.line, m.secret, PASS_KEY) &&
      !(isCommonPassword(m.secret) && precededBy(m.line, m.secret, NAMED_PASS_KEY))
    )
      return true;
  }
  return false;
}
