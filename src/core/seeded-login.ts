import { roleFromPath } from './file-role.js';

// A person's e-mail address as a field's value at a domain people write as a placeholder (`admin@foo.com`,
// `user@example.org`, `qa@shop.test`): the seeded user of the application a test runs, not an account on a
// real service. A real domain's address may be an account on a live one (an end-to-end test against staging).
// The field is `email` or a name that ends in it (`testUserEmail`, `admin_email`): a test declares its user's
// address in a variable as often as in the login's object.
const PLACEHOLDER_EMAIL =
  /(?:^|[^\w.-])["']?[\w$]{0,40}?e-?mail["']?\s{0,3}[:=]\s{0,3}["'`][^"'`\s@]+@(?:[\w-]+\.)*(?:(?:foo|bar|baz|qux|example|test|invalid)\.[a-z]{2,6}|[\w-]+\.(?:test|invalid|example|localhost))["'`]/i;
// A block that names where it connects is a client's configuration, not a login to the app under test.
const CONNECTION_KEY =
  /(?:^|[^\w.-])["']?(?:host|hostname|server|url|uri|port|database|db|dsn|endpoint|connection|baseUrl)["']?\s{0,3}[:=]/i;
// A URL in the record to a host that is neither local nor a placeholder (`apiUrl: 'https://staging.acme.io'`):
// the login is to that live service, under whatever key names it.
const URL_HOST = /\bhttps?:\/\/([\w-]+(?:\.[\w-]+)*)/gi;
const LOCAL_OR_PLACEHOLDER =
  /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|[^.]+|(?:[\w-]+\.)*(?:(?:foo|bar|baz|qux|example|test|invalid)\.[a-z]{2,6}|[\w-]+\.(?:test|invalid|example|localhost)))$/i;
const BLOCK_LINES = 8;

/**
 * The lines of the object literal around line `at` (0-based): from the nearest `{` above to the nearest `}`
 * below, at most eight lines each way.
 */
export function recordAround(lines: readonly string[], at: number): string[] {
  if (at < 0 || at >= lines.length) return [];
  let from = at;
  while (from > 0 && at - from < BLOCK_LINES && !lines[from]!.includes('{')) from--;
  let to = at;
  while (to < lines.length - 1 && to - at < BLOCK_LINES && !lines[to]!.includes('}')) to++;
  return lines.slice(from, to + 1);
}

const namesLiveService = (line: string): boolean =>
  [...line.matchAll(URL_HOST)].some((m) => !LOCAL_OR_PLACEHOLDER.test(m[1] ?? ''));

/**
 * True when line `at` of `lines` (0-based) sits in a test's login record of the application under test: the
 * object literal around it (from the nearest `{` above to the nearest `}` below, at most eight lines each way)
 * has an e-mail field at a placeholder domain and no host, URL, port or database setting and no URL of a live
 * service (`.send({ email:
 * "admin@foo.com", password: "…" })` in a test helper signing in as the fixtures' administrator). Test and
 * fixture files only: the secrets and code analyzers both drop the password there.
 */
export function inTestAppLogin(lines: readonly string[], at: number, path: string): boolean {
  const role = roleFromPath(path);
  if (role !== 'test' && role !== 'fixture') return false;
  const block = recordAround(lines, at);
  return (
    block.some((l) => PLACEHOLDER_EMAIL.test(l)) &&
    !block.some((l) => CONNECTION_KEY.test(l) || namesLiveService(l))
  );
}
