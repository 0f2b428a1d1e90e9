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
