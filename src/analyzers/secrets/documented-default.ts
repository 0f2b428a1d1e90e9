import { createHash } from 'node:crypto';
import type { AnalyzerContext } from '../../core/analyzer.js';
import { roleFromPath } from '../../core/file-role.js';
import type { Detection } from './engine.js';

/**
 * A password in documentation is an example to copy (a README's users file, an example command line
 * `--listen username=joe password=…`, a configuration snippet) unless the product ships it: a documented
 * default account is worth a finding because every install has it. The evidence is the project's own
 * configuration: the same password, or its digest (a configuration that stores the default account's
 * SHA-512), set under a password name in a shipped configuration, seed or compose file, or quoted in the
 * product's own code where it creates an account or names a password (`createUser('admin', '…')`, a settings
 * module's `os.environ.get('ADMIN_PASSWORD', '…')`, an install script, a Dockerfile's `ENV`). A password
 * beside a public host (a URL on its line, a `host` setting of its record: a transcript of a login to a real
 * service, a connection to a company's server) may quote a live credential and is kept too, as is a
 * random-looking password (a real one pasted into a page).
 */

// Where a product ships its default accounts: configuration and data files, seed SQL, compose and env files.
const SHIPPED_CONFIG =
  /\.(?:json|ya?ml|conf|cfg|cnf|ini|toml|properties|env|sql)$|(?:^|\/)\.env(?:\.[\w-]+)?$|(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[\w-]+)?$|\.dockerfile$/i;
// Where a product creates its default accounts in code: program source and install scripts. There a quoted
// value counts on a line that names a password or creates an account (the value is positional in
// `createUser('admin', '…')`, a fallback in `os.environ.get('ADMIN_PASSWORD', '…')`).
const PROGRAM = /\.(?:[cm]?[jt]sx?|py|rb|php|go|java|kt|sh|bash)$/i;
const ACCOUNT_LINE =
  /pass|pwd|secret|credential|(?:create|add|new|register|insert|ensure)_?(?:super_?|admin_?)?user|user_?add|IDENTIFIED BY/i;
const QUOTED = /(["'`])([^"'`\s\\]{3,64})\1/g;
// A Dockerfile's legacy `ENV NAME value` (no `=`).
const ENV_SPACE = /^[ \t]*ENV[ \t]+\w*PASS\w*[ \t]+["']?([^\s"']{1,200})/gim;
const LOCKFILE =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock)$/;
// Bounds on the one-time read: a project's configuration is small; a data dump is not where defaults live.
const MAX_FILES = 400;
const MAX_PROGRAM_FILES = 2000;
const MAX_CHARS = 512 * 1024;
// Loose on purpose: a value only confirms a password the documentation names, it is never reported itself.
const PASSWORD_VALUE =
  /(?:passw(?:or)?d|passphrase|pass|pwd)["']?[ \t]{0,3}(?::=|=>|=|:)[ \t]{0,3}["'`]?([^\s"'`,;)}\]]{1,200})|identified by\s{1,3}'([^'\r\n]{1,200})'/gi;
const DIGESTS = ['md5', 'sha1', 'sha256', 'sha512'] as const;
// Passwords built of words and numbers (`MonMotDePasse`, `nms2018`, `bloggs`): what a writer makes up. Each
// part is removed in one left-to-right pass (a repeated group of words would backtrack on a long value); a lone
// capital before a digit (`jvbH7g`) is left over, as in random text.
const WORD_PART = /[A-Z]?[a-z]+|[A-Z]{2,}(?![a-z])|\d{1,8}|[-_.!]/g;
const madeUp = (v: string): boolean => v.replace(WORD_PART, '') === '';
// The host, then the rest of the URL after a character no host holds (unambiguous: no backtracking).
const URL = /\bhttps?:\/\/([\w.-]+)(?:[/:?#][^\s"'`<>)\]]*)?/g;
const NOT_PUBLIC =
  /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|(?:[\w-]+\.)*example\.(?:com|org|net)|[^.]+)$/i;

// Keyed on the scan's set of paths: one read per scan and process, never stale across scans of one root.
const cache = new WeakMap<ReadonlySet<string>, Promise<ReadonlySet<string>>>();

