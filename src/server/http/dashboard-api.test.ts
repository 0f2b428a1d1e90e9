import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFinding, makeResult } from '../../../test/helpers/scan-result.js';
import { bearer, platform, type Platform } from '../../../test/helpers/platform.js';
import { STORE_KINDS } from '../../../test/helpers/stores.js';
import { addUser } from '../auth/accounts.js';
import { insertJob } from '../jobs/records.js';
import { SESSION_COOKIE } from './app.js';

describe.each(STORE_KINDS)('the dashboard API on %s', (kind) => {
  let p: Platform;
  let ids: Record<string, number>;
  beforeAll(async () => {
    p = await platform(kind);
    const r = await p.app.inject({
      method: 'POST',
      url: '/api/v1/reports?project=board&branch=main',
      headers: bearer(p.tokens.admin),
      payload: makeResult([
        makeFinding({ fingerprint: 'db-low', severity: 'low' }),
        makeFinding({ fingerprint: 'db-crit', severity: 'critical' }),
        makeFinding({ fingerprint: 'db-med', severity: 'medium' }),
        makeFinding({ fingerprint: 'db-high', severity: 'high' }),
      ]) as unknown as Record<string, unknown>,
    });
    expect(r.statusCode, r.body).toBe(201);
    const list = await p.app.inject({
      url: '/api/v1/findings?project=board',
      headers: bearer(p.tokens.viewer),
    });
    ids = Object.fromEntries(
      list.json<{ items: { id: number; fingerprint: string }[] }>().items.map((f) => [f.fingerprint, f.id]),
    );
  });
  afterAll(async () => p.close());

  it('lets a member comment, records the comment in the audit log, and shows it to viewers', async () => {
    const url = `/api/v1/findings/${ids['db-crit']}/comments`;
    const posted = await p.app.inject({
      method: 'POST',
      url,
      headers: bearer(p.tokens.member),
      payload: { body: '  Owner asked for a week.  ' },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({ actor: 'user:member-user', body: 'Owner asked for a week.' });
    const read = await p.app.inject({ url, headers: bearer(p.tokens.viewer) });
    expect(read.json<{ items: { body: string }[] }>().items.map((c) => c.body)).toEqual([
      'Owner asked for a week.',
    ]);
    const audit = await p.app.inject({ url: '/api/v1/audit', headers: bearer(p.tokens.admin) });
    expect(audit.json<{ items: { action: string; target: string }[] }>().items).toContainEqual(
      expect.objectContaining({ action: 'finding.comment', target: `finding:${ids['db-crit']}` }),
    );
    // A comment is not a status change: the history is untouched.
    const history = await p.app.inject({
      url: `/api/v1/findings/${ids['db-crit']}/history`,
      headers: bearer(p.tokens.viewer),
    });
    expect(history.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('refuses comments from viewers, empty or oversized comments, and comments on unknown findings', async () => {
    const url = `/api/v1/findings/${ids['db-low']}/comments`;
    const as = (token: string, payload: unknown, to = url) =>
      p.app.inject({ method: 'POST', url: to, headers: bearer(token), payload: payload as object });
    expect((await as(p.tokens.viewer, { body: 'hi' })).statusCode).toBe(403);
    expect((await as(p.tokens.member, { body: '   ' })).statusCode).toBe(400);
    expect((await as(p.tokens.member, { body: 'x'.repeat(4001) })).statusCode).toBe(400);
    expect((await as(p.tokens.member, { body: 'hi', extra: 1 })).statusCode).toBe(400);
    expect((await as(p.tokens.member, { body: 'hi' }, '/api/v1/findings/999999/comments')).statusCode).toBe(
      404,
    );
    expect(
      (await p.app.inject({ url: '/api/v1/findings/999999/comments', headers: bearer(p.tokens.viewer) }))
        .statusCode,
    ).toBe(404);
  });

  it('sorts the findings list most severe first', async () => {
    const r = await p.app.inject({
      url: '/api/v1/findings?project=board&sort=severity',
      headers: bearer(p.tokens.viewer),
    });
    expect(r.json<{ items: { severity: string }[] }>().items.map((f) => f.severity)).toEqual([
      'critical',
      'high',
      'medium',
      'low',
    ]);
    const bad = await p.app.inject({
      url: '/api/v1/findings?sort=loudest',
      headers: bearer(p.tokens.viewer),
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lists jobs newest first, filtered by status and paged, without payloads', async () => {
    const first = await insertJob(p.store.db, 'import', { secretish: 'payload' }, 'user:admin-user');
    const second = await insertJob(p.store.db, 'rematch-all', {}, 'user:admin-user');
    await p.store.db
      .updateTable('jobs')
      .set({ status: 'failed', error: 'PARSE: bad' })
      .where('id', '=', first)
      .execute();
    const all = await p.app.inject({ url: '/api/v1/jobs', headers: bearer(p.tokens.viewer) });
    expect(all.statusCode).toBe(200);
    const body = all.json<{ items: Record<string, unknown>[]; total: number }>();
    expect(body.items.map((j) => j.id).slice(0, 2)).toEqual([second, first]);
    expect(body.items[1]).toMatchObject({ kind: 'import', status: 'failed', error: 'PARSE: bad' });
    expect(JSON.stringify(body)).not.toContain('secretish');
    const failed = await p.app.inject({
      url: '/api/v1/jobs?status=failed',
      headers: bearer(p.tokens.viewer),
    });
    expect(failed.json<{ items: { id: number }[]; total: number }>()).toMatchObject({
      total: 1,
      items: [{ id: first }],
    });
    const paged = await p.app.inject({
      url: '/api/v1/jobs?limit=1&offset=1',
      headers: bearer(p.tokens.viewer),
    });
    expect(paged.json<{ items: { id: number }[] }>().items.map((j) => j.id)).toEqual([first]);
    expect((await p.app.inject({ url: '/api/v1/jobs', headers: bearer(p.tokens.reporter) })).statusCode).toBe(
      403,
    );
    expect(
      (await p.app.inject({ url: '/api/v1/jobs?status=lost', headers: bearer(p.tokens.viewer) })).statusCode,
    ).toBe(400);
  });

  it('tells the dashboard whether a session exists without failing when there is none', async () => {
    const none = await p.app.inject({ url: '/api/v1/session' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ signedIn: false });
    const { password } = await addUser(p.store.db, 'sam', 'viewer', 'test');
    const login = await p.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { name: 'sam', password },
    });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const seen = await p.app.inject({
      url: '/api/v1/session',
      cookies: { [SESSION_COOKIE]: cookie.value },
    });
    expect(seen.json()).toEqual({
      signedIn: true,
      user: 'sam',
      role: 'viewer',
      csrfToken: login.json<{ csrfToken: string }>().csrfToken,
    });
  });
});
