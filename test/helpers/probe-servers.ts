import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { SecureVersion } from 'node:tls';
import type { TestCert } from './certs.js';

/** Services on 127.0.0.1 for the probe's tests: each records the paths it was asked for. */
export interface TestService {
  url: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function listen(server: Server, scheme: 'http' | 'https', requests: string[]): Promise<TestService> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `${scheme}://127.0.0.1:${port}/`,
        port,
        requests,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

/** A plain-HTTP service. */
export function httpService(handler: Handler): Promise<TestService> {
  const requests: string[] = [];
  const server = createHttp((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  });
  return listen(server, 'http', requests);
}

/** An HTTPS service with the given certificate, accepting TLS from `minVersion` (default 1.2). */
export function httpsService(
  cert: TestCert,
  handler: Handler,
  minVersion: SecureVersion = 'TLSv1.2',
): Promise<TestService> {
  const requests: string[] = [];
  const server = createHttps(
    {
      key: cert.key,
      cert: cert.cert,
      minVersion,
      ...(minVersion === 'TLSv1' || minVersion === 'TLSv1.1' ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
    },
    (req, res) => {
      requests.push(req.url ?? '');
      handler(req, res);
    },
  );
  return listen(server, 'https', requests);
}

const PAGE = '<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1></body></html>';

/** Everything the probe looks for is wrong here (the bad example of every HTTP rule). */
export const badHandler: Handler = (req, res) => {
  const headers: Record<string, string | string[]> = {
    server: 'nginx/1.18.0',
    'x-powered-by': 'PHP/7.4.3',
  };
  const origin = req.headers.origin;
  if (origin) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-credentials'] = 'true';
  }
  const send = (status: number, type: string, body: string): void => {
    res.writeHead(status, { ...headers, 'content-type': type });
    res.end(body);
  };
  // The .env content is built here at run time, and is obviously not a real credential.
  const env = [
    'APP_ENV=production',
    `DB_PASSWORD=${'not-a-real-password'.toUpperCase()}`,
    'export PORT=8080',
  ];
  const routes: Record<string, () => void> = {
    '/': () => {
      headers['set-cookie'] = [
        'session=abc123; Path=/',
        'prefs=dark; Path=/; Secure; HttpOnly; SameSite=Lax',
      ];
      send(200, 'text/html; charset=utf-8', PAGE);
    },
    '/files/': () =>
      send(
        200,
        'text/html',
        '<html><head><title>Index of /files/</title></head><body><h1>Index of /files/</h1><a href="../">../</a><a href="backup.sql">backup.sql</a></body></html>',
      ),
    '/.git/HEAD': () => send(200, 'application/octet-stream', 'ref: refs/heads/main\n'),
    '/.env': () => send(200, 'text/plain', `# settings\n${env.join('\n')}\n`),
    '/server-status': () =>
      send(
        200,
        'text/html',
        '<html><head><title>Apache Status</title></head><body><h1>Apache Server Status for shop</h1></body></html>',
      ),
    '/server-info': () =>
      send(200, 'text/html', '<html><body><h1>Apache Server Information</h1></body></html>'),
    '/actuator/env': () =>
      send(
        200,
        'application/json',
        JSON.stringify({ activeProfiles: ['prod'], propertySources: [{ name: 'server.ports' }] }),
      ),
    '/metrics': () =>
      send(
        200,
        'text/plain; version=0.0.4',
        '# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\nhttp_requests_total 7\n',
      ),
    '/debug/pprof/': () =>
      send(
        200,
        'text/html',
        '<html><body>Types of profiles available: <a href="/debug/pprof/goroutine?debug=1">goroutine</a></body></html>',
      ),
    '/phpinfo.php': () =>
      send(
        200,
        'text/html',
        '<html><head><title>PHP 7.4.3 - phpinfo()</title></head><body>PHP Version 7.4.3</body></html>',
      ),
    '/console': () =>
      send(
        200,
        'text/html',
        '<html><head><title>Console // Werkzeug Debugger</title></head><body>Interactive Console</body></html>',
      ),
  };
  const route = routes[(req.url ?? '/').split('?')[0]!];
  if (route) route();
  else send(404, 'text/html', '<h1>not found</h1>');
};

/**
 * A well-configured single-page app (the good example of every HTTP rule): it answers 200 with its
 * index page for every path, so an endpoint check that trusted the status code would fire here.
 */
export const goodHandler: Handler = (req, res) => secureApp({})(req, res);

/** The good app with some headers changed (a value) or left out (undefined). */
export function secureApp(changes: Record<string, string | undefined>): Handler {
  return (req, res) => {
    const headers: Record<string, string | string[]> = {
      server: 'nginx',
      'content-type': 'text/html; charset=utf-8',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'content-security-policy':
        "default-src 'self'; script-src 'nonce-r4nd0m' 'strict-dynamic' https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'set-cookie': ['session=abc123; Path=/; Secure; HttpOnly; SameSite=Lax', 'old=; Max-Age=0'],
    };
    if (req.headers.origin === 'https://shop.example') {
      headers['access-control-allow-origin'] = 'https://shop.example';
      headers['access-control-allow-credentials'] = 'true';
    }
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) delete headers[k];
      else headers[k] = v;
    }
    res.writeHead(200, headers);
    res.end(`${PAGE}<!-- metrics, console, .env and .git are routes of the app -->`);
  };
}
