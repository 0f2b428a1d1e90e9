import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audit, login, logout } from '../auth/accounts.js';
import { actorOf } from '../auth/roles.js';
import type { Store } from '../store/open.js';
import { SESSION_COOKIE } from './app.js';
import { HttpError, principalOf, route } from './route.js';

export function registerSessionRoutes(app: FastifyInstance, store: Store, secure: boolean): void {
  route<FastifyRequest<{ Body: { name: string; password: string } }>>(app, {
    method: 'POST',
    url: '/api/v1/session',
    access: 'public',
    summary: 'log in with name and password: sets the session cookie and returns the CSRF token',
    tags: ['session'],
    // Password guessing is limited harder than the rest: 10 attempts a minute per address.
    rateLimit: { max: 10, timeWindow: '1 minute' },
    schema: {
      body: {
        type: 'object',
        required: ['name', 'password'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', maxLength: 100 },
          password: { type: 'string', maxLength: 200 },
        },
      },
    },
    handler: async (req, reply) => {
      const s = await login(store.db, req.body.name, req.body.password);
      if (!s) throw new HttpError(401, 'UNAUTHENTICATED', 'wrong name or password');
      void reply.setCookie(SESSION_COOKIE, s.cookie, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        maxAge: 12 * 3600,
      });
      return { user: s.user, role: s.role, csrfToken: s.csrf };
    },
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/session',
    access: 'reporter',
    summary: 'log out (ends the session of the cookie)',
    tags: ['session'],
    handler: async (req, reply) => {
      const sid = req.cookies[SESSION_COOKIE];
      const p = principalOf(req);
      if (sid) await logout(store.db, sid);
      await audit(
        store.db,
        actorOf(p),
        'session.delete',
        p.kind === 'user' ? `user:${p.name}` : actorOf(p),
        {},
        req.ip,
      );
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/session',
    access: 'public',
    summary: 'whether the request carries a session, and whose (the dashboard asks this first)',
    tags: ['session'],
    handler: (req) => {
      const p = req.principal;
      return Promise.resolve(
        p?.kind === 'user'
          ? { signedIn: true, user: p.name, role: p.role, csrfToken: req.csrf ?? null }
          : { signedIn: false },
      );
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/me',
    access: 'reporter',
    summary: 'who the credentials belong to',
    tags: ['session'],
    handler: (req) => {
      const p = principalOf(req);
      return Promise.resolve(
        p.kind === 'user'
          ? { kind: 'user', name: p.name, role: p.role, csrfToken: req.csrf ?? null }
          : p.kind === 'hook'
            ? { kind: 'hook', hook: p.hookId, hookKind: p.hookKind }
            : { kind: 'push', project: p.project, token: p.tokenId },
      );
    },
  });
}
