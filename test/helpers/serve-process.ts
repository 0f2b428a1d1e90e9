import { spawn, type ChildProcess } from 'node:child_process';
import type { StoreOptions } from '../../src/server/store/options.js';
import { CLI } from './cli.js';
import { freshStoreOptions, type StoreKind } from './stores.js';

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Stops it gracefully (SIGTERM) and waits for the exit. */
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/**
 * Starts `vanguard serve --port 0` as a user would and waits for its "listening on" line; `cli` is
 * another entry point (an installed package's bin) instead of this checkout's dist/.
 */
export function startServe(args: string[], env: Record<string, string>, cli = CLI): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let out = '';
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        child,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
        async kill9() {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}

/** `vanguard serve` on a fresh store of the kind, with the flags and environment that reach the same store. */
export async function serveOnFreshStore(kind: StoreKind): Promise<{
  server: ServeProcess;
  env: Record<string, string>;
  storeArgs: string[];
  storeOptions: StoreOptions;
  stop: () => Promise<void>;
}> {
  const opts = await freshStoreOptions(kind);
  const env: Record<string, string> = opts.databaseUrl
    ? { DATABASE_URL: opts.databaseUrl, VANGUARD_SECRET_KEY: opts.secretKey! }
    : {};
  const storeArgs = opts.dataDir ? ['--data-dir', opts.dataDir] : [];
  const server = await startServe(storeArgs, env);
  return {
    server,
    env,
    storeArgs,
    storeOptions: opts.databaseUrl
      ? { databaseUrl: opts.databaseUrl, secretKey: opts.secretKey! }
      : { dataDir: opts.dataDir! },
    stop: async () => {
      await server.stop();
      opts.cleanup();
    },
  };
}
