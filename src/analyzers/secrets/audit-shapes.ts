import { roleOfFile } from '../../core/role-option.js';
import { profileOption } from '../../core/profile.js';
import type { RuleMeta } from '../../core/rule.js';
import type { Detection } from './engine.js';
import { COMPOSE_NAME, mergedWithOthers, networkOnlyLogins } from '../../core/compose-network-only.js';

/**
 * The secrets analyzer's shapes that only the opt-in audit profile reports (`--profile audit`, or `profile: audit`
 * in vanguard.yaml), by the default-profile rule of docs/rules.md: a shape stays in a default scan only if at least
 * half of its judged findings on the accuracy bench are true. Each is marked `auditOnly` where it is decided:
 *
 * - private key material (PEM, OpenSSH, PuTTY, PGP) in a test, fixture, example-program or documentation file
 *   (rules-keys.ts, testKey: 0 true of 32);
 * - a key found by its name alone in a site client, or as a default of the program's configuration, and a password
 *   under an API's name in a site client (site-client-key.ts: 0 true of 23);
 * - a weak password lowered for what it reaches: a service on this machine, a device's factory login, a block
 *   written around documentation's reserved names, a test backend's account, and a strong credential of a block
 *   for a service on this machine (rules-generic.ts: 0 true of 12);
 * - a key in a sample written in a comment whose comment says its content was altered and which holds a
 *   documentation-reserved name (altered-sample.ts: 0 true of 1);
 * - a credential found by its name alone (no provider's format) in a test or fixture file (below: 0 true of 4);
 * - a weak password of a Compose file's service that publishes no port: a database image's own login or a URL's
 *   password to that service (core/compose-network-only.ts; below: 0 true of 2, the true ones publish their port).
 *
 * A provider's token (AWS, GitHub, Stripe, Slack…: its format is live wherever it is written) is none of these
 * and keeps being reported in tests, lowered one step by the role stage. In the audit profile every shape is
 * reported exactly as before.
 */

/** Rules that find a credential by the name it is assigned to, with no format of a provider's to vouch for it. */
const NAME_BASED = new Set([
  'secrets/generic-api-key',
  'secrets/hardcoded-password',
  'secrets/weak-password',
]);
const TEST_ROLES = new Set(['test', 'fixture']);
/** The private-key rules, whose audit shape is a key in a test, fixture, example or documentation file. */
const KEY_RULES = new Set([
  'secrets/private-key',
  'secrets/openssh-private-key',
  'secrets/putty-private-key',
  'secrets/pgp-private-key',
]);

/**
 * `found` as a scan of the analyzer's `options` (their `profile`) reports it: every detection in the audit profile;
 * in the default profile, not those of an audit shape (above), nor a name-only credential in a test or fixture file
 * (the test's own login of its throwaway server far more often than a deployment's; nothing deployed reads it from
 * there).
 */
export function forProfile(
  found: Detection[],
  path: string,
  text: string,
  options: Readonly<Record<string, unknown>>,
  paths: ReadonlySet<string> = new Set(),
): Detection[] {
  return splitForProfile(found, path, text, options, paths).kept;
}

/**
 * `found` split as forProfile decides: `kept` is what a scan of the profile reports, `heldBack` what a default scan
 * leaves to the audit profile (empty in an audit scan), each in the order found.
 */
export function splitForProfile(
  found: Detection[],
  path: string,
  text: string,
  options: Readonly<Record<string, unknown>>,
  paths: ReadonlySet<string> = new Set(),
): { kept: Detection[]; heldBack: Detection[] } {
  const kept = defaultProfileOf(found, path, text, options, paths);
  return { kept, heldBack: kept === found ? [] : found.filter((d) => !kept.includes(d)) };
}

