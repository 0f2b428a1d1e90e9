/**
 * A throwaway PostgreSQL cluster for the tests, from Debian's `postgresql` package. The first test
 * file that asks for it starts it (initdb + pg_ctl in a temporary folder, a free port on 127.0.0.1);
 * every other test process of the run reuses it; the global teardown stops it. Run as the
 * `postgres` system user when we are root, because initdb refuses root (and CI runs as root).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

/** The folder the global setup hands to every test process (VANGUARD_TEST_PG_DIR). */
export const PG_STATE_ENV = 'VANGUARD_TEST_PG_DIR';

/** The newest installed server binaries, e.g. /usr/lib/postgresql/15/bin. */
export function postgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function startCluster(state: string, bin: string): Promise<string> {
  const data = join(state, 'data');
  if (asRoot) execFileSync('chown', ['postgres:postgres', state]);
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(state, 'log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${state} -c max_connections=200 -c fsync=on`,
    'start',
  ]);
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/**
 * The cluster's admin URL, starting the cluster on first use. Test processes race for a lock
 * folder; the winner starts it and writes `url`, the others wait for that file.
 */
export async function postgresAdminUrl(): Promise<string> {
  const state = process.env[PG_STATE_ENV];
  const bin = postgresBin();
  if (!state || !bin) throw new Error('PostgreSQL is not available (install the postgresql package)');
  const urlFile = join(state, 'url');
  try {
    mkdirSync(join(state, 'lock'));
    try {
      writeFileSync(urlFile + '.tmp', await startCluster(state, bin));
      execFileSync('mv', [urlFile + '.tmp', urlFile]);
    } catch (err) {
      writeFileSync(join(state, 'failed'), String((err as Error).message));
      throw err;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  for (let i = 0; i < 1200 && !existsSync(urlFile); i++) {
    if (existsSync(join(state, 'failed')))
      throw new Error(`PostgreSQL failed to start: ${readFileSync(join(state, 'failed'), 'utf8')}`);
    await sleep(100);
  }
  return readFileSync(urlFile, 'utf8');
}

let counter = 0;

/** A new, empty database in the test cluster; returns its URL. */
export async function freshPostgresDb(): Promise<string> {
  const admin = await postgresAdminUrl();
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    // vanguard-ignore: code/js-sql-injection-audit the name is built above from the pid, a clock and a counter; a database name cannot be a bind parameter
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/postgres$/, `/${name}`);
}

/** Whether the PostgreSQL tests can run here; in CI they must (a missing package is a failure). */
export function postgresAvailable(): boolean {
  return postgresBin() !== undefined && process.env[PG_STATE_ENV] !== undefined;
}

/** Stops the cluster if a test started it, and removes its folder. */
export function stopCluster(state: string): void {
  const bin = postgresBin();
  if (bin && existsSync(join(state, 'url'))) {
    try {
      run(join(bin, 'pg_ctl'), ['-D', join(state, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch (err) {
      process.stderr.write(`could not stop the test PostgreSQL cluster: ${(err as Error).message}\n`);
    }
  }
  rmSync(state, { recursive: true, force: true });
}
