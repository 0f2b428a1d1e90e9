import { createHash } from 'node:crypto';
import type { AnalyzerContext } from '../../core/analyzer.js';
import { roleFromPath } from '../../core/file-role.js';
import type { Detection } from './engine.js';

/**
 * A password in documentation is an example to copy (a README's users file, an example command line
 * `--listen username=joe password=…`, a configuration snippet) unless the product ships it: a documented
 * default account is worth a finding because every install has it. The evidence is the project's own
 * configuration: the same password, or its digest (a configuration that stores the default account's
 * SHA-512), set under a password name in a shipped configuration, seed or compose file. A line that also
 * names a public host outside the password (a transcript of a login to a real service) may quote a live
 * credential and is kept too, as is a random-looking password (a real one pasted into a page).
 */

// Where a product ships its default accounts: configuration and data files, seed SQL, compose and env files.
const SHIPPED_CONFIG =
  /\.(?:json|ya?ml|conf|cfg|cnf|ini|toml|properties|env|sql)$|(?:^|\/)\.env(?:\.[\w-]+)?$|(?:^|\/)Dockerfile$/i;
const LOCKFILE =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock)$/;
// Bounds on the one-time read: a project's configuration is small; a data dump is not where defaults live.
const MAX_FILES = 400;
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
      const files = [...ctx.paths]
        .filter((f) => SHIPPED_CONFIG.test(f) && !LOCKFILE.test(f) && roleFromPath(f) === 'source')
        .sort()
        .slice(0, MAX_FILES);
      const values = new Set<string>();
      for (const f of files) {
        const text = await ctx.readFile(f);
        if (text === undefined || text.length > MAX_CHARS) continue;
        for (const m of text.matchAll(PASSWORD_VALUE)) {
          const v = m[1] ?? m[2];
          if (v) values.add(v.toLowerCase());
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

/** True when `line` links to a public host in a URL that does not hold the password itself. */
export function besidePublicHost(line: string, password: string): boolean {
  for (const m of line.matchAll(URL)) {
    if (!m[0].includes(password) && !NOT_PUBLIC.test(m[1] ?? '')) return true;
  }
  return false;
}

const PASSWORD_RULES = new Set(['secrets/weak-password', 'secrets/hardcoded-password']);

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
  if (roleFromPath(path) !== 'docs' || !found.some((d) => PASSWORD_RULES.has(d.ruleId))) return found;
  const shipped = await shippedPasswords(ctx);
  return found.filter((d) => {
    if (!PASSWORD_RULES.has(d.ruleId)) return true;
    const weak = d.ruleId === 'secrets/weak-password';
    const value = d.secret.replace(/&quot;?$/, ''); // an HTML-escaped quote closing the value
    if (!weak && !madeUp(value)) return true;
    return isShipped(value, shipped) || besidePublicHost(lines()[d.line - 1] ?? '', d.secret);
  });
}
