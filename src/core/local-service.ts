/**
 * Settings that place the service a block of configuration connects to (or listens on) on this machine, read
 * line by line: a configuration file's section (`host=localhost`, `DB_HOST: 127.0.0.1`, `"server": "[::1]:6379"`)
 * or a dictionary of a program's configuration defaults written one member a line (`'host': 'localhost',`).
 */

// A JSON object's or a dictionary's member ends in a comma (`"host": "localhost",`).
const LOCAL_SERVICE =
  /^\s*["']?[\w.-]*?(?:host|hostname|server|address|addr)["']?\s{0,3}[:=]\s{0,3}["']?(?:localhost|127\.0\.0\.1|::1|\[::1\])(?::\d{1,5})?["']?\s*,?\s*(?:[#;].*)?$/i;
// A host setting in the same block that names another machine (`DB_HOST=db.acme-prod.net` above `DB_PASSWORD`,
// `REDIS_HOST=localhost` below it in one flat `.env` or JSON object): the block is not only this machine's, and
// the password may be the remote service's (review40). A listen address (`0.0.0.0`) names no other machine.
const REMOTE_SERVICE =
  /^\s*["']?[\w.-]*?(?:host|hostname|server|address|addr)["']?\s{0,3}[:=]\s{0,3}["']?(?!localhost\b|127\.0\.0\.1\b|0\.0\.0\.0\b)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?["']?\s*,?\s*(?:[#;].*)?$/i;

/** True when some line of a block sets its host to this machine and none sets it to another machine. */
export function namesOnlyThisMachine(block: readonly string[]): boolean {
  return !block.some((l) => REMOTE_SERVICE.test(l)) && block.some((l) => LOCAL_SERVICE.test(l));
}

// A setting's name at the start of a line (`DB_HOST=`, `"host":`, `spring.redis.host:`).
const SETTING_NAME = /^\s*["']?([\w.-]+)["']?\s{0,3}[:=]/;

/** The part of a setting's name before its last word (`DB_HOST` → `DB_`), or undefined for one word (`host`). */
function servicePrefix(name: string): string | undefined {
  const at = Math.max(name.lastIndexOf('_'), name.lastIndexOf('.'), name.lastIndexOf('-'));
  return at > 0 ? name.slice(0, at + 1).toLowerCase() : undefined;
}

/**
 * False when a flat block names its settings by service and `name`, the setting a credential is assigned to, is
 * another service's: a `.env` whose `DB_HOST=localhost` is the database's host says nothing of `ADMIN_PASSWORD` (the
 * program's own login) or `PAYMENT_API_SECRET` (a remote API's) beside it, while `DB_PASSWORD` and
 * `MYSQL_ROOT_PASSWORD` under `MYSQL_HOST` are the local service's. A block whose host setting is one word
 * (`host=localhost` in an ini section, `"host":` in a JSON object) is one service's, and so is every credential in it.
 */
export function settingOfLocalService(block: readonly string[], name: string): boolean {
  const own = servicePrefix(name);
  if (own === undefined) return true;
  const hosts = block
    .filter((l) => LOCAL_SERVICE.test(l))
    .map((l) => servicePrefix(SETTING_NAME.exec(l)?.[1] ?? ''));
  return hosts.some((p) => p === undefined || own.startsWith(p));
}
