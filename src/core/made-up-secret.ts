/**
 * A credential that test code shows to be made up. Shared by the secrets analyzer (name-based secrets) and the
 * code analyzer's hard-coded-credential rules: a secrets finding merges the code finding on its line, so
 * dropping it in one analyzer alone would bring the other's back on its own.
 */
import { roleFromPath } from './file-role.js';
import { recordAround } from './seeded-login.js';

const TEST_ROLES = new Set(['test', 'fixture']);
// A host under a domain reserved for documentation (RFC 2606), not an e-mail address's domain.
const EXAMPLE_HOST = /(?:^|[^\w@.-])(?:[\w-]+\.)*example\.(?:com|org|net|edu)\b/i;
const TEST_WORD = /^(?:test|tests|testing)$/i;

/**
 * True when `secret`, on line `at` of `lines` (0-based) in a test or fixture file, is made up: the record around
 * it (the object literal, or up to eight lines each way) connects to a host under a documentation domain
 * (`'peer_endpoint': 'wg2.example.org:5678'` beside a sample peer's keys that a functional test types into a
 * form), or the value spells out words and one of them is `test` (`test_encryption_key_for_oidc_32ch` in a
 * throwaway test environment). No service holds either: an example host resolves nowhere, and a generated key
 * spells no words. A random-looking value beside a real host stays, in tests as elsewhere; outside test code
 * a spelled test key is a test key left in a configuration, and stays.
 */
export function madeUpInTest(lines: readonly string[], at: number, path: string, secret: string): boolean {
  if (!TEST_ROLES.has(roleFromPath(path))) return false;
  if (spellsTestWords(secret)) return true;
  return recordAround(lines, at).some((l) => EXAMPLE_HOST.test(l));
}

/** Four or more words joined by `_` or `-`, all letters but at most one, one of them `test`. */
function spellsTestWords(v: string): boolean {
  const words = v.split(/[_-]+/).filter(Boolean);
  if (words.length < 4 || !words.some((w) => TEST_WORD.test(w))) return false;
  return words.filter((w) => !/^[a-z]{2,}$/i.test(w)).length <= 1;
}
