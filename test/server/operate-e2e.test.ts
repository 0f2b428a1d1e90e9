import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsResponse } from '../../src/server/metrics/types.js';
import { runCli, runCliAsync } from '../helpers/cli.js';
import { hasOpenssl, makeCert } from '../helpers/certs.js';
import { billingDeployment } from '../helpers/deployment.js';
import { badHandler, httpService, httpsService, type TestService } from '../helpers/probe-servers.js';
import { makeResult } from '../helpers/scan-result.js';
import { serveOnFreshStore, type ServeProcess } from '../helpers/serve-process.js';
import { STORE_KINDS } from '../helpers/stores.js';

/**
 * Issue #16's "done when", end to end through the built CLI and a real `vanguard serve`: an
 * Alertmanager alert, a Falco event, a colleague's anomaly report and a `vanguard probe --push`
 * each become a finding in the queue of the project whose scan declared the workload (read through
 * the API the dashboard reads), are counted in the metrics, a resolved alert closes its finding,
 * and an open port that neither the IaC nor the threat model declares is reported.
 */

interface Finding {
  id: number;
  project: string;
  ruleId: string;
  tools: string[];
  status: string;
  phase: string;
  confidence: string;
  location: { path: string };
}

const services: TestService[] = [];
const listeners: Server[] = [];
let work: string;

