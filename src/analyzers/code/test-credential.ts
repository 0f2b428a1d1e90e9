import { scanRoleOf } from '../../core/file-role.js';

/**
 * The code rules that find a credential by the name it is assigned to (`password = '…'`, `token=b'…'`), with no
 * provider's format to vouch for it: the code analyzer's twins of the secrets analyzer's name-based rules.
 */
const NAME_BASED = new Set(['code/py-hardcoded-credential', 'code/js-hardcoded-credential']);
const TEST_ROLES = new Set(['test', 'fixture']);

/** What `vanguard rules show` lists as the shape only the audit profile reports. */
export const NAME_IN_TESTS_SHAPE =
  "in a test or fixture file (found by its name alone: the test's own login or a made-up sample value)";

/**
 * True when a name-based credential rule's finding in the file at `path` is the opt-in audit profile's: the file is
 * a test or fixture by the scan's role (the user's role globs first, then the path or the content). A test's own
 * value protects the throwaway server or sample it is written for, and nothing deployed reads it from there; the
 * secrets analyzer's same shape went to the audit profile at stop 55 (0 true of 4), and this rule's (stop 57: 0
 * true of 4, sample ACME challenge tokens, a mock database's login) would otherwise stand in the default alone.
 */
export function testCredentialForAudit(
  ruleId: string,
  path: string,
  text: string,
  options: Readonly<Record<string, unknown>>,
): boolean {
  return NAME_BASED.has(ruleId) && TEST_ROLES.has(scanRoleOf(path, text, options));
}

/** The audit-only shapes of `ruleId` that this module decides, for the rule's metadata. */
export function testCredentialShapes(ruleId: string): string[] {
  return NAME_BASED.has(ruleId) ? [NAME_IN_TESTS_SHAPE] : [];
}
