import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { VanguardError } from '../core/errors.js';
import { VERSION } from '../core/version.js';

/** A network failure of one probe request (refused, timed out, reset, name not found, budget spent). */
export class ProbeNetworkError extends VanguardError {
  constructor(code: 'NETWORK' | 'TIMEOUT' | 'BUDGET', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Counts requests against the probe's total budget; past it no request is made. */
export class Budget {
  used = 0;
  constructor(readonly max: number) {}

  take(): void {
    if (this.used >= this.max)
      throw new ProbeNetworkError(
        'BUDGET',
        `the request budget (${this.max}) is spent; raise --max-requests`,
      );
    this.used++;
  }
}

/**
 * Resolves each host name once and pins it: every later request and connection to that name goes
 * to the same address, so a DNS answer that changes mid-probe cannot point the probe elsewhere.
 */
export class PinnedHosts {
  private readonly pinned = new Map<string, Promise<LookupAddress>>();

  resolve(host: string): Promise<LookupAddress> {
    const family = isIP(host);
    if (family !== 0) return Promise.resolve({ address: host, family });
    let p = this.pinned.get(host);
    if (!p) {
      p = dnsLookup(host).catch((err: unknown) => {
        throw new ProbeNetworkError('NETWORK', `cannot resolve ${host}`, { cause: err });
      });
      this.pinned.set(host, p);
    }
    return p;
  }
}

export interface HttpOptions {
  hosts: PinnedHosts;
  budget: Budget;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Extra trusted CA certificates (PEM); the HTTP checks read headers whatever the certificate. */
  ca?: string;
}

export interface HttpResponse {
  url: URL;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body was longer than the cap and was cut. */
  truncated: boolean;
}

/** One request, no redirect followed, the body read up to the cap, within the timeout. */
export async function fetchOnce(
  url: URL,
  opts: HttpOptions,
  extra: { method?: string; headers?: Record<string, string> } = {},
): Promise<HttpResponse> {
  opts.budget.take();
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const pinned = await opts.hosts.resolve(host);
  const tls = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (tls ? httpsRequest : httpRequest)(
      url,
      {
        method: extra.method ?? 'GET',
        agent: false,
        headers: { 'user-agent': `vanguard-probe/${VERSION}`, accept: '*/*', ...extra.headers },
        lookup: (_name, options, cb) => {
          // Node asks for every address when it tries families in turn; both answers are the pinned one.
          if ((options as { all?: boolean }).all)
            (cb as unknown as (e: null, a: LookupAddress[]) => void)(null, [pinned]);
          else cb(null, pinned.address, pinned.family);
        },
        ...(tls
          ? {
              // vanguard-ignore: code/js-tls-verification-disabled the TLS checks judge the certificate; headers are read whatever it is
              rejectUnauthorized: false,
              ...(isIP(host) === 0 ? { servername: host } : {}),
              ...(opts.ca ? { ca: opts.ca } : {}),
            }
          : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on('data', (c: Buffer) => {
          if (truncated) return;
          const room = opts.maxBodyBytes - size;
          if (c.length >= room) {
            chunks.push(c.subarray(0, room));
            size += room;
            truncated = true;
            finish();
            res.destroy();
            return;
          }
          chunks.push(c);
          size += c.length;
        });
        const finish = (): void => {
          clearTimeout(timer);
          resolve({
            url,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            truncated,
          });
        };
        res.on('end', finish);
        res.on('error', (err) => (truncated ? undefined : fail(err)));
      },
    );
    const fail = (err: unknown): void => {
      clearTimeout(timer);
      const code = (err as { code?: string }).code ?? 'error';
      reject(
        err instanceof ProbeNetworkError
          ? err
          : new ProbeNetworkError('NETWORK', `${url.origin}: ${(err as Error).message || code}`, {
              cause: err,
            }),
      );
    };
    const timer = setTimeout(
      () =>
        req.destroy(new ProbeNetworkError('TIMEOUT', `${url.origin}: no answer within ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
    req.on('error', fail);
    req.end();
  });
}

export interface Followed {
  /** Every response, the first one first. */
  chain: HttpResponse[];
  /** A redirect to another host that was not followed. */
  offHost?: URL;
}

const MAX_HOPS = 5;

/** Follows redirects on the same host (up to five), and to other hosts only when allowed. */
export async function fetchFollowing(
  url: URL,
  opts: HttpOptions,
  followOtherHosts: boolean,
): Promise<Followed> {
  const chain: HttpResponse[] = [];
  let current = url;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const res = await fetchOnce(current, opts);
    chain.push(res);
    const location = res.headers.location;
    if (res.status < 300 || res.status >= 400 || typeof location !== 'string') return { chain };
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return { chain };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return { chain };
    if (next.hostname !== url.hostname && !followOtherHosts) return { chain, offHost: next };
    current = next;
  }
  return { chain };
}

/** A header's single value (the first when repeated), trimmed. */
export function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim();
}

/** True when the response is an HTML document. */
export function isHtml(res: HttpResponse): boolean {
  return /^\s*text\/html\b|^\s*application\/xhtml\+xml\b/i.test(header(res, 'content-type') ?? '');
}
