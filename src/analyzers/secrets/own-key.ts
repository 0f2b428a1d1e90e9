/**
 * A value that is its own key's name, written right after the key (`userPassword='userPassword'`,
 * `"dbPass": "dbPass"`, `PASSWORD_FIELD => 'PASSWORD_FIELD'`): an attribute map, a form's field list or an
 * enum names the field, it holds no password. Only the key the value is given to, character for character: a
 * value that differs from its key in one character, or that equals another key on the line, is read as
 * before. (A password chosen equal to its key's name is guessable by whoever reads the key; the weak-password
 * checks only read values that stay.)
 */
export function valueIsItsKey(line: string, value: string): boolean {
  if (value.length > 100 || !/^[A-Za-z_][\w.-]*$/.test(value)) return false;
  const name = value.replace(/[.-]/g, '\\$&');
  // The key, quoted or not, its operator, then the same text quoted.
  return new RegExp(
    `(?:^|[^\\w$.-])(["'\`]?)${name}\\1[ \\t]{0,3}(?::=|=>|=|:)[ \\t]{0,3}(["'\`])${name}\\2`,
  ).test(line);
}
