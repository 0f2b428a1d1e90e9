/**
 * The file-role stage: every finding is labelled with the role of its file; findings in tests,
 * fixtures, examples, docs and translations are lowered (code leads with no victim there are dropped:
 * see withoutVictim); findings in generated and vendored code are dropped and counted, except secrets (a
 * credential is live wherever it was committed). The role is the one vanguard.yaml's globs give first.
 * The table is in docs/file-roles.md; keep the two in step.
 */
import type { Confidence, FileRole, RawFinding, Severity } from '../core/finding.js';
import { CONFIDENCES, SEVERITIES } from '../core/finding.js';
import { isCatalogue } from '../core/file-role.js';

/** Roles whose findings are kept but lowered. */
const LOWERED: ReadonlySet<FileRole> = new Set(['test', 'fixture', 'example', 'docs', 'i18n']);
/** Roles whose findings are dropped (secrets excepted). */
const DROPPED: ReadonlySet<FileRole> = new Set(['generated', 'vendored']);

function weaker<T extends string>(order: readonly T[], a: T, b: T): T {
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}

function oneStepDown(s: Severity): Severity {
  return s === 'info' ? 'info' : SEVERITIES[Math.min(SEVERITIES.indexOf(s) + 1, SEVERITIES.indexOf('low'))]!;
}

// Roles whose pages no user of the application loads with the application's sessions.
const UNSERVED: ReadonlySet<FileRole> = new Set(['test', 'fixture', 'docs']);
// Hard-coded credentials and passwords (CWE-798, 259).
const HARDCODED_CREDENTIAL_CWES: readonly number[] = [798, 259];
// Roles whose code the test runner runs with the test's own data, never an attacker's.
const TEST_CODE: ReadonlySet<FileRole> = new Set(['test', 'fixture']);

/**
 * Code findings that have no victim in a file of this role. Cross-site scripting (CWE-79) needs a victim's
 * browser on a page the application serves: a test's or a fixture's page, view or route is loaded by the
 * test runner with the test's own data, and a documentation site's code (`website/`, `docs/`) renders the
 * maintainers' own pages at build time, on a site without the application's accounts. In test and fixture
 * code, audit leads (a sink whose input is merely not constant, such as `eval` of a fixture file the test
 * reads) are reached by no attacker's data, and weak hashes (CWE-328) protect nothing (a test computing the
 * sha1 its fixture tarball must carry), an archive it unpacks is its own fixture (an extraction without a member
 * filter writes only where the test's own archive says), and nor does traffic in clear (CWE-319: a stand-in server a test
 * starts for the code under test, a request to a fake endpoint) carry anyone's data but the test's, nor does a
 * password on a command line (CWE-214: the test's own throwaway password, on the machine running the tests), nor
 * one connection made without checking the certificate (CWE-295: `requests.get(url, verify=False)` against the
 * server under test with its self-signed certificate, an SSL context a test hands to the client it tests). A switch
 * that turns verification off for the whole test process (`NODE_TLS_REJECT_UNAUTHORIZED = '0'`) is kept: every
 * other request the suite makes, to a registry or a real service, goes unchecked too. A taint-confirmed finding in
 * a test is kept, lowered like every finding of its role. In a translation catalogue
 * a hard-coded credential (CWE-798, 259) is the word for "password" and its translation.
 */
function withoutVictim(f: RoledFinding, role: FileRole, started: boolean): boolean {
  if (f.analyzer !== 'code') return false;
  if (f.cwe.includes(79) && UNSERVED.has(role)) return true;
  if (role === 'example' && !started && PLAIN_LISTENER_RULES.has(f.ruleId)) return true;
  // A translation catalogue's `"Password": "Passwort"` is a word shown to people, not a credential: the secrets
  // analyzer does not search these files for passwords, and a code rule's hard-coded credential is dropped too.
  if (
    role === 'i18n' &&
    f.cwe.some((c) => HARDCODED_CREDENTIAL_CWES.includes(c)) &&
    isCatalogue(f.location.path)
  )
    return true;
  if (role === 'example' && DEV_SETTINGS_MODULE.test(f.location.path))
    return f.cwe.some((c) => DEPLOYMENT_SETTING_CWES.includes(c));
  if (!TEST_CODE.has(role)) return false;
  return (
    f.tier === 'audit' ||
    TEST_DATA_ONLY_RULES.has(f.ruleId) ||
    f.cwe.includes(328) ||
    f.cwe.includes(319) ||
    f.cwe.includes(214) ||
    (f.cwe.includes(295) && !PROCESS_WIDE_TLS_OFF.test(f.location.snippet ?? '')) ||
    testSettingsFinding(f)
  );
}

/**
 * A server an example opens without TLS (`examples/file-server.js` with `http.createServer(…).listen(8080)`)
 * shows the library's API to a developer, who starts it on their own machine with their own files to try it;
 * no user of the package reaches it, as no one reaches a stand-in server a test starts. The package's own
 * servers are reported where its program opens them. An example the program itself runs (`"start": "node
 * example/server.js"`, an example named as `main` or `bin`: `started`) is the package's server and is kept.
 */
const PLAIN_LISTENER_RULES: ReadonlySet<string> = new Set(['code/js-http-server-without-tls']);

