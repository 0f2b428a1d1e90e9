import type { FastifyInstance } from 'fastify';
import { addUser, createPushToken } from '../../src/server/auth/accounts.js';
import type { Role } from '../../src/server/auth/roles.js';
import { buildApp, type AppOptions } from '../../src/server/http/app.js';
import { jobHandlers } from '../../src/server/jobs/handlers.js';
import { openQueue } from '../../src/server/jobs/open-queue.js';
import type { JobQueue } from '../../src/server/jobs/types.js';
import type { Store } from '../../src/server/store/open.js';
import { freshStore, type StoreKind } from './stores.js';

export interface Platform {
  app: FastifyInstance;
  store: Store;
  queue: JobQueue;
  /** API tokens by role, generated at run time. */
  tokens: Record<Role, string>;
  close(): Promise<void>;
}

/** A fresh store of the kind, the HTTP app over it (no socket; use app.inject) and a user of every role. */
export async function platform(
  kind: StoreKind,
  opts: Partial<AppOptions> = {},
  advisoryDb?: string,
): Promise<Platform> {
  const { store, dispose } = await freshStore(kind);
  const queue = openQueue(store);
  await queue.work(jobHandlers(advisoryDb ? { advisoryDb } : {}));
  const app = await buildApp({ store, queue, ...opts });
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'member', 'viewer', 'reporter'] as const)
    tokens[role] = (await addUser(store.db, `${role}-user`, role, 'test')).token;
  return {
    app,
    store,
    queue,
    tokens,
    async close() {
      await app.close();
      await queue.stop();
      await dispose();
    },
  };
}

export async function pushToken(store: Store, project: string): Promise<string> {
  return (await createPushToken(store.db, project, undefined, 'test')).token;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
