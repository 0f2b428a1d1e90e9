import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import type { ScanResult } from '../src/core/result.js';
import { runProbe } from '../src/probe/run-probe.js';
import { PROBE_RULES } from '../src/probe/rules.js';
import { hasOpenssl, makeCa, makeCert, type TestCert } from './helpers/certs.js';
import {
  badHandler,
  goodHandler,
  httpService,
  httpsService,
  secureApp,
  type TestService,
} from './helpers/probe-servers.js';

/**
 * Every probe rule against services started here on 127.0.0.1: a bad example that must fire it and
 * a good example that must not. Certificates are made at run time with the openssl CLI.
 */
const HAVE_OPENSSL = hasOpenssl();
const services: TestService[] = [];
let ca: TestCert;
let bad: TestService;
let good: TestService;
let upgrade: TestService;
let legacy: TestService;
let expiring: TestService;
let selfSigned: TestService;
let mismatch: TestService;
let untrusted: TestService;
let badResult: ScanResult;
let goodResult: ScanResult;

async function start(s: Promise<TestService>): Promise<TestService> {
  const service = await s;
  services.push(service);
  return service;
}

const ids = (r: ScanResult): string[] => [...new Set(r.findings.map((f) => f.ruleId))].sort();
const at = (r: ScanResult, ruleId: string): Finding[] => r.findings.filter((f) => f.ruleId === ruleId);

beforeAll(async () => {
  if (!HAVE_OPENSSL) return;
  ca = makeCa();
  const trusted = makeCert({ names: ['127.0.0.1', 'localhost'], days: 365, ca });
  bad = await start(httpService(badHandler));
  good = await start(httpsService(trusted, goodHandler));
  upgrade = await start(
    httpService((req, res) => {
      res.writeHead(301, { location: `https://127.0.0.1:${good.port}${req.url ?? '/'}` });
      res.end();
    }),
  );
  // The HTTPS bad examples of HSTS ride on two of the TLS servers: none at all, and one of a minute.
  legacy = await start(httpsService(trusted, secureApp({ 'strict-transport-security': undefined }), 'TLSv1'));
  expiring = await start(
    httpsService(
      makeCert({ names: ['127.0.0.1'], days: 10, ca }),
      secureApp({ 'strict-transport-security': 'max-age=60' }),
    ),
  );
  // …and the bad example of a bypassable CSP on the self-signed one.
  selfSigned = await start(
    httpsService(
      makeCert({ names: ['127.0.0.1'], days: 365 }),
      secureApp({
        'content-security-policy': "default-src *; script-src 'self' 'unsafe-inline' data:",
        'x-frame-options': 'DENY',
      }),
    ),
  );
  mismatch = await start(httpsService(makeCert({ names: ['other.example'], days: 365, ca }), goodHandler));
  untrusted = await start(
    httpsService(makeCert({ names: ['127.0.0.1'], days: 365, ca: makeCa('Unknown CA') }), goodHandler),
  );
  const common = { ca: ca.cert, timeoutMs: 3000 };
  badResult = await runProbe({
    ...common,
    urls: [
      bad.url,
      `${bad.url}files/`,
      legacy.url,
      expiring.url,
      selfSigned.url,
      mismatch.url,
      untrusted.url,
    ],
  });
  goodResult = await runProbe({ ...common, urls: [good.url, upgrade.url] });
}, 120_000);

afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
});

