import type { SourceFile } from '../../core/analyzer.js';
import { roleOfFile } from '../../core/role-option.js';
import { commandLineToolByPlace } from './cli-imports.js';

/*
 * Shapes of default code rules that only the opt-in audit profile reports, decided after the match by where it is
 * (the default-profile rule of docs/rules.md: a shape stays in a default scan only if at least half of its judged
 * findings on the accuracy bench are true): a credential found by its name alone in a test or fixture file, and a
 * command-line tool's console output for the rules of credentials written to a log.
 */

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
 * a test or fixture by the scan's role (the user's role globs first, then the path or the content; given the scanned
 * tree's `paths`, a package's compiled `dist/` read as the only copy of its code, core/shipped-build.ts). A test's own
 * value protects the throwaway server or sample it is written for, and nothing deployed reads it from there; the
 * secrets analyzer's same shape went to the audit profile at stop 55 (0 true of 4), and this rule's (stop 57: 0
 * true of 4, sample ACME challenge tokens, a mock database's login) would otherwise stand in the default alone.
 */
export function testCredentialForAudit(
  ruleId: string,
  path: string,
  text: string,
  options: Readonly<Record<string, unknown>>,
  paths?: ReadonlySet<string>,
): boolean {
  return NAME_BASED.has(ruleId) && TEST_ROLES.has(roleOfFile(path, text, options, paths));
}

const CONSOLE_RULES = new Set(['code/js-secret-in-log']);
const CONSOLE_CALL = /^console\.\w+\s*\(/;
/**
 * A module that starts a server (express-generator's `bin/www`: `http.createServer(app)`, `server.listen(port)`):
 * it handles no request itself, but it runs as a service, whose console output is the service's log (journald,
 * `docker logs`), kept and read by others than the person who started it.
 */
const STARTS_SERVER = /\bcreateServer\s*\(|\.listen\s*\(/;
const CONSOLE_SHAPE =
  "`console.*` in a module of a command-line tool by its place (a `bin/` or `cli/` folder, `cli.js`) that handles no request and starts no server: the invoker's terminal, or the program that ran the tool, not a log";

/**
 * For the rules that report a credential written to a log: a test of a match's snippet, true when it is a
 * `console.*` call in a module of a command-line tool by its place that handles no request (cli-imports.ts). What
 * such a tool prints goes to the terminal of whoever ran it, who holds the credential already (the secret a setup
 * command just made for them to copy), or to the program that ran it (a git credential helper answering git on
 * standard output): no log keeps it. Stop 57: 0 true of 2 on the accuracy bench; the true rows are a server's
 * logger and an example server's console. The opt-in audit profile reports them as before.
 */
export function toolConsoleWrite(
  file: SourceFile,
  paths: ReadonlySet<string>,
): (ruleId: string, snippet: string) => boolean {
  let tool: boolean | undefined;
  return (ruleId, snippet) =>
    CONSOLE_RULES.has(ruleId) &&
    CONSOLE_CALL.test(snippet) &&
    (tool ??= !STARTS_SERVER.test(file.text) && commandLineToolByPlace(file, paths));
}

/** The audit-only shapes of `ruleId` that this module decides, for the rule's metadata. */
export function testCredentialShapes(ruleId: string): string[] {
  if (CONSOLE_RULES.has(ruleId)) return [CONSOLE_SHAPE];
  return NAME_BASED.has(ruleId) ? [NAME_IN_TESTS_SHAPE] : [];
}