/** The values the project's shipped configuration sets under password names (read once per scan). */
export function shippedPasswords(
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<ReadonlySet<string>> {
  let p = cache.get(ctx.paths);
  if (!p) {
    p = (async () => {
      const shipped = [...ctx.paths].filter((f) => roleFromPath(f) === 'source').sort();
      const configs = shipped.filter((f) => SHIPPED_CONFIG.test(f) && !LOCKFILE.test(f)).slice(0, MAX_FILES);
      const programs = shipped.filter((f) => PROGRAM.test(f)).slice(0, MAX_PROGRAM_FILES);
      const values = new Set<string>();
      const add = (v: string | undefined): void => {
        if (v) values.add(v.toLowerCase());
      };
      for (const f of [...configs, ...programs]) {
        const text = await ctx.readFile(f);
        if (text === undefined || text.length > MAX_CHARS) continue;
        for (const m of text.matchAll(PASSWORD_VALUE)) add(m[1] ?? m[2]);
        for (const m of text.matchAll(ENV_SPACE)) add(m[1]);
        if (!PROGRAM.test(f)) continue;
        for (const line of text.split('\n')) {
          if (line.length > 1000 || !ACCOUNT_LINE.test(line)) continue; // a minified line is no account's creation
          for (const m of line.matchAll(QUOTED)) add(m[2]);
        }
      }
      return values;
    })();
    cache.set(ctx.paths, p);
  }
  return p;
}

/** True when `password` or a hex digest of it is among the shipped values. */
export function isShipped(password: string, shipped: ReadonlySet<string>): boolean {
  if (shipped.has(password.toLowerCase())) return true;
  return DIGESTS.some((a) => shipped.has(createHash(a).update(password).digest('hex')));
}

// A host setting of the record around the password (`"host": "db.acme.io"`, `--host=db.acme.io`, `-h db.acme.io`).
const HOST_SETTING =
  /(?:\b(?:host|hostname|server|endpoint)["']?[ \t]{0,3}[:=][ \t]{0,3}|--host[= ]|(?:^|\s)-h[ \t]{1,3})["']?([\w-]+(?:\.[\w-]+)+)/gi;
const RECORD_LINES = 4;

/**
 * True when line `at` (0-based) links to a public host in a URL that does not hold the password itself, or
 * the lines around it set a public host (the record the password belongs to: a connection to a company's own
 * server). A host on the reader's machine or network is a sample connection (doc-samples.ts).
 */
export function besidePublicHost(lines: readonly string[], at: number, password: string): boolean {
  for (const m of (lines[at] ?? '').matchAll(URL)) {
    if (!m[0].includes(password) && !NOT_PUBLIC.test(m[1] ?? '')) return true;
  }
  const record = lines.slice(Math.max(0, at - RECORD_LINES), at + RECORD_LINES + 1);
  return record.some((l) => [...l.matchAll(HOST_SETTING)].some((m) => !NOT_PUBLIC.test(m[1] ?? '')));
}

/** The rules that report a password written as a value (also read by completion-spec.ts). */
export const PASSWORD_RULES: ReadonlySet<string> = new Set([
  'secrets/weak-password',
  'secrets/hardcoded-password',
]);
// Examples kept in a documentation tree (`usr/share/doc/<package>/examples/`, `docs/examples/`) are the
// documentation's samples for a reader to adapt, as the plaintext-protocol check reads them (a script whose
// usage text shows a configuration with a login): judged as documentation. An `examples/` folder of the
// program itself is not, and stays reported at the example role's severity.
const DOC_TREE = /(?:^|\/)(?:docs?|documentation)\//i;

/** True when `path` is documentation, or an example inside a documentation tree. */
function readAsDocs(path: string): boolean {
  const role = roleFromPath(path);
  return role === 'docs' || (role === 'example' && DOC_TREE.test(path));
}

/**
 * `found` without the passwords a documentation file makes up as examples: not shipped by the project, not
 * beside a public host, and weak or built of words (a random-looking one may be live and stays).
 */
export async function withoutDocExamples(
  found: Detection[],
  path: string,
  lines: () => readonly string[],
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<Detection[]> {
  if (!readAsDocs(path) || !found.some((d) => PASSWORD_RULES.has(d.ruleId))) return found;
  const shipped = await shippedPasswords(ctx);
  return found.filter((d) => {
    if (!PASSWORD_RULES.has(d.ruleId)) return true;
    const weak = d.ruleId === 'secrets/weak-password';
    const value = d.secret.replace(/&quot;?$/, ''); // an HTML-escaped quote closing the value
    if (!weak && !madeUp(value)) return true;
    return isShipped(value, shipped) || besidePublicHost(lines(), d.line - 1, d.secret);
  });
}
