import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../auth/roles.js';
import { parseAlertmanager } from '../operate/alertmanager.js';
import type { Detection } from '../operate/detection.js';
import { FALCO_WINDOW_MS, parseFalco } from '../operate/falco.js';
import { parseGeneric } from '../operate/generic.js';
import {
  createHook,
  HOOK_KINDS,
  listHooks,
  revokeHook,
  signingKeys,
  touchHook,
  type HookKind,
} from '../operate/hooks.js';
import { recordDetection, type RecordOutcome } from '../operate/record.js';
import { verifySignature } from '../operate/signature.js';
import type { Store } from '../store/open.js';
import { nowIso } from '../store/util.js';
import { VanguardError } from '../../core/errors.js';
import { HttpError, principalOf, route } from './route.js';

/** Largest webhook body: Alertmanager groups up to MAX_ALERTS alerts of a few KiB each. */
export const HOOK_BODY_LIMIT = 4 * 1024 * 1024;

export interface HookOptions {
  /** Falco repeats closer together than this are one finding. */
  falcoWindowMs?: number;
}

function summary(outcomes: RecordOutcome[]) {
  return {
    received: outcomes.length,
    routed: outcomes.filter((o) => o.status === 'routed').length,
    unrouted: outcomes.filter((o) => o.status !== 'routed').length,
    items: outcomes.map((o) => ({
      detection: o.detectionId,
      status: o.status,
      project: o.project,
      finding: o.findingId,
      count: o.count,
    })),
  };
}

async function record(store: Store, detections: Detection[], actor: string): Promise<RecordOutcome[]> {
  const out: RecordOutcome[] = [];
  // One at a time: alerts of one group often share an incident, and each is its own transaction.
  for (const d of detections) out.push(await recordDetection(store, d, actor));
  return out;
}

function tokenHookOf(req: FastifyRequest, kind: HookKind): string {
  const p = principalOf(req);
  if (p.kind !== 'hook') throw new Error('hook route reached without a hook principal');
  if (p.hookKind !== kind)
    throw new HttpError(403, 'FORBIDDEN', `this token belongs to a ${p.hookKind} hook, not ${kind}`);
  return p.hookId;
}

/**
 * The runtime webhooks. Their bodies are read as text (bounded), so the raw payload can be kept
 * for the audit trail and the generic hook's signature can be checked over the exact bytes.
 */
export async function registerHookRoutes(
  app: FastifyInstance,
  store: Store,
  opts: HookOptions = {},
): Promise<void> {
  const window = opts.falcoWindowMs ?? FALCO_WINDOW_MS;
  await app.register((child, _o, done) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', { parseAs: 'string', bodyLimit: HOOK_BODY_LIMIT }, (_req, body, next) =>
      next(null, body),
    );
    const rawBody = (req: FastifyRequest): string => (typeof req.body === 'string' ? req.body : '');

    route(child, {
      method: 'POST',
      url: '/api/v1/hooks/alertmanager',
      access: 'hook',
      summary:
        'Alertmanager webhook (payload version 4): firing alerts open or update findings, resolved ones fix them',
      tags: ['hooks'],
      handler: async (req) => {
        const hookId = tokenHookOf(req, 'alertmanager');
        const detections = parseAlertmanager(rawBody(req), hookId);
        await touchHook(store.db, hookId);
        return summary(await record(store, detections, `hook:${hookId}`));
      },
    });

    route(child, {
      method: 'POST',
      url: '/api/v1/hooks/falco',
      access: 'hook',
      summary:
        "Falco's JSON alert (http_output or falcosidekick's webhook): repeats per rule and workload are counted on one finding",
      tags: ['hooks'],
      handler: async (req) => {
        const hookId = tokenHookOf(req, 'falco');
        const detection = parseFalco(rawBody(req), hookId, window);
        await touchHook(store.db, hookId);
        return summary(await record(store, [detection], `hook:${hookId}`));
      },
    });

    route(child, {
      method: 'POST',
      url: '/api/v1/hooks/generic',
      access: 'signed',
      summary:
        'a detection in the documented generic shape, signed as Standard Webhooks do (webhook-id, webhook-timestamp, webhook-signature)',
      tags: ['hooks'],
      handler: async (req) => {
        const body = rawBody(req);
        const check = verifySignature(req.headers, body, await signingKeys(store));
        if (!check.ok) throw new HttpError(401, 'UNAUTHENTICATED', check.reason);
        const detection = parseGeneric(body, check.hookId);
        // The message id is remembered only after the body is valid, so a corrected resend is not a replay.
        const fresh = await store.db
          .insertInto('hook_deliveries')
          .values({ hook_id: check.hookId, message_id: check.messageId, received_at: nowIso() })
          .onConflict((oc) => oc.columns(['hook_id', 'message_id']).doNothing())
          .returning('message_id')
          .executeTakeFirst();
        if (!fresh)
          throw new HttpError(409, 'REPLAY', `message ${check.messageId.slice(0, 60)} was already delivered`);
        // Ids older than the signature tolerance can never be replayed (their timestamp is refused).
        await store.db
          .deleteFrom('hook_deliveries')
          .where('received_at', '<', new Date(Date.now() - 15 * 60_000).toISOString())
          .execute();
        let out: RecordOutcome[];
        try {
          out = await record(store, [detection], `hook:${check.hookId}`);
        } catch (err) {
          // Not stored, so the sender's retry must not be refused as a replay.
          await store.db
            .deleteFrom('hook_deliveries')
            .where('hook_id', '=', check.hookId)
            .where('message_id', '=', check.messageId)
            .execute();
          throw err;
        }
        await touchHook(store.db, check.hookId);
        return summary(out);
      },
    });
    done();
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/hooks',
    access: 'admin',
    summary: 'webhook credentials (ids and kinds; tokens and secrets are shown only when created)',
    tags: ['admin'],
    handler: async () => ({ items: await listHooks(store.db) }),
  });
  route<FastifyRequest<{ Body: { kind: HookKind; name?: string } }>>(app, {
    method: 'POST',
    url: '/api/v1/hooks',
    access: 'admin',
    summary:
      'create a webhook credential: a bearer token (alertmanager, falco) or a signing secret (generic), shown once',
    tags: ['admin'],
    schema: {
      body: {
        type: 'object',
        required: ['kind'],
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: [...HOOK_KINDS] },
          name: { type: 'string', minLength: 1, maxLength: 100 },
        },
      },
    },
    handler: async (req, reply) => {
      try {
        return reply
          .code(201)
          .send(await createHook(store, req.body.kind, req.body.name, actorOf(principalOf(req))));
      } catch (err) {
        // No server key to seal a signing secret with: the operator's to fix, and the admin's to read.
        if (err instanceof VanguardError && err.code === 'CONFIG')
          throw new HttpError(503, 'NO_SERVER_KEY', err.message);
        throw err;
      }
    },
  });
  route<FastifyRequest<{ Params: { id: string } }>>(app, {
    method: 'DELETE',
    url: '/api/v1/hooks/:id',
    access: 'admin',
    summary: 'revoke a webhook credential (it stops working at once; the record is kept)',
    tags: ['admin'],
    schema: {
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 40 } } },
    },
    handler: async (req, reply) => {
      if (!(await revokeHook(store.db, req.params.id, actorOf(principalOf(req)))))
        throw new HttpError(404, 'NOT_FOUND', `no active hook ${req.params.id}`);
      return reply.code(204).send();
    },
  });
}
