import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, platform, pushToken, type Platform } from '../../../test/helpers/platform.js';
import { STORE_KINDS } from '../../../test/helpers/stores.js';
import type { Access, Role } from '../auth/roles.js';
import { createHook } from '../operate/hooks.js';

interface Operation {
  'x-vanguard-access'?: Access;
}

/** The strongest credential that must still be refused, per access level. */
const TOO_WEAK: Record<Exclude<Access, 'public'>, Role | 'push' | 'hook'> = {
  admin: 'member',
  member: 'viewer',
  viewer: 'reporter',
  push: 'viewer',
  reporter: 'push',
  'push-or-user': 'hook',
  hook: 'admin',
  signed: 'admin',
};

/** A concrete URL for an OpenAPI path template (ids that exist or not: authorisation comes first). */
function concrete(path: string): string {
  return path.replace('{name}', 'walk').replace('{id}', '1');
}

describe.each(STORE_KINDS)('every route in the OpenAPI document is authorised (%s)', (kind) => {
  let p: Platform;
  let ops: { method: string; path: string; access: Access | undefined }[];
  beforeAll(async () => {
    p = await platform(kind);
    const doc = (await p.app.inject({ url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        access: op['x-vanguard-access'],
      })),
    );
  });
  afterAll(async () => p.close());

  it('lists every API route with an access level', () => {
    expect(ops.length).toBeGreaterThan(15);
    for (const op of ops) expect(op.access, `${op.method} ${op.path}`).toBeDefined();
    // The routes that need no credentials are exactly these.
    expect(
      ops
        .filter((o) => o.access === 'public')
        .map((o) => `${o.method} ${o.path}`)
        .sort(),
    ).toEqual(['GET /api/v1/session', 'GET /healthz', 'GET /readyz', 'POST /api/v1/session']);
  });

  it('answers 401 without a token and 403 to a too-weak role', async () => {
    const push = await pushToken(p.store, 'walk');
    const hook = (await createHook(p.store, 'falco', 'walk', 'test')).token!;
    const creds: Record<Role | 'push' | 'hook', string> = { ...p.tokens, push, hook };
    for (const op of ops) {
      if (op.access === 'public' || op.access === undefined) continue;
      const url = concrete(op.path);
      const payload = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
      const anon = await p.app.inject({ method: op.method as 'GET', url, ...(payload ? { payload } : {}) });
      expect(anon.statusCode, `${op.method} ${op.path} without a token`).toBe(401);
      const weak = TOO_WEAK[op.access];
      const r = await p.app.inject({
        method: op.method as 'GET',
        url,
        headers: bearer(creds[weak]),
        ...(payload ? { payload } : {}),
      });
      expect(r.statusCode, `${op.method} ${op.path} as ${weak}`).toBe(403);
    }
  });
});