function defaultProfileOf(
  found: Detection[],
  path: string,
  text: string,
  options: Readonly<Record<string, unknown>>,
  paths: ReadonlySet<string>,
): Detection[] {
  if (profileOption('secrets', options) === 'audit' || found.length === 0) return found;
  // The role the scan gives the file: the user's role globs first (a `testing/` package vanguard.yaml says ships is
  // source), then its path, or its content (a `test.py` defining a test case).
  const role = roleOfFile(path, text, options, paths.size > 0 ? paths : undefined);
  const inTests = TEST_ROLES.has(role);
  // A key's audit shape is decided by the path alone (rules-keys.ts, testKey): where the user's role globs make
  // the file source, it is the program's key and stays reported.
  const audit = (d: Detection): boolean =>
    d.auditOnly === true && !(role === 'source' && KEY_RULES.has(d.ruleId));
  const kept = found.filter((d) => !audit(d) && !(inTests && NAME_BASED.has(d.ruleId)));
  return withoutNetworkOnlyWeak(kept, path, text, paths);
}

/**
 * `found` without the weak passwords of a Compose file's logins that only its network reaches (core/compose-network-only.ts):
 * guessing one takes a container on that network first. A strong password, a provider's token and a login to any
 * other host stay.
 */
function withoutNetworkOnlyWeak(
  found: Detection[],
  path: string,
  text: string,
  paths: ReadonlySet<string>,
): Detection[] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!COMPOSE_NAME.test(name) || !found.some((d) => d.ruleId === 'secrets/weak-password')) return found;
  if (mergedWithOthers(path, paths)) return found;
  const inside = networkOnlyLogins(text);
  return found.filter(
    (d) => d.ruleId !== 'secrets/weak-password' || inside.get(d.line)?.has(d.secret) !== true,
  );
}

const KEY_IN_TESTS =
  "plain key material in a test, fixture, example-program or documentation file (the tests' or the demo's own key)";
const SITE_API_LOGIN =
  "under an API's name (`_API_PASS`) in a module that handles one website's links (that site's app login)";
const NAME_IN_TESTS = "in a test or fixture file (found by its name alone: the test's own login)";
const LOCAL_BLOCK = 'in a configuration block for a service on this machine (its host is localhost)';
const ALTERED_SAMPLE =
  'on a comment line of a sample whose comment says its content was altered and which holds a documentation-reserved name (user@example.com)';

/** Per rule, the shapes of its findings that only `--profile audit` reports (`vanguard rules list` and `show`). */
export const AUDIT_SHAPES: Readonly<Record<string, readonly string[]>> = {
  'secrets/private-key': [KEY_IN_TESTS],
  'secrets/openssh-private-key': [KEY_IN_TESTS],
  'secrets/putty-private-key': [KEY_IN_TESTS],
  'secrets/pgp-private-key': [KEY_IN_TESTS],
  'secrets/generic-api-key': [
    "in a module that handles one website's links (that site's client key), or a default of the program's configuration",
    LOCAL_BLOCK,
    ALTERED_SAMPLE,
    NAME_IN_TESTS,
  ],
  'secrets/authorization-bearer': [LOCAL_BLOCK, ALTERED_SAMPLE],
  'secrets/hardcoded-password': [SITE_API_LOGIN, LOCAL_BLOCK, NAME_IN_TESTS],
  'secrets/weak-password': [
    SITE_API_LOGIN,
    "a device's factory login that the program sends to it, a login to a service on this machine, a block written around documentation's reserved names (example.com), a test backend's account",
    "a Compose service's own login (`POSTGRES_PASSWORD` of a database image, or a URL's password to that service) where the service publishes no port: only the Compose network reaches it",
    NAME_IN_TESTS,
  ],
};

/** `meta` with the shapes of its findings that only the audit profile reports, if it has any. */
export function withAuditShapes(meta: RuleMeta): RuleMeta {
  const shapes = AUDIT_SHAPES[meta.id];
  return shapes === undefined ? meta : { ...meta, auditShapes: [...shapes] };
}
