import type { YNode } from '../parse/yaml/tree.js';
import { get, items, parseYamlDocs, str } from '../parse/yaml/tree.js';

/**
 * The logins of a Compose file that only its own network reaches: the password a database or broker image sets
 * for itself (`POSTGRES_PASSWORD` of a `postgres` service) and the password of a URL whose host is a service of
 * the file (`postgresql://app:pw@db:5432/app`), where that service publishes no port. A caller has to run a
 * container on the Compose network to try the password at all, so its weakness (a guessable password) is no
 * danger of its own; the opt-in audit profile still reports it.
 *
 * A service is reachable from outside, and its logins are none of these, when it has `ports:` (any, loopback
 * too), a `network_mode` (host, or another service's or container's namespace), `extends` (ports may come from
 * the other file), or another service runs in its namespace (`network_mode: service:db`). `expose:` opens a port
 * to the Compose network only and changes nothing. A file with another Compose file beside it has none of these
 * logins (mergedWithOthers): Compose merges `docker-compose.override.yml` into it by default, and `-f` merges any
 * other, so a port may be published there (`ports: ["5432:5432"]` for the database of a development stack).
 */

/** A Compose file's name: `docker-compose.yml`, `compose.yaml`, `docker-compose.prod.yml`. */
export const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][\w.-]{1,100})?\.ya?ml$/i;

/**
 * True when the folder of the Compose file `path` holds another Compose file (`docker-compose.override.yml`,
 * `compose.prod.yaml`): one Compose may merge into it, and that one's `ports:` are not read here.
 */
export function mergedWithOthers(path: string, paths: ReadonlySet<string>): boolean {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  for (const p of paths) {
    if (p === path || !p.startsWith(folder) || p.indexOf('/', folder.length) !== -1) continue;
    if (COMPOSE_NAME.test(p.slice(folder.length))) return true;
  }
  return false;
}

/** Image families (the image's last path part, without tag) and the variables by which they set their own login. */
const OWN_LOGIN: readonly (readonly [RegExp, RegExp])[] = [
  [/^(?:postgres|postgis|timescaledb(?:-ha)?)$/, /^POSTGRES_PASSWORD$/],
  [/^(?:mysql|mariadb|percona(?:-server)?)$/, /^(?:MYSQL|MARIADB)_(?:ROOT_)?PASSWORD$/],
  [/^mongo(?:db)?$/, /^MONGO_INITDB_ROOT_PASSWORD$/],
  [/^redis$/, /^REDIS_PASSWORD$/],
  [/^rabbitmq$/, /^RABBITMQ_DEFAULT_PASS$/],
  [/^(?:mssql-server-linux|mssql\/server)$/, /^(?:MSSQL_SA_PASSWORD|SA_PASSWORD)$/],
];

/** `scheme://user:password@host`: the password and the host. */
const URL_LOGIN = /^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/]{1,200}:([^\s@/]{1,200})@([^\s:/?#@]{1,200})/i;

/** The image's name for OWN_LOGIN: its last path part without tag or digest (`mssql/server` kept whole). */
function imageName(image: string): string {
  const bare = image
    .toLowerCase()
    .replace(/@.*$/, '')
    .replace(/:[^/]*$/, '');
  return bare.endsWith('mssql/server') ? 'mssql/server' : bare.slice(bare.lastIndexOf('/') + 1);
}

function ownLoginKey(image: string | undefined, key: string): boolean {
  if (image === undefined) return false;
  const name = imageName(image);
  return OWN_LOGIN.some(([img, k]) => img.test(name) && k.test(key));
}

/** Each `KEY: value` or `- KEY=value` of a Compose service's environment, with its line. */
export function environment(svc: YNode): { key: string; value: string; line: number }[] {
  const env = get(svc, 'environment');
  const out: { key: string; value: string; line: number }[] = [];
  if (env?.kind === 'map') {
    for (const [key, e] of env.entries) {
      const value = str(e.value);
      if (value !== undefined) out.push({ key, value, line: e.keyLine });
    }
    return out;
  }
  for (const it of items(env)) {
    const s = str(it);
    const eq = s?.indexOf('=') ?? -1;
    if (s !== undefined && eq > 0) out.push({ key: s.slice(0, eq), value: s.slice(eq + 1), line: it.line });
  }
  return out;
}

/** The names other services reach a service by: its key, `hostname`, `container_name`, network aliases. */
function namesOf(key: string, svc: YNode): string[] {
  const names = [key, str(get(svc, 'hostname')), str(get(svc, 'container_name'))];
  const nets = get(svc, 'networks');
  if (nets?.kind === 'map')
    for (const e of nets.entries.values()) for (const a of items(get(e.value, 'aliases'))) names.push(str(a));
  return names.filter((n): n is string => n !== undefined && n !== '');
}

/** `line` → the passwords set on it that only the Compose network reaches, for one parsed Compose document. */
function networkOnlyIn(root: YNode | undefined, out: Map<number, Set<string>>): void {
  const services = get(root, 'services');
  if (services?.kind !== 'map') return;
  const shared = new Set<string>();
  for (const e of services.entries.values()) {
    const mode = str(get(e.value, 'network_mode'));
    if (mode?.startsWith('service:') === true) shared.add(mode.slice('service:'.length));
  }
  const inside = new Map<string, YNode>();
  for (const [key, e] of services.entries) {
    const svc = e.value;
    const reached =
      items(get(svc, 'ports')).length > 0 ||
      get(svc, 'network_mode') !== undefined ||
      get(svc, 'extends') !== undefined ||
      shared.has(key);
    if (!reached) inside.set(key, svc);
  }
  const hosts = new Set<string>();
  for (const [key, svc] of inside) for (const n of namesOf(key, svc)) hosts.add(n.toLowerCase());
  const add = (line: number, password: string): void => {
    let set = out.get(line);
    if (set === undefined) out.set(line, (set = new Set()));
    set.add(password);
  };
  for (const [key, e] of services.entries) {
    for (const v of environment(e.value)) {
      if (inside.has(key) && ownLoginKey(str(get(e.value, 'image')), v.key)) add(v.line, v.value);
      const url = URL_LOGIN.exec(v.value);
      if (url !== null && hosts.has(url[2]!.toLowerCase())) add(v.line, url[1]!);
    }
  }
}

const cache = new WeakMap<object, Map<number, Set<string>>>();
const NONE = new Map<number, Set<string>>();

/**
 * The passwords of a Compose file's text that only its network reaches (above), by line; empty when the text is
 * not a Compose file or does not parse.
 */
export function networkOnlyLogins(text: string): ReadonlyMap<number, ReadonlySet<string>> {
  const out = new Map<number, Set<string>>();
  let docs: ReturnType<typeof parseYamlDocs>;
  try {
    docs = parseYamlDocs(text);
  } catch {
    return NONE;
  }
  for (const doc of docs) networkOnlyIn(doc.root, out);
  return out;
}

/** True when `password`, set on `line` of a Compose document `root`, is a login only the Compose network reaches. */
export function isNetworkOnlyLogin(root: YNode, line: number, password: string): boolean {
  let found = cache.get(root);
  if (found === undefined) {
    found = new Map();
    networkOnlyIn(root, found);
    cache.set(root, found);
  }
  return found.get(line)?.has(password) === true;
}
