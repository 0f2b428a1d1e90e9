import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingDeployment, shopDeployment } from '../../../test/helpers/deployment.js';
import { bearer, platform, pushToken, type Platform } from '../../../test/helpers/platform.js';
import { makeResult } from '../../../test/helpers/scan-result.js';
import { STORE_KINDS } from '../../../test/helpers/stores.js';

interface Filed {
  id: number;
  status: string;
  project: string | null;
  findingId: number | null;
}

describe.each(STORE_KINDS)('anomaly reports, unrouted detections and routing rules on %s', (kind) => {
  let p: Platform;
  const PER_HOUR = 5;
  beforeAll(async () => {
    p = await platform(kind, { reportsPerHour: PER_HOUR });
    for (const [project, deployment] of [
      ['shop', shopDeployment()],
      ['billing', billingDeployment()],
    ] as const) {
      const token = await pushToken(p.store, project);
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/reports?branch=main',
        headers: bearer(token),
        payload: makeResult([], undefined, { deployment }),
      });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(async () => p.close());

  const file = (token: string, body: object) =>
    p.app.inject({ method: 'POST', url: '/api/v1/reports', headers: bearer(token), payload: body });
  const assign = (token: string, id: number, body: object) =>
    p.app.inject({
      method: 'POST',
      url: `/api/v1/detections/${id}/assign`,
      headers: bearer(token),
      payload: body,
    });

  it('routes a report to the project that declares the workload, as a low-confidence runtime finding', async () => {
    const r = await file(p.tokens.reporter, {
      what: 'The checkout page shows other customers’ addresses after login',
      where: 'checkout, shop-api',
      when: new Date(Date.now() - 3_600_000).toISOString(),
      severity: 'high',
      target: { namespace: 'shop', app: 'shop-api' },
    });
    expect(r.statusCode).toBe(201);
    const filed = r.json<Filed>();
    expect(filed).toMatchObject({ status: 'routed', project: 'shop' });
    const list = await p.app.inject({
      url: '/api/v1/projects/shop/findings?phase=runtime',
      headers: bearer(p.tokens.viewer),
    });
    const items = list.json<{
      items: {
        id: number;
        confidence: string;
        severity: string;
        status: string;
        location: { path: string };
      }[];
    }>().items;
    const f = items.find((i) => i.id === filed.findingId)!;
    expect(f).toMatchObject({ confidence: 'low', severity: 'high', status: 'open' });
    // The finding points the team at the declaration of the workload it was routed by.
    expect(f.location.path).toBe('deploy/k8s/api.yaml');
  });

  it('refuses bad reports with the reason and reports to unknown projects', async () => {
    for (const [body, reason] of [
      [{ what: '', where: 'x', severity: 'low' }, /what/],
      [{ what: 'x'.repeat(2001), where: 'x', severity: 'low' }, /what: longer than 2000/],
      [{ what: 'odd', where: 'x', severity: 'catastrophic' }, /severity: expected one of/],
      [{ what: 'odd', where: 'x', severity: 'low', colour: 'red' }, /colour: unknown field/],
      [{ what: 'odd', where: 'x', severity: 'low', when: 'yesterday' }, /when: not a date/],
      [{ what: 'odd', where: 'x', severity: 'low', when: '2999-01-01T00:00:00Z' }, /future/],
      [{ what: 'odd', where: 'x', severity: 'low', project: 'nope' }, /no project nope/],
      [{ what: 'odd', where: 'x', severity: 'low', target: { cluster: 'a' } }, /target.cluster: unknown key/],
    ] as const) {
      const r = await file(p.tokens.viewer, body);
      expect(r.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.json<{ error: { message: string } }>().error.message).toMatch(reason);
    }
  });

  it('keeps one endpoint for both kinds of report, each for its own senders', async () => {
    const push = await pushToken(p.store, 'shop');
    const byToken = await file(push, { what: 'odd', where: 'x', severity: 'low' });
    expect(byToken.statusCode).toBe(403);
    const scanBy = (token: string) =>
      p.app.inject({
        method: 'POST',
        url: '/api/v1/reports?project=shop',
        headers: bearer(token),
        payload: makeResult([]),
      });
    const scanByReporter = await scanBy(p.tokens.reporter);
    expect(scanByReporter.statusCode).toBe(403);
    expect(scanByReporter.json<{ error: { message: string } }>().error.message).toMatch(/member role/);
    const scanByViewer = await scanBy(p.tokens.viewer);
    expect(scanByViewer.statusCode).toBe(403);
  });

  it('lists what nobody claims; an admin assigns it and saves the mapping for later detections', async () => {
    const r = await file(p.tokens.reporter, {
      what: 'A directory listing of /backup is public',
      where: 'https://files.intra.example.net/backup/',
      severity: 'medium',
    });
    const filed = r.json<Filed>();
    expect(filed).toMatchObject({ status: 'unrouted', project: null, findingId: null });
    const waiting = await p.app.inject({
      url: '/api/v1/detections/unrouted',
      headers: bearer(p.tokens.viewer),
    });
    const item = waiting
      .json<{ items: { id: number; ruleKeys: { key: string; value: string }[]; note: string }[] }>()
      .items.find((i) => i.id === filed.id)!;
    expect(item.ruleKeys).toEqual([{ key: 'host', value: 'files.intra.example.net' }]);
    expect(item.note).toMatch(/no project declares host files\.intra\.example\.net/);

    const asMember = await assign(p.tokens.member, filed.id, { project: 'billing' });
    expect(asMember.statusCode).toBe(403);
    const noKey = await assign(p.tokens.admin, filed.id, { project: 'billing', saveRule: 'image' });
    expect(noKey.statusCode).toBe(400);
    const assigned = await assign(p.tokens.admin, filed.id, { project: 'billing', saveRule: 'host' });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({
      project: 'billing',
      rule: { key: 'host', value: 'files.intra.example.net' },
    });
    const again = await assign(p.tokens.admin, filed.id, { project: 'shop' });
    expect(again.statusCode).toBe(409);

    const later = await file(p.tokens.reporter, {
      what: 'The same listing now shows database dumps',
      where: 'http://files.intra.example.net/backup/db',
      severity: 'high',
    });
    expect(later.json<Filed>()).toMatchObject({ status: 'routed', project: 'billing' });

    const rules = await p.app.inject({ url: '/api/v1/routing-rules', headers: bearer(p.tokens.viewer) });
    const rule = rules.json<{ items: { id: number; key: string; project: string }[] }>().items[0]!;
    expect(rule).toMatchObject({ key: 'host', project: 'billing' });
    const del = await p.app.inject({
      method: 'DELETE',
      url: `/api/v1/routing-rules/${rule.id}`,
      headers: bearer(p.tokens.admin),
    });
    expect(del.statusCode).toBe(204);
    const afterDelete = await file(p.tokens.reporter, {
      what: 'Still there',
      where: 'files.intra.example.net',
      severity: 'low',
    });
    expect(afterDelete.json<Filed>().status).toBe('unrouted');

    const made = await p.app.inject({
      method: 'POST',
      url: '/api/v1/routing-rules',
      headers: bearer(p.tokens.admin),
      payload: { key: 'image', value: 'docker.io/library/nginx:1.27', project: 'shop' },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ key: 'image', value: 'nginx', project: 'shop' });
  });

  it('shows reporters what happened to their reports, and only theirs', async () => {
    const mine = await p.app.inject({ url: '/api/v1/reports/mine', headers: bearer(p.tokens.reporter) });
    expect(mine.statusCode).toBe(200);
    const items = mine.json<{
      items: {
        what: string;
        where: string;
        routing: string;
        project: string | null;
        finding: { status: string } | null;
      }[];
    }>().items;
    expect(items.length).toBe(4);
    expect(items.map((i) => i.routing)).toEqual(['unrouted', 'routed', 'routed', 'routed']);
    expect(items[3]).toMatchObject({ project: 'shop', finding: { status: 'open' } });
    expect(items[3]!.what).toMatch(/other customers/);
    expect(items[0]!.finding).toBeNull();
    const theirs = await p.app.inject({ url: '/api/v1/reports/mine', headers: bearer(p.tokens.admin) });
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('limits reports per user per hour with 429 and Retry-After, and audits them', async () => {
    const body = { what: 'Login page slow', where: 'https://login.example.org', severity: 'info' };
    for (let i = 0; i < PER_HOUR; i++) expect((await file(p.tokens.member, body)).statusCode).toBe(201);
    const over = await file(p.tokens.member, body);
    expect(over.statusCode).toBe(429);
    const wait = Number(over.headers['retry-after']);
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    // Another person is not held back by it.
    expect((await file(p.tokens.viewer, body)).statusCode).toBe(201);
    const audit = await p.app.inject({ url: '/api/v1/audit?limit=100', headers: bearer(p.tokens.admin) });
    const actions = audit.json<{ items: { action: string; actor: string }[] }>().items;
    expect(
      actions.filter((a) => a.action === 'report.create' && a.actor === 'user:member-user'),
    ).toHaveLength(PER_HOUR);
    expect(actions.some((a) => a.action === 'report.refused' && a.actor === 'user:member-user')).toBe(true);
    expect(actions.some((a) => a.action === 'detection.assign')).toBe(true);
  });
});