// Rules whose only input is a file the code opens, never a request's data: an archive unpacked without a member
// filter (a test's own fixture tarball beside it, unpacked into the test's temporary folder).
const TEST_DATA_ONLY_RULES: ReadonlySet<string> = new Set(['code/py-tar-extract-all']);

// Switches that turn certificate checks off for every connection of the process, not one client's: Node's
// environment variable, Python's default HTTPS context replaced, Python's and curl's environment overrides, and
// the defaults every later request takes (axios's `defaults.httpsAgent`, undici's global dispatcher behind fetch).
const PROCESS_WIDE_TLS_OFF =
  /NODE_TLS_REJECT_UNAUTHORIZED|_create_default_https_context|PYTHONHTTPSVERIFY|CURL_CA_BUNDLE|globalAgent|\.defaults\.httpsAgent|setGlobalDispatcher/;

// Python settings modules by the frameworks' convention: `settings.py`, `test_settings.py`, `settings_test.py`,
// `settings_ci.py`, or any module of a `settings/` package.
const SETTINGS_MODULE = /(?:^|\/)(?:settings\/[^/]+|(?:\w+_)?settings(?:_\w+)?)\.py$/;
/**
 * The developers' own settings module (`settings/dev.py`, `settings_dev.py`, `dev_settings.py`: the example role
 * gives it by the same names). Its `DEBUG = True`, `SESSION_COOKIE_SECURE = False` and throwaway `SECRET_KEY` are
 * what a local server on plain HTTP needs; a deployment selects the module only by naming it, and the settings it
 * ships are reported where they are written. An example settings file a reader copies (`examples/settings.py`,
 * `settings_sample.py`) keeps them, lowered, and a password to another system stays in both.
 */
const DEV_SETTINGS_MODULE =
  /(?:^|\/)settings\/(?:dev|devel|develop|development)\.py$|(?:^|\/|_)settings[-_](?:dev|devel|development)\.py$|(?:^|\/)(?:dev|devel|development)[-_]settings\.py$/i;
// Debug mode (CWE-489, 215), cookie flags (CWE-614, 1004) and the app's own signing key (CWE-321).
const DEPLOYMENT_SETTING_CWES: readonly number[] = [489, 215, 614, 1004, 321];

/**
 * A deployment setting in a test's settings module (Django's `DEBUG = True`, `SECRET_KEY = '…'`,
 * `SESSION_COOKIE_SECURE = False` in `tests/settings.py`): the test runner loads it to run the application
 * in-process, with the test's own users and no network, and no deployment reads it. The settings the
 * application ships are reported where they are written; a password to another system there stays
 * (CWE-798 alone, not the app's own signing key).
 */
function testSettingsFinding(f: RoledFinding): boolean {
  return SETTINGS_MODULE.test(f.location.path) && f.cwe.some((c) => DEPLOYMENT_SETTING_CWES.includes(c));
}

/**
 * A finding as its file's role makes it: unchanged, lowered, or undefined when dropped. `started`: the package's
 * own program runs the file (core/hand-run.ts `programFiles`).
 */
export function adjustForRole<T extends RoledFinding>(f: T, role: FileRole, started = false): T | undefined {
  if (role === 'source') return f;
  if (withoutVictim(f, role, started)) return undefined;
  // The threat model and the policy's own findings are about the design and the repository, not a file's code.
  if (f.analyzer === 'threats' || f.analyzer === 'policy') return { ...f, role };
  if (f.analyzer === 'secrets') {
    if (!LOWERED.has(role)) return { ...f, role };
    const confidence: Confidence = weaker(CONFIDENCES, f.confidence, 'medium');
    return { ...f, role, severity: oneStepDown(f.severity), confidence };
  }
  if (DROPPED.has(role)) return undefined;
  if (!LOWERED.has(role)) return { ...f, role };
  return { ...f, role, severity: weaker(SEVERITIES, f.severity, 'low'), confidence: 'low' };
}

/** What the role stage reads and sets: raw and finalized findings alike. */
type RoledFinding = Pick<
  RawFinding,
  'analyzer' | 'ruleId' | 'severity' | 'confidence' | 'role' | 'location' | 'cwe' | 'tier'
>;

export interface RoleStageResult<T extends RoledFinding = RawFinding> {
  findings: T[];
  /** Findings dropped because their file is generated or vendored, per role. */
  dropped: Partial<Record<FileRole, number>>;
}

/**
 * Applies `adjustForRole` to every finding, with the role of its path; `started` says which files the package's
 * own program runs (none when not given).
 */
export function applyFileRoles<T extends RoledFinding>(
  findings: readonly T[],
  roleOf: (path: string) => FileRole,
  started: (path: string) => boolean = () => false,
): RoleStageResult<T> {
  const out: T[] = [];
  const dropped: Partial<Record<FileRole, number>> = {};
  const cache = new Map<string, FileRole>();
  for (const f of findings) {
    const path = f.location.path;
    let role = cache.get(path);
    if (role === undefined) {
      role = roleOf(path);
      cache.set(path, role);
    }
    const adjusted = adjustForRole(f, role, role === 'example' && started(path));
    if (adjusted) out.push(adjusted);
    // Counted where the role hides code from the scan (generated, vendored), not where a lead has no victim.
    else if (DROPPED.has(role)) dropped[role] = (dropped[role] ?? 0) + 1;
  }
  return { findings: out, dropped };
}
