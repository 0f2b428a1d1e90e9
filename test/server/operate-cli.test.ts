import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../src/server/operate/signature.js';
import { openStore, type Store, type StoreOptions } from '../../src/server/store/open.js';
import { runCli } from '../helpers/cli.js';
import { shopDeployment } from '../helpers/deployment.js';
import { makeResult } from '../helpers/scan-result.js';
import { serveOnFreshStore, type ServeProcess } from '../helpers/serve-process.js';
import { STORE_KINDS } from '../helpers/stores.js';

interface Created {
  id: string;
  kind: string;
  token: string | null;
  secret: string | null;
}

describe.each(STORE_KINDS)('vanguard admin hook and the webhooks of vanguard serve (%s)', (kind) => {
  let env: Record<string, string>;
  let storeArgs: string[];
  let server: ServeProcess;
  let stop: () => Promise<void>;
  let storeOpts: StoreOptions;
  beforeAll(async () => {
    ({ server, env, storeArgs, stop, storeOptions: storeOpts } = await serveOnFreshStore(kind));
  });
  afterAll(async () => stop());

  const admin = (...args: string[]) => runCli(['admin', ...args, ...storeArgs], { env });

  it(
    'creates hook credentials shown once and stored only as what verification needs',
    { timeout: 300_000 },
    async () => {
      const made = (['alertmanager', 'falco', 'generic'] as const).map((k) => {
        const r = admin('hook', 'create', k, '--name', `${k} in prod`, '--json');
        expect(r.code, r.stderr).toBe(0);
        return JSON.parse(r.stdout) as Created;
      });
      expect(made[0]).toMatchObject({ kind: 'alertmanager', secret: null });
      expect(made[0]!.token).toMatch(/^vgh_[A-Za-z0-9]{36}$/);
      expect(made[0]!.token!.startsWith(made[0]!.id)).toBe(true);
      expect(made[2]).toMatchObject({ kind: 'generic', token: null });
      expect(made[2]!.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(admin('hook', 'create', 'nagios').code).toBe(2);

      const store: Store = await openStore(storeOpts);
      try {
        const rows = await store.db.selectFrom('hooks').selectAll().execute();
        const dump = JSON.stringify(rows);
        // Bearer tokens are kept only as scrypt hashes; the HMAC key, which verifying needs, only sealed
        // with the server key (VANGUARD_SECRET_KEY on PostgreSQL, secret.key in the SQLite folder).
        for (const h of made.slice(0, 2)) expect(dump).not.toContain(h.token!);
        expect(rows.find((r) => r.kind === 'falco')!.token_hash).toMatch(/^scrypt\$/);
        expect(dump).not.toContain(made[2]!.secret!.slice('whsec_'.length));
        expect(rows.find((r) => r.kind === 'generic')!.signing_key_sealed).toMatch(/^v1\.[0-9a-f]{16}\./);
      } finally {
        await store.close();
      }

      // End to end over HTTP: a project's push declares its deployment, then Alertmanager and a signed sender report.
      const push = JSON.parse(admin('token', 'create', '--project', 'shop', '--json').stdout) as {
        token: string;
      };
      const pushed = await fetch(`${server.url}/api/v1/reports?branch=main`, {
        method: 'POST',
        headers: { authorization: `Bearer ${push.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(makeResult([], undefined, { deployment: shopDeployment() })),
      });
      expect(pushed.status).toBe(201);
      const alert = readFileSync(
        join(import.meta.dirname, '../fixtures/hooks/alertmanager-firing.json'),
        'utf8',
      );
      const am = await fetch(`${server.url}/api/v1/hooks/alertmanager`, {
        method: 'POST',
        headers: { authorization: `Bearer ${made[0]!.token}`, 'content-type': 'application/json' },
        body: alert,
      });
      expect(am.status).toBe(200);
      expect(await am.json()).toMatchObject({ routed: 1, unrouted: 1 });
      const body = JSON.stringify({
        title: 'Canary token used',
        severity: 'critical',
        occurredAt: new Date().toISOString(),
        project: 'shop',
      });
      const ts = Math.floor(Date.now() / 1000);
      const generic = await fetch(`${server.url}/api/v1/hooks/generic`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': 'msg_cli_1',
          'webhook-timestamp': String(ts),
          'webhook-signature': sign(made[2]!.secret!, 'msg_cli_1', ts, body),
        },
        body,
      });
      expect(generic.status).toBe(200);
      expect(await generic.json()).toMatchObject({ routed: 1 });

      const listed = JSON.parse(admin('hook', 'list', '--json').stdout) as {
        items: { id: string; lastUsedAt: string | null }[];
      };
      expect(listed.items).toHaveLength(3);
      expect(listed.items.find((h) => h.id === made[0]!.id)!.lastUsedAt).not.toBeNull();
      expect(admin('hook', 'revoke', made[0]!.id).code).toBe(0);
      expect(admin('hook', 'revoke', made[0]!.id).code).not.toBe(0);
      const refused = await fetch(`${server.url}/api/v1/hooks/alertmanager`, {
        method: 'POST',
        headers: { authorization: `Bearer ${made[0]!.token}`, 'content-type': 'application/json' },
        body: alert,
      });
      expect(refused.status).toBe(401);
    },
  );
});
