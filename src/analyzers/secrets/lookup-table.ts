import type { MatchContext } from './types.js';

/**
 * A member of a table that files names under a few categories (Ghost's settings-key → group map:
 * `is_private: 'private'`, `password: 'private'`, `public_hash: 'private'` among 48 members valued `'site'`,
 * `'core'`, `'members'`…): the value under `password` is the group of the setting named password, not a
 * password. Read from the lines around the match: a run of at least eight one-member lines
 * (`key: 'word',`, `'key': 'word',`) holding the match, whose values are at most half as many as its members,
 * where the matched value is also the value of two other members. A configuration or a seed account
 * (`user: 'admin'`, `password: 'admin'`, `role: 'admin'`, host, port, database…) has mostly distinct values;
 * a password shared by two other members of such a table stays reported when the table is short. The two
 * other members must name no credential themselves (`is_private`, `public_hash`): one password written under
 * eight `*_password` or `secret` keys (a service → password configuration) is a reused password, not a category.
 */
const MEMBER = /^\s*([A-Za-z_$][\w$]*|'[\w.-]+'|"[\w.-]+")\s*:\s*(['"])([^'"\\\s]{1,40})\2\s*,?\s*$/;
const CREDENTIAL_KEY = /passw|passwd|pwd|secret|token|api_?key|access_?key|private_?key|credential|auth/i;
const MIN_MEMBERS = 8;

export function inCategoryTable(m: MatchContext): boolean {
  const own = MEMBER.exec(m.line);
  if (!own || own[3] !== m.secret) return false;
  const lines = m.around().split('\n');
  const at = lines.findIndex((l) => l === m.line);
  if (at < 0) return false;
  let first = at;
  let last = at;
  while (first > 0 && MEMBER.test(lines[first - 1] ?? '')) first -= 1;
  while (last < lines.length - 1 && MEMBER.test(lines[last + 1] ?? '')) last += 1;
  const members = lines.slice(first, last + 1).map((l) => MEMBER.exec(l));
  const values = members.map((e) => e?.[3] ?? '');
  if (values.length < MIN_MEMBERS) return false;
  const distinct = new Set(values).size;
  const same = values.filter((v) => v === m.secret).length;
  // Members other than a credential's own that hold the value: the categories' keys.
  const plain = members.filter((e) => e?.[3] === m.secret && !CREDENTIAL_KEY.test(e[1] ?? '')).length;
  return distinct * 2 <= values.length && same >= 3 && plain >= 2;
}
