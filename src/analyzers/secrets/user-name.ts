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
  for (const m of line.matchAll(USER_FIELD)) {
    if ((m[1] ?? m[2] ?? m[3] ?? '').toLowerCase() === v) return true;
  }
  return false;
}