describe.skipIf(!HAVE_OPENSSL)('vanguard probe against services on 127.0.0.1', () => {
  it('fires every rule but the port rule on the bad services, and none on the good ones', () => {
    const http = PROBE_RULES.map((r) => r.id).filter(
      (id) => id !== 'probe/port-undeclared' && id !== 'probe/tls-certificate-expired',
    );
    expect(ids(badResult)).toEqual([...http].sort());
    expect(goodResult.findings).toEqual([]);
    expect(goodResult.status).toBe('complete');
    expect(badResult.status).toBe('complete');
    for (const f of badResult.findings) {
      expect(f.analyzer).toBe('probe');
      expect(f.phase).toBe('test');
      expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('reports the headers of a plain-HTTP page where they are missing', () => {
    const place = `http://127.0.0.1:${bad.port}/`;
    for (const rule of [
      'probe/csp-missing',
      'probe/content-type-options-missing',
      'probe/frame-protection-missing',
      'probe/referrer-policy-weak',
      'probe/http-without-https-redirect',
      'probe/cors-reflects-origin',
    ])
      expect(at(badResult, rule).map((f) => f.location.path)).toContain(place);
    // HSTS is an HTTPS header: a plain-HTTP page is reported for not redirecting instead.
    expect(at(badResult, 'probe/hsts-missing').map((f) => f.location.path)).toEqual([
      `https://127.0.0.1:${legacy.port}/`,
    ]);
    expect(at(badResult, 'probe/hsts-weak').map((f) => f.message)).toEqual([
      'Strict-Transport-Security max-age is 60 seconds (less than 180 days).',
    ]);
    expect(at(badResult, 'probe/csp-weak').map((f) => f.message.replace(/^.*is weak: /, ''))).toEqual([
      "'unsafe-inline' in script-src without a nonce or hash.",
      'script-src allows data: URLs.',
      'object-src allows any host (*).',
      'no base-uri, so an injected <base> redirects relative scripts.',
    ]);
    expect(at(badResult, 'probe/version-disclosure').map((f) => f.location.snippet)).toEqual([
      'server: nginx/1.18.0',
      'x-powered-by: PHP/7.4.3',
    ]);
  });

  it('names the cookie and the missing attributes, never its value', () => {
    const [cookie, ...more] = at(badResult, 'probe/cookie-flags');
    expect(more).toEqual([]);
    expect(cookie!.message).toBe('Cookie session is set without Secure, HttpOnly, SameSite.');
    expect(cookie!.cwe).toEqual([614, 1004, 1275]);
    expect(JSON.stringify(cookie)).not.toContain('abc123');
  });

  it('confirms exposed endpoints by their content, and never quotes an .env file', () => {
    const paths = at(badResult, 'probe/exposed-endpoint')
      .map((f) => f.location.path.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''))
      .sort();
    expect(paths).toEqual(
      [
        '/.env',
        '/.git/HEAD',
        '/actuator/env',
        '/console',
        '/debug/pprof/',
        '/metrics',
        '/phpinfo.php',
        '/server-info',
        '/server-status',
      ].sort(),
    );
    expect(JSON.stringify(badResult)).not.toContain('NOT-A-REAL-PASSWORD');
    expect(
      at(badResult, 'probe/exposed-endpoint').find((f) => f.location.path.endsWith('/console'))!.severity,
    ).toBe('critical');
    // The good app answers 200 with its page for every one of those paths: no finding.
    expect(good.requests).toEqual(expect.arrayContaining(['/.git/HEAD', '/.env', '/console']));
    expect(at(badResult, 'probe/directory-listing').map((f) => f.location.path)).toEqual([
      `http://127.0.0.1:${bad.port}/files/`,
    ]);
  });

  it('completes a real TLS 1.0 and 1.1 handshake with a server that still accepts them', () => {
    const legacyOrigin = `https://127.0.0.1:${legacy.port}`;
    expect(at(badResult, 'probe/tls-legacy-protocol').map((f) => f.message)).toEqual([
      `${legacyOrigin} completes a TLS 1 handshake.`,
      `${legacyOrigin} completes a TLS 1.1 handshake.`,
    ]);
    const tls = badResult.probe!.tls.find((t) => t.origin === legacyOrigin)!;
    expect(tls.protocols).toEqual({ TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true });
    const goodTls = goodResult.probe!.tls.find((t) => t.origin === `https://127.0.0.1:${good.port}`)!;
    expect(goodTls.protocols).toEqual({ TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    expect(goodTls.certificate).toMatchObject({
      subject: '127.0.0.1',
      issuer: 'Vanguard Test CA',
      trusted: true,
    });
  });

  it('tells each certificate problem apart, on its own server', () => {
    const where = (rule: string) => at(badResult, rule).map((f) => f.location.path);
    expect(where('probe/tls-certificate-expiring')).toEqual([`https://127.0.0.1:${expiring.port}`]);
    expect(at(badResult, 'probe/tls-certificate-expiring')[0]!.message).toMatch(/in (9|10) days\.$/);
    expect(where('probe/tls-self-signed')).toEqual([`https://127.0.0.1:${selfSigned.port}`]);
    expect(where('probe/tls-hostname-mismatch')).toEqual([`https://127.0.0.1:${mismatch.port}`]);
    expect(where('probe/tls-untrusted-chain')).toEqual([`https://127.0.0.1:${untrusted.port}`]);
  });

  it('reports an expired certificate by the clock it is given', async () => {
    const later = await runProbe({
      urls: [good.url],
      ca: ca.cert,
      now: new Date(Date.now() + 400 * 86_400_000),
      maxRequests: 20,
    });
    expect(at(later, 'probe/tls-certificate-expired').map((f) => f.location.path)).toEqual([
      `https://127.0.0.1:${good.port}`,
    ]);
  });

  it('follows a redirect on the same host, and never to another host unless told', async () => {
    expect(goodResult.probe!.targets[1]).toMatchObject({
      url: upgrade.url,
      finalUrl: good.url,
      status: 200,
    });
    const other = await start(httpService((_req, res) => res.end('other host')));
    const away = await start(
      httpService((_req, res) => {
        res.writeHead(302, { location: `http://localhost:${other.port}/landing` });
        res.end();
      }),
    );
    const r = await runProbe({ urls: [away.url], timeoutMs: 3000 });
    expect(r.probe!.targets[0]).toMatchObject({
      status: 302,
      redirectNotFollowed: `http://localhost:${other.port}/landing`,
    });
    expect(r.warnings.map((w) => w.code)).toContain('probe-redirect-not-followed');
    expect(other.requests).toEqual([]);
    const followed = await runProbe({ urls: [away.url], timeoutMs: 3000, followOtherHosts: true });
    expect(followed.probe!.targets[0]!.finalUrl).toBe(`http://localhost:${other.port}/landing`);
    expect(other.requests).toEqual(['/landing']);
  });

  it('stops at the request budget and says so, as a partial result', async () => {
    const r = await runProbe({ urls: [bad.url], maxRequests: 3 });
    expect(r.probe!.requests).toEqual({ used: 3, budget: 3 });
    expect(r.status).toBe('partial');
    expect(r.analyzers[0]!.errors.filter((e) => e.code === 'BUDGET')).toHaveLength(1);
  });
});

describe('vanguard probe: ports and unreachable services', () => {
  let open: Server;
  let openPort: number;
  let closedPort: number;

  beforeAll(async () => {
    const listenOn = (s: Server) =>
      new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
    open = createServer((socket) => socket.end());
    openPort = await listenOn(open);
    const gone = createServer();
    closedPort = await listenOn(gone);
    await new Promise<void>((r) => gone.close(() => r()));
  });
  afterAll(() => new Promise<void>((r) => open.close(() => r())));

  it('reports an open port that the project does not declare, and not one it declares', async () => {
    const web = await start(httpService(goodHandler));
    const deployment = (ports: number[]) => ({
      root: '/project',
      deployment: {
        workloads: [
          {
            kind: 'dockerfile',
            name: 'Dockerfile',
            labels: {},
            images: [],
            ports: ports.map((port) => ({ port, protocol: 'tcp' as const })),
            path: 'Dockerfile',
            line: 1,
          },
        ],
        assets: [],
      },
    });
    const ports = [openPort, closedPort, web.port];
    const undeclared = await runProbe({ urls: [web.url], ports, project: deployment([]) });
    expect(at(undeclared, 'probe/port-undeclared').map((f) => f.location.path)).toEqual([
      `tcp://127.0.0.1:${openPort}`,
    ]);
    expect(undeclared.probe!.ports).toEqual([
      {
        host: '127.0.0.1',
        address: '127.0.0.1',
        scanned: 3,
        open: [openPort, web.port].sort((a, b) => a - b),
        expected: [web.port],
      },
    ]);
    const declared = await runProbe({ urls: [web.url], ports, project: deployment([openPort]) });
    expect(at(declared, 'probe/port-undeclared')).toEqual([]);
    const unjudged = await runProbe({ urls: [web.url], ports });
    expect(at(unjudged, 'probe/port-undeclared')).toEqual([]);
    expect(unjudged.warnings.map((w) => w.code)).toContain('probe-no-project');
  });

  it('records a service that does not answer as a failed probe, not as a clean one', async () => {
    const r = await runProbe({ urls: [`http://127.0.0.1:${closedPort}/`], timeoutMs: 2000 });
    expect(r.status).toBe('partial');
    expect(r.analyzers[0]!.status).toBe('failed');
    expect(r.probe!.targets[0]!.error).toMatch(/ECONNREFUSED/);
  });

  it('refuses URLs that are not http or https, or that carry credentials', async () => {
    await expect(runProbe({ urls: ['ftp://127.0.0.1/'] })).rejects.toThrow(/only http and https/);
    await expect(runProbe({ urls: ['http://user:pw@127.0.0.1/'] })).rejects.toThrow(/credentials/);
    await expect(runProbe({ urls: ['not a url'] })).rejects.toThrow(/not a URL/);
  });
});
