import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { Access, Principal } from '../auth/roles.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** Set when the request authenticated with a session cookie (unsafe methods need the CSRF header). */
    csrf?: string;
  }
}

export interface RouteSpec<Req extends FastifyRequest = FastifyRequest> {
  method: HTTPMethods;
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  schema?: Omit<FastifySchema, 'summary' | 'tags'>;
  /** A tighter rate limit than the server-wide one. */
  rateLimit?: { max: number; timeWindow: string };
  handler: (req: Req, reply: FastifyReply) => Promise<unknown>;
}

/**
 * Registers a route with its access level in two places that must agree: the config the
 * authorisation hook reads, and the OpenAPI operation (`x-vanguard-access`, `security`) the
 * route-walking test reads.
 */
export function route<Req extends FastifyRequest = FastifyRequest>(
  app: FastifyInstance,
  spec: RouteSpec<Req>,
): void {
  app.route({
    method: spec.method,
    url: spec.url,
    config: { access: spec.access, ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}) },
    schema: {
      ...spec.schema,
      summary: spec.summary,
      tags: spec.tags,
      'x-vanguard-access': spec.access,
      ...(spec.access === 'public' ? { security: [] } : { security: [{ bearer: [] }, { session: [] }] }),
    } as FastifySchema,
    handler: spec.handler as (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  });
}

/** The authenticated principal of a non-public route (the hook has already refused anonymous calls). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('route reached without a principal');
  return req.principal;
}

/** An API error with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
