import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** One file of the built dashboard, held in memory: the bundle is small and never changes while serving. */
interface Asset {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
// Asset names carry their content hash (scripts/build-dashboard.mjs), so a browser may keep them.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Where `npm run build` puts the dashboard, seen from this module in dist/server/http. */
export function defaultDashboardDir(): string {
  return fileURLToPath(new URL('../../dashboard/', import.meta.url));
}

function load(file: string): Asset {
  const body = readFileSync(file);
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const compressible = /^(text\/|application\/json|image\/svg)/.test(type) && body.length > 1024;
  return {
    body,
    ...(compressible ? { gzip: gzipSync(body, { level: 9 }) } : {}),
    type,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

function send(req: FastifyRequest, reply: FastifyReply, a: Asset, cache: string): FastifyReply {
  void reply.header('content-type', a.type).header('cache-control', cache).header('etag', a.etag);
  if (a.gzip) void reply.header('vary', 'accept-encoding');
  if (req.headers['if-none-match'] === a.etag) return reply.code(304).send();
  const gz = a.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gz) void reply.header('content-encoding', 'gzip');
  return reply.send(gz ? a.gzip : a.body);
}

/** Whether a request is a browser navigation to a page of the app (served the index, routed in the page). */
export function isPageRequest(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/')) return false;
  return String(req.headers.accept ?? '').includes('text/html');
}

export interface Dashboard {
  /** Replies with the index page (for unknown page paths: the app routes them itself). */
  index(req: FastifyRequest, reply: FastifyReply): FastifyReply;
}

/**
 * Serves the built dashboard: `/` and every page path give index.html (no-cache, ETag), `/assets/*`
 * the hashed bundle (cached for a year). Without a build (a source checkout before `npm run build`)
 * `/` says how to build it, and the API works as before.
 */
export function registerDashboard(app: FastifyInstance, dir: string): Dashboard {
  const manifest = join(dir, 'manifest.json');
  const assets = new Map<string, Asset>();
  let index: Asset | undefined;
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { index: string; assets: string[] };
    index = load(join(dir, m.index));
    for (const name of m.assets) assets.set(name, load(join(dir, 'assets', name)));
  }
  const notBuilt: Asset = {
    body: Buffer.from('The dashboard is not built in this checkout: run `npm run build`.\n'),
    type: 'text/plain; charset=utf-8',
    etag: '"not-built"',
  };
  const page = index ?? notBuilt;
  const config = { access: 'public' as const };
  app.get('/', { config, schema: { hide: true } }, (req, reply) => send(req, reply, page, 'no-cache'));
  app.get<{ Params: { file: string } }>('/assets/:file', { config, schema: { hide: true } }, (req, reply) => {
    const a = assets.get(req.params.file);
    if (!a)
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no asset ${req.params.file}` } });
    return send(req, reply, a, IMMUTABLE);
  });
  return { index: (req, reply) => send(req, reply, page, 'no-cache') };
}
