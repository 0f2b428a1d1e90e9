import { blocksAround } from './config-block.js';
import type { MatchContext } from './types.js';

/**
 * A user-name field written on the same line as a password (`{'username': 'group_admin', 'password':
 * 'group_admin'}`, `login="guest" password="guest"`, `username='foo', password=…`), and its value.
 */
const USER_FIELD =
  /(?:^|[^\w-])["']?(?:user(?:_?name)?|login|uid|account)["']?\s{0,3}(?::|=>?)\s{0,3}(?:"([^"\r\n]{1,64})"|'([^'\r\n]{1,64})'|`([^`\r\n]{1,64})`)/gi;

/**
 * True when a password repeats the user name it is given with: the user of its URL (`postgres://app:app@…`)
 * or a user-name field on its line. A password that is the user's name is the first one anyone tries.
 */
export function sameAsUserName(password: string, urlUser: string | undefined, line: string): boolean {
  const v = password.toLowerCase();
  if (urlUser !== undefined) return urlUser.toLowerCase() === v;
  return lineUsers(line).includes(v);
}

/** The values of the user-name fields on a line, in lower case. */
function lineUsers(line: string): string[] {
  return [...line.matchAll(USER_FIELD)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase());
}

// A user-name setting on a line of its own, commented out or not (`#DATABASE_USER = 'radio'`, `db_user: app`,
// `"username": "app",`): a name that ends in user, username or login.
const USER_SETTING =
  /^\s*(?:[#;]+|\/\/)?\s*["']?[\w.-]*?(?:user(?:_?name)?|login)["']?\s{0,3}(?::=|=>|=|:)\s{0,3}(?:"([^"\r\n]{1,64})"|'([^'\r\n]{1,64})'|([^\s"',;#]{1,64}))/i;
// An account's name: one lower-case word (letters, digits, `_.-`). A mixed-case or symbol-laden random string
// that is both the user and the password is not guessed from the user name's look; it stays a strong password.
const ACCOUNT_NAME = /^[a-z][a-z0-9_.-]{2,31}$/;
const BLOCK_LIMIT = 6;

/**
 * True when a password repeats the user name set in its own block of settings, on a line of its own a few
 * lines away (`#DATABASE_USER = 'radio'` above `#DATABASE_PASSWORD = 'radio'`): as on one line
 * (sameAsUserName), the first password anyone tries. Only an account's name in lower case.
 */
export function sameAsBlockUserName(password: string, m: Pick<MatchContext, 'around' | 'line'>): boolean {
  return ACCOUNT_NAME.test(password) && blockUserIs(m, (user) => user === password);
}

/** True when every block of settings around the match's line (at most six lines each way) sets a user `is` takes. */
function blockUserIs(m: Pick<MatchContext, 'around' | 'line'>, is: (user: string) => boolean): boolean {
  const blocks = blocksAround(m.around(), m.line, BLOCK_LIMIT);
  const userOf = (l: string): string | undefined => {
    const u = USER_SETTING.exec(l);
    return u === null ? undefined : (u[1] ?? u[2] ?? u[3]);
  };
  return (
    blocks.length > 0 &&
    blocks.every((block) =>
      block.some((l) => {
        const user = userOf(l);
        return user !== undefined && is(user);
      }),
    )
  );
}

// The account that by convention logs in without one: anonymous FTP (RFC 1635) and the services that copy it.
const ANONYMOUS = 'anonymous';

/**
 * True when the user a password is given with is `anonymous`: the user of its URL (`ftp://anonymous:guest@…`), a
 * user-name field on its line (every one there), or else a user setting in its own block (`FTP_USER = "anonymous"` above
 * `FTP_PASSWORD = "guest"`). That login is the public one: the server asks for no account's password, by
 * convention the word guest or the user's address.
 */
export function anonymousLogin(
  urlUser: string | undefined,
  m: Pick<MatchContext, 'around' | 'line'>,
): boolean {
  if (urlUser !== undefined) return urlUser.toLowerCase() === ANONYMOUS;
  // Every user field of the line (`{'user': 'anonymous', 'password': 'guest'}`), not one of several records'.
  const onLine = lineUsers(m.line);
  if (onLine.length > 0) return onLine.every((user) => user === ANONYMOUS);
  return blockUserIs(m, (user) => user.toLowerCase() === ANONYMOUS);
}