/** A TCP port that accepts connections (and says nothing). */
async function openPort(): Promise<number> {
  const s = createServer((socket) => socket.end());
  listeners.push(s);
  return new Promise((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
}

/** A project as a team keeps it: Kubernetes and Compose manifests and a threat model, each declaring ports. */
function writeProject(dir: string, ports: { k8s: number; model: number }): void {
  mkdirSync(join(dir, 'deploy', 'k8s'), { recursive: true });
  writeFileSync(join(dir, 'vanguard.yaml'), 'version: 1\n');
  writeFileSync(
    join(dir, 'deploy', 'k8s', 'api.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-api
  namespace: shop
  labels: { app.kubernetes.io/name: shop-api }
spec:
  selector: { matchLabels: { app.kubernetes.io/name: shop-api } }
  template:
    metadata:
      labels: { app.kubernetes.io/name: shop-api }
    spec:
      containers:
        - name: api
          image: registry.example.com/shop/api:1.4.2
          ports: [{ containerPort: ${ports.k8s} }]
`,
  );
  writeFileSync(
    join(dir, 'docker-compose.yml'),
    'services:\n  worker:\n    image: registry.example.com/shop/worker:2.0.0\n',
  );
  writeFileSync(
    join(dir, 'threatmodel.yaml'),
    `version: 1
title: shop
assets:
  - { id: shop-api, kind: api }
  - { id: ops-console, kind: service, admin: true }
flows:
  - { id: console, from: shop-api, to: ops-console, protocol: http, port: ${ports.model}, authentication: password }
`,
  );
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'vg-operate-e2e-'));
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await Promise.all(listeners.map((s) => new Promise<void>((r) => s.close(() => r()))));
  rmSync(work, { recursive: true, force: true });
});

describe.each(STORE_KINDS)('operate → feedback, end to end (%s)', (kind) => {
  let server: ServeProcess;
  let env: Record<string, string>;
  let storeArgs: string[];
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ server, env, storeArgs, stop } = await serveOnFreshStore(kind));
  });
  afterAll(async () => stop());

  const admin = <T>(...args: string[]): T => {
    const r = runCli(['admin', ...args, '--json', ...storeArgs], { env });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  const api = async <T>(
    path: string,
    token: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  it(
    'turns alerts, runtime events, a colleague’s report and a probe into findings of the owning project, counted and closed',
    { timeout: 600_000 },
    async () => {
      const shopPush = admin<{ token: string }>('token', 'create', '--project', 'shop').token;
      const billingPush = admin<{ token: string }>('token', 'create', '--project', 'billing').token;
      const reporter = admin<{ token: string }>('user', 'add', 'pat', '--role', 'reporter').token;
      const lead = admin<{ token: string }>('user', 'add', 'lead', '--role', 'viewer').token;
      const am = admin<{ token: string }>('hook', 'create', 'alertmanager').token;
      const falco = admin<{ token: string }>('hook', 'create', 'falco').token;

      // Declared: the k8s containerPort and the threat model's flow port are open and expected; one more is not.
      const k8sPort = await openPort();
      const modelPort = await openPort();
      const strayPort = await openPort();
      const project = join(work, `shop-${kind}`);
      writeProject(project, { k8s: k8sPort, model: modelPort });

      // 1. The team's pipeline scans and pushes: the deployment (workloads, images, assets, ports) is stored.
      const scan = runCli(
        ['scan', project, '--push', '--server', server.url, '--token', shopPush, '--branch', 'main'],
        { cwd: project },
      );
      expect(scan.stderr).toMatch(/accepted by shop \(main\)/);
      // Another team's deployment, so routing has a wrong project to choose.
      const other = await api('/api/v1/reports?branch=main', billingPush, {
        method: 'POST',
        body: JSON.stringify(makeResult([], undefined, { deployment: billingDeployment() })),
      });
      expect(other.status).toBe(201);

      // 2. Alertmanager: a crash-looping pod of shop-api, and an alert about a host nobody declares.
      const started = new Date(Date.now() - 2 * 3_600_000).toISOString();
      const alert = JSON.parse(
        readFileSync(join(import.meta.dirname, '../fixtures/hooks/alertmanager-firing.json'), 'utf8'),
      ) as { status: string; alerts: { status: string; startsAt: string; endsAt: string }[] };
      alert.alerts[0]!.startsAt = started;
      const firing = await api<{ routed: number; unrouted: number; items: { finding: number | null }[] }>(
        '/api/v1/hooks/alertmanager',
        am,
        { method: 'POST', body: JSON.stringify(alert) },
      );
      expect(firing.status).toBe(200);
      expect(firing.body).toMatchObject({ routed: 1, unrouted: 1 });
      const alertFinding = firing.body.items[0]!.finding!;

      // 3. Falco (through falcosidekick): a shell read /etc/shadow in the Compose worker's container.
      const event = readFileSync(
        join(import.meta.dirname, '../fixtures/hooks/falcosidekick-webhook.json'),
        'utf8',
      );
      const falcoSent = await api<{ routed: number }>('/api/v1/hooks/falco', falco, {
        method: 'POST',
        body: event.replace('2026-11-30T09:02:11.120000000Z', new Date().toISOString()),
      });
      expect(falcoSent.status).toBe(200);
      expect(falcoSent.body).toMatchObject({ routed: 1 });

      // 4. A colleague with only the reporter role files what they saw.
      const filed = await api<{ status: string; project: string; findingId: number }>(
        '/api/v1/reports',
        reporter,
        {
          method: 'POST',
          body: JSON.stringify({
            what: 'The order confirmation page shows another customer’s address',
            where: 'shop checkout',
            severity: 'high',
            target: { namespace: 'shop', app: 'shop-api' },
          }),
        },
      );
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ status: 'routed', project: 'shop' });

      // 5. Ops probes the running service (plain HTTP, and HTTPS with a self-signed certificate
      //    expiring soon) and its host's ports, against the project's declarations, and pushes.
      const web = await httpService(badHandler);
      services.push(web);
      const urls = [web.url];
      const ports = [k8sPort, modelPort, strayPort, web.port];
      if (hasOpenssl()) {
        const tls = await httpsService(makeCert({ names: ['127.0.0.1'], days: 10 }), badHandler);
        services.push(tls);
        urls.push(tls.url);
        ports.push(tls.port);
      }
      const probe = await runCliAsync(
        [
          'probe',
          ...urls,
          '--ports',
          ports.join(','),
          '--config',
          join(project, 'vanguard.yaml'),
          '--phase',
          'runtime',
          '--push',
          '--server',
          server.url,
          '--token',
          shopPush,
          '--branch',
          'main',
        ],
        project,
      );
      expect(probe.stderr).toMatch(/accepted by shop \(main\)/);

      // Each is a finding in shop's runtime queue, as the dashboard's findings page reads it.
      const list = await api<{ items: Finding[]; total: number }>(
        '/api/v1/findings?project=shop&phase=runtime&limit=500',
        lead,
      );
      expect(list.status).toBe(200);
      const runtime = list.body.items;
      expect(runtime.every((f) => f.project === 'shop' && f.phase === 'runtime')).toBe(true);
      const byTool = (tool: string) => runtime.filter((f) => f.tools.includes(tool));
      expect(byTool('alertmanager').map((f) => [f.ruleId, f.status])).toEqual([
        ['runtime/alertmanager/KubePodCrashLooping', 'open'],
      ]);
      expect(byTool('falco').map((f) => f.ruleId)).toEqual(['runtime/falco/Read-sensitive-file-untrusted']);
      expect(byTool('report').map((f) => [f.ruleId, f.confidence])).toEqual([
        ['runtime/anomaly-report', 'low'],
      ]);
      const undeclared = runtime.filter((f) => f.ruleId === 'probe/port-undeclared');
      // Only the port nothing declares: the k8s containerPort and the threat model's flow port are expected.
      expect(undeclared.map((f) => f.location.path)).toEqual([`tcp://127.0.0.1:${strayPort}`]);
      const probeRules = new Set(runtime.filter((f) => f.ruleId.startsWith('probe/')).map((f) => f.ruleId));
      expect(probeRules).toContain('probe/cors-reflects-origin');
      if (urls.length > 1) expect(probeRules).toContain('probe/tls-self-signed');
      // Nothing of it landed with the other team.
      const billing = await api<{ items: Finding[] }>('/api/v1/findings?project=billing&phase=runtime', lead);
      expect(billing.body.items).toEqual([]);

      // Counted in the metrics: every runtime finding in the phase share and the escape rate.
      const metrics = async (q: string) => (await api<MetricsResponse>(`/api/v1/metrics?${q}`, lead)).body;
      const shop = await metrics('project=shop');
      const runtimeShare = shop.phases.items.find((p) => p.phase === 'runtime')!;
      expect(runtimeShare.count).toBe(list.body.total);
      expect(shop.escapeRate.runtime).toBe(list.body.total);
      expect(shop.escapeRate.total).toBeGreaterThan(list.body.total); // the scan's own findings count too
      const before = await metrics('project=shop&phase=runtime');
      expect(before.totals).toMatchObject({ detected: list.body.total, open: list.body.total });
      // Time to detect is measured from when the alert says the problem began.
      expect(before.mttd.overall.count).toBeGreaterThanOrEqual(1);

      // The alert resolves: its finding is fixed, and the metrics see one fewer open and one remediated.
      alert.status = 'resolved';
      alert.alerts = alert.alerts.slice(0, 1);
      alert.alerts[0]!.status = 'resolved';
      alert.alerts[0]!.endsAt = new Date().toISOString();
      expect(
        (await api('/api/v1/hooks/alertmanager', am, { method: 'POST', body: JSON.stringify(alert) })).status,
      ).toBe(200);
      const closed = await api<Finding>(`/api/v1/findings/${alertFinding}`, lead);
      expect(closed.body.status).toBe('fixed');
      const after = await metrics('project=shop&phase=runtime');
      expect(after.totals.open).toBe(before.totals.open - 1);
      expect(after.mttr.overall.count).toBe(1);

      // The reporter sees what became of the report.
      const mine = await api<{ items: { project: string | null; finding: { status: string } | null }[] }>(
        '/api/v1/reports/mine',
        reporter,
      );
      expect(mine.body.items).toMatchObject([{ project: 'shop', finding: { status: 'open' } }]);
      // And the dashboard itself is served by the same process.
      const page = await fetch(`${server.url}/findings`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
    },
  );
});
