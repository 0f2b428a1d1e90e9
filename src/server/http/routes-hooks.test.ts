import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingDeployment, shopDeployment } from '../../../test/helpers/deployment.js';
import { fuzzParams } from '../../../test/helpers/fuzz.js';
import { bearer, platform, pushToken, type Platform } from '../../../test/helpers/platform.js';
import { makeResult } from '../../../test/helpers/scan-result.js';
import { STORE_KINDS } from '../../../test/helpers/stores.js';
import { createHook, revokeHook } from '../operate/hooks.js';
import { sign } from '../operate/signature.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../../test/fixtures/hooks', name), 'utf8');

interface HookReply {
  received: number;
  routed: number;
  unrouted: number;
  items: {
    detection: number;
    status: string;
    project: string | null;
    finding: number | null;
    count: number;
  }[];
}

interface FindingView {
  id: number;
  status: string;
  severity: string;
  phase: string;
  introducedAt: string | null;
  fixedAt: string | null;
  message: string;
  tools: string[];
  location: { path: string; startLine: number };
}

describe.each(STORE_KINDS)('runtime webhooks on %s', (kind) => {
  let p: Platform;
  let am: string;
  let falco: string;
  let secret: string;
  beforeAll(async () => {
    p = await platform(kind);
    for (const [project, deployment] of [
      ['shop', shopDeployment()],
      ['billing', billingDeployment()],
    ] as const) {
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/reports?branch=main',
        headers: bearer(await pushToken(p.store, project)),
        payload: makeResult([], undefined, { deployment }),
      });
      expect(r.statusCode).toBe(201);
    }
    am = (await createHook(p.store, 'alertmanager', 'prod', 'test')).token!;
    falco = (await createHook(p.store, 'falco', undefined, 'test')).token!;
    secret = (await createHook(p.store, 'generic', 'scanner', 'test')).secret!;
  });
  afterAll(async () => p.close());

  const post = (kindPath: string, body: string, headers: Record<string, string>) =>
    p.app.inject({
      method: 'POST',
      url: `/api/v1/hooks/${kindPath}`,
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });
  const finding = async (id: number): Promise<FindingView> =>
    (
      await p.app.inject({ url: `/api/v1/findings/${id}`, headers: bearer(p.tokens.viewer) })
    ).json<FindingView>();

  it('Alertmanager: firing opens a runtime finding in the owning project; resolved fixes it; firing again reopens', async () => {
    const firing = fixture('alertmanager-firing.json');
    const r = await post('alertmanager', firing, bearer(am));
    expect(r.statusCode).toBe(200);
    const body = r.json<HookReply>();
    expect(body).toMatchObject({ received: 2, routed: 1, unrouted: 1 });
    const crash = body.items[0]!;
    expect(crash).toMatchObject({ status: 'routed', project: 'shop', count: 1 });
    const f = await finding(crash.finding!);
    expect(f).toMatchObject({
      status: 'open',
      severity: 'critical',
      phase: 'runtime',
      tools: ['alertmanager'],
      // startsAt: time to detect is measured from when the problem began.
      introducedAt: '2026-11-30T08:12:45.828Z',
      location: { path: 'deploy/k8s/api.yaml', startLine: 3 },
    });
    expect(f.message).toMatch(/CrashLoopBackOff/);

    // Alertmanager repeats a firing alert every repeat_interval: the same finding, counted.
    const repeat = (await post('alertmanager', firing, bearer(am))).json<HookReply>();
    expect(repeat.items[0]).toMatchObject({ finding: crash.finding, count: 2 });

    const resolved = JSON.parse(firing) as { status: string; alerts: { status: string; endsAt: string }[] };
    resolved.status = 'resolved';
    resolved.alerts[0]!.status = 'resolved';
    resolved.alerts[0]!.endsAt = '2026-11-30T09:00:00Z';
    resolved.alerts = resolved.alerts.slice(0, 1);
    expect((await post('alertmanager', JSON.stringify(resolved), bearer(am))).statusCode).toBe(200);
    expect(await finding(crash.finding!)).toMatchObject({
      status: 'fixed',
      fixedAt: '2026-11-30T09:00:00.000Z',
    });

    expect((await post('alertmanager', firing, bearer(am))).statusCode).toBe(200);
    expect((await finding(crash.finding!)).status).toBe('open');
    const hist = await p.app.inject({
      url: `/api/v1/findings/${crash.finding}/history`,
      headers: bearer(p.tokens.viewer),
    });
    expect(hist.json<{ items: { to: string }[] }>().items.map((h) => h.to)).toEqual([
      'open',
      'fixed',
      'open',
    ]);

    // The probe failure names a host nobody declares: it waits, with its raw payload, for an admin.
    const waiting = await p.app.inject({
      url: `/api/v1/detections/${body.items[1]!.detection}`,
      headers: bearer(p.tokens.viewer),
    });
    expect(waiting.json()).toMatchObject({ status: 'unrouted', severity: 'medium', source: 'alertmanager' });
    expect(waiting.json<{ payload: string }>().payload).toContain('"fingerprint":"bc97ff14869b13e3"');
  });

  it('Falco: repeats of one rule on one workload within the window are one finding, counted; later ones are a new one', async () => {
    const event = JSON.parse(fixture('falco-http-output.json')) as { time: string };
    const at = (iso: string) => JSON.stringify({ ...event, time: iso });
    // Falco's http_output sends the token in a custom header.
    const header = { 'x-vanguard-token': falco };
    const first = (await post('falco', at('2026-11-30T08:31:56.746609046Z'), header)).json<HookReply>();
    expect(first.items[0]).toMatchObject({ status: 'routed', project: 'shop', count: 1 });
    await post('falco', at('2026-11-30T08:45:00Z'), header);
    const third = (await post('falco', at('2026-11-30T09:20:00Z'), header)).json<HookReply>();
    expect(third.items[0]).toMatchObject({ finding: first.items[0]!.finding, count: 3 });
    const f = await finding(first.items[0]!.finding!);
    expect(f).toMatchObject({ severity: 'medium', introducedAt: '2026-11-30T08:31:56.746Z' });
    expect(f.message).toMatch(/Seen 3 times/);
    // More than an hour after the last one: a new incident.
    const later = (await post('falco', at('2026-11-30T11:00:00Z'), header)).json<HookReply>();
    expect(later.items[0]!.finding).not.toBe(first.items[0]!.finding);
    expect(later.items[0]!.count).toBe(1);
  });

  it("Falco via falcosidekick: the most specific match wins (image and name beat another team's same-named worker)", async () => {
    const r = await post('falco', fixture('falcosidekick-webhook.json'), bearer(falco));
    expect(r.statusCode).toBe(200);
    const item = r.json<HookReply>().items[0]!;
    expect(item).toMatchObject({ status: 'routed', project: 'shop' });
    const f = await finding(item.finding!);
    expect(f).toMatchObject({
      severity: 'critical',
      location: { path: 'docker-compose.yml', startLine: 12 },
    });
  });

  const signed = (body: string, opts: { id?: string; ts?: number; key?: string } = {}) => {
    const id = opts.id ?? `msg_${Math.random().toString(36).slice(2)}`;
    const ts = opts.ts ?? Math.floor(Date.now() / 1000);
    return post('generic', body, {
      'webhook-id': id,
      'webhook-timestamp': String(ts),
      'webhook-signature': sign(opts.key ?? secret, id, ts, body),
    });
  };

  it('generic: a signed detection is routed; replays, stale timestamps, bad signatures and tokens are refused', async () => {
    const body = JSON.stringify({
      title: 'Outbound connection to a known mining pool',
      severity: 'high',
      occurredAt: '2026-11-30T10:00:00Z',
      tool: 'netwatch',
      key: 'mining-pool-worker',
      target: { image: 'registry.example.com/shop/worker:2.0.0' },
    });
    const r = await signed(body, { id: 'msg_2Lq5' });
    expect(r.statusCode).toBe(200);
    expect(r.json<HookReply>().items[0]).toMatchObject({ status: 'routed', project: 'shop' });
    const replay = await signed(body, { id: 'msg_2Lq5' });
    expect(replay.statusCode).toBe(409);
    const stale = await signed(body, { ts: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json<{ error: { message: string } }>().error.message).toMatch(/5 minutes/);
    const forged = await signed(body, { key: `whsec_${Buffer.alloc(32, 7).toString('base64')}` });
    expect(forged.statusCode).toBe(401);
    const tampered = await post('generic', body.replace('high', 'low'), {
      'webhook-id': 'msg_x',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': sign(secret, 'msg_x', Math.floor(Date.now() / 1000), body),
    });
    expect(tampered.statusCode).toBe(401);
    expect((await post('generic', body, bearer(p.tokens.admin))).statusCode).toBe(403);
    const typo = await signed(
      JSON.stringify({ title: 'x', severity: 'low', occurredAt: '2026-11-30T10:00:00Z', sevrity: 'x' }),
    );
    expect(typo.statusCode).toBe(400);
    expect(typo.json<{ error: { message: string } }>().error.message).toMatch(/sevrity: unknown field/);
    // The same key, resolved: the finding is fixed.
    const done = await signed(JSON.stringify({ ...(JSON.parse(body) as object), resolved: true }));
    const item = done.json<HookReply>().items[0]!;
    expect((await finding(item.finding!)).status).toBe('fixed');
  });

  it('hook tokens open only their own hook, and stop at once when revoked', async () => {
    const firing = fixture('alertmanager-firing.json');
    expect((await post('alertmanager', firing, {})).statusCode).toBe(401);
    expect((await post('alertmanager', firing, bearer(falco))).statusCode).toBe(403);
    expect((await post('falco', fixture('falco-http-output.json'), bearer(p.tokens.admin))).statusCode).toBe(
      403,
    );
    const scan = await p.app.inject({
      method: 'POST',
      url: '/api/v1/reports?project=shop',
      headers: bearer(am),
      payload: makeResult([]),
    });
    expect(scan.statusCode).toBe(403);
    const temp = await createHook(p.store, 'alertmanager', 'temp', 'test');
    expect((await post('alertmanager', firing, bearer(temp.token!))).statusCode).toBe(200);
    expect(await revokeHook(p.store.db, temp.id, 'test')).toBe(true);
    expect((await post('alertmanager', firing, bearer(temp.token!))).statusCode).toBe(401);
  });

  it('refuses bad payloads with the reason (400) and oversized ones (413)', async () => {
    for (const [path, body, reason] of [
      ['alertmanager', '{"version":"3","alerts":[]}', /version: expected "4"/],
      ['alertmanager', '{"version":"4","alerts":{}}', /alerts: expected an array/],
      ['alertmanager', '{"version":"4","alerts":[{"status":"firing","labels":{}}]}', /startsAt: missing/],
      [
        'alertmanager',
        '{"version":"4","alerts":[{"status":"burning","startsAt":"2026-01-01T00:00:00Z"}]}',
        /status: expected one of/,
      ],
      ['alertmanager', '{"version":"4","alerts":[', /not JSON/],
      ['alertmanager', '[]', /must be a JSON object/],
      [
        'falco',
        '{"rule":"r","priority":"Loud","time":"2026-01-01T00:00:00Z","output":"x"}',
        /priority: expected one of/,
      ],
      ['falco', '{"rule":"r","priority":"Warning","output":"x"}', /time: missing/],
      ['falco', '{"rule":"r","priority":"Warning","time":"soon","output":"x"}', /time: not a date/],
    ] as const) {
      const r = await post(path, body, bearer(path === 'falco' ? falco : am));
      expect(r.statusCode, body).toBe(400);
      expect(r.json<{ error: { message: string } }>().error.message).toMatch(reason);
    }
    // NUL characters (which PostgreSQL text cannot hold) are dropped, not a 500.
    const nul = await post(
      'falco',
      '{"rule":"Shell\\u0000 spawned","priority":"Notice","time":"2026-11-30T08:00:00Z","output":"a\\u0000b","output_fields":{"k8s.ns.name":"sh\\u0000op"}}',
      bearer(falco),
    );
    expect(nul.statusCode).toBe(200);
    const huge = await post('falco', `{"rule":"${'a'.repeat(5 * 1024 * 1024)}"}`, bearer(falco));
    expect(huge.statusCode).toBe(413);
  });

  it('never answers 500 to arbitrary JSON (fuzzed)', async () => {
    const json = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v));
    const shaped = fc
      .record({
        version: fc.constantFrom('4', 4, null),
        alerts: fc.array(
          fc.dictionary(
            fc.constantFrom('status', 'labels', 'startsAt', 'endsAt', 'fingerprint', 'annotations'),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          { maxLength: 3 },
        ),
        rule: fc.string(),
        priority: fc.constantFrom('Warning', 'Critical', 'x'),
        time: fc.constantFrom('2026-11-30T08:00:00Z', 'x', ''),
        output_fields: fc.jsonValue({ maxDepth: 2 }),
      })
      .map((v) => JSON.stringify(v));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(json, shaped),
        fc.constantFrom('alertmanager', 'falco', 'generic'),
        async (body, path) => {
          const r =
            path === 'generic'
              ? await signed(body)
              : await post(path, body, bearer(path === 'falco' ? falco : am));
          expect([200, 400]).toContain(r.statusCode);
        },
      ),
      fuzzParams(`hooks-${kind}`, 60),
    );
  });
});
