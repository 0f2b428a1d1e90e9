import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { VanguardError } from '../../core/errors.js';
import { VERSION } from '../../core/version.js';
import { authenticateToken, sessionFor } from '../auth/accounts.js';
import { permits } from '../auth/roles.js';
import { kindOf } from '../auth/secrets.js';
import { MetricsCache } from '../metrics/cache.js';
import { authenticateHookToken } from '../operate/hooks.js';
import type { JobQueue } from '../jobs/types.js';
import type { Store } from '../store/open.js';
import { defaultDashboardDir, isPageRequest, registerDashboard } from './dashboard.js';
import { HttpError } from './route.js';
import { registerAdminRoutes } from './routes-admin.js';
import { registerDashboardApiRoutes } from './routes-dashboard-api.js';
import { registerFindingRoutes } from './routes-findings.js';
import { registerHealthRoutes } from './routes-health.js';
import { registerHookRoutes } from './routes-hooks.js';
import { registerMetricsRoutes } from './routes-metrics.js';
import { registerOperateRoutes } from './routes-operate.js';
import { registerProjectRoutes } from './routes-projects.js';
import { registerReportRoutes } from './routes-reports.js';
import { registerSessionRoutes } from './routes-session.js';

export interface AppOptions {
  store: Store;
  queue: JobQueue;
  /** Largest request body in bytes (default 100 MiB); larger reports get 413. */
  bodyLimit?: number;
  /** Requests per minute per client (default 600). */
  rateLimit?: number;
  /** Whether the server is reached over TLS (cookies get `Secure`). */
  secureCookies?: boolean;
  logger?: boolean;
  /** The built dashboard (default: dist/dashboard beside this module). */
  dashboardDir?: string;
  /** Anomaly reports one user may file per hour (default 20). */
  reportsPerHour?: number;
  /** Falco repeats of one rule on one workload closer than this are one finding (default one hour). */
  falcoWindowMs?: number;
  /** The metrics answers (a server keeps the overview's warm in it); default: a new, empty one. */
  metrics?: MetricsCache;
}

export const SESSION_COOKIE = 'vanguard_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** The HTTP application: API, OpenAPI document, health checks; every route authorised by its access level. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 100 * 1024 * 1024,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Over plain HTTP (a server on an internal address) upgrading would break every asset.
        upgradeInsecureRequests: opts.secureCookies ? [] : null,
      },
    },
    hsts: opts.secureCookies ? { maxAge: 31_536_000 } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: opts.rateLimit ?? 600,
    timeWindow: '1 minute',
    // Per credential when there is one, so one pipeline cannot starve the others behind a shared NAT.
    keyGenerator: (req) => (req.headers.authorization ? req.headers.authorization.slice(7, 23) : req.ip),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Vanguard findings platform', version: VERSION },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'a user API token (vgu_…) or a project push token (vgp_…)',
          },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
    },
  });

  // Authentication and authorisation both run on request, before the body is read or validated:
  // an anonymous or too-weak caller learns nothing about the input rules and cannot make us parse.
  app.addHook('onRequest', async (req) => {
    // Falco and falcosidekick send custom headers more easily than an Authorization header.
    const custom = req.headers['x-vanguard-token'];
    const header = req.headers.authorization ?? (typeof custom === 'string' ? `Bearer ${custom}` : undefined);
    if (header !== undefined) {
      const m = /^Bearer (\S+)$/.exec(header);
      const token = m?.[1];
      const p =
        token === undefined
          ? undefined
          : kindOf(token) === 'hook'
            ? await authenticateHookToken(opts.store.db, token)
            : await authenticateToken(opts.store.db, token);
      if (!p)
        throw new HttpError(401, 'UNAUTHENTICATED', 'the token is unknown, malformed, expired or revoked');
      req.principal = p;
    } else {
      const sid = req.cookies[SESSION_COOKIE];
      const s = sid ? await sessionFor(opts.store.db, sid) : undefined;
      if (s) {
        req.principal = s.principal;
        req.csrf = s.csrf;
      }
    }
    authorise(req);
  });

  const authorise = (req: FastifyRequest): void => {
    const access = req.routeOptions.config.access;
    // A route without an access level is a programming error: refuse rather than expose it.
    if (access === undefined) {
      if (req.routeOptions.url === undefined) return; // 404 handler
      throw new HttpError(403, 'FORBIDDEN', 'route has no access level');
    }
    if (access === 'public') return;
    const p = req.principal;
    // The route verifies the signature over the body; only a bearer credential is refused here.
    if (access === 'signed' && !p) return;
    if (!p) throw new HttpError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <token> or log in');
    // Cookies are sent by the browser on its own; a state-changing call must prove it came from our page.
    if (req.csrf !== undefined && !SAFE.has(req.method) && req.headers['x-csrf-token'] !== req.csrf)
      throw new HttpError(403, 'CSRF', 'missing or wrong X-CSRF-Token header');
    if (!permits(p, access)) throw new HttpError(403, 'FORBIDDEN', `this needs the ${access} role`);
  };

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send(errorBody(err.code, err.message));
    if (err.validation)
      return reply
        .code(400)
        .send(errorBody('BAD_REQUEST', `${err.validationContext ?? 'request'} ${err.message}`));
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send(errorBody('TOO_LARGE', err.message));
    if (err.statusCode === 429) return reply.code(429).send(errorBody('RATE_LIMITED', err.message));
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500)
      return reply.code(err.statusCode).send(errorBody('BAD_REQUEST', err.message));
    if (err instanceof VanguardError) {
      const status =
        err.code === 'PARSE' || err.code === 'USAGE' ? 400 : err.code === 'NOT_FOUND' ? 404 : 500;
      if (status < 500) return reply.code(status).send(errorBody(err.code, err.message));
    }
    req.log.error(err);
    process.stderr.write(`vanguard serve: ${req.method} ${req.url}: ${err.message}\n`);
    return reply.code(500).send(errorBody('INTERNAL', 'internal error; see the server log'));
  });
  const dashboard = registerDashboard(app, opts.dashboardDir ?? defaultDashboardDir());
  // A page of the dashboard (e.g. /findings/12) is routed in the browser; API misses stay JSON.
  app.setNotFoundHandler((req, reply) =>
    isPageRequest(req)
      ? dashboard.index(req, reply)
      : reply.code(404).send(errorBody('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`)),
  );

  registerHealthRoutes(app, opts.store);
  registerSessionRoutes(app, opts.store, opts.secureCookies ?? false);
  registerProjectRoutes(app, opts.store);
  registerFindingRoutes(app, opts.store);
  registerReportRoutes(app, opts.store, opts.queue, opts.reportsPerHour);
  registerAdminRoutes(app, opts.store, opts.queue);
  registerDashboardApiRoutes(app, opts.store);
  registerMetricsRoutes(app, opts.store, opts.metrics ?? new MetricsCache(opts.store.db, opts.store.dialect));
  registerOperateRoutes(app, opts.store);
  await registerHookRoutes(app, opts.store, opts.falcoWindowMs ? { falcoWindowMs: opts.falcoWindowMs } : {});
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  await app.ready();
  return app;
}
