import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/open.js';
import { route } from './route.js';

export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  route(app, {
    method: 'GET',
    url: '/healthz',
    access: 'public',
    summary: 'the process is alive',
    tags: ['health'],
    handler: () => Promise.resolve({ status: 'ok' }),
  });
  route(app, {
    method: 'GET',
    url: '/readyz',
    access: 'public',
    summary: 'the store answers queries',
    tags: ['health'],
    handler: async (_req, reply) => {
      try {
        await sql`SELECT 1`.execute(store.db);
        return { status: 'ready', store: store.dialect };
      } catch (err) {
        return reply.code(503).send({ status: 'unavailable', reason: (err as Error).message });
      }
    },
  });
}
