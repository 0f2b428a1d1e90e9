import { isIP } from 'node:net';
import { UsageError } from '../core/errors.js';

/** A URL to probe, checked: http or https, a host, no credentials. */
export interface ProbeTarget {
  url: URL;
  /** `https://host:port`, with the port always written: what findings about the origin are filed under. */
  origin: string;
  /** The host name or IP address without brackets. */
  host: string;
  port: number;
  tls: boolean;
}

const MAX_TARGETS = 50;

/** The origin with its port always written, so `https://h` and `https://h:443` are one origin. */
export function originOf(url: URL): string {
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  return `${url.protocol}//${url.hostname}:${port}`;
}

/** Validates the URLs given on the command line (http/https only, no user information). */
export function parseTargets(urls: readonly string[]): ProbeTarget[] {
  if (urls.length === 0) throw new UsageError('give at least one URL to probe');
  if (urls.length > MAX_TARGETS) throw new UsageError(`at most ${MAX_TARGETS} URLs per probe`);
  const out: ProbeTarget[] = [];
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new UsageError(`not a URL: "${raw.slice(0, 200)}" (give http://host[:port]/path or https://…)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UsageError(`only http and https URLs can be probed, not ${url.protocol}`);
    if (url.username !== '' || url.password !== '')
      throw new UsageError('a probe URL must not carry credentials (they would end up in the report)');
    if (url.hostname === '') throw new UsageError(`no host in "${raw.slice(0, 200)}"`);
    url.hash = '';
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const tls = url.protocol === 'https:';
    const port = url.port !== '' ? Number(url.port) : tls ? 443 : 80;
    out.push({ url, origin: originOf(url), host, port, tls });
  }
  return out;
}

/** True when the host is an IP address literal (no SNI, no DNS). */
export function isAddress(host: string): boolean {
  return isIP(host) !== 0;
}

/** Common service ports: web, remote administration, databases, caches, brokers, orchestration. */
export const DEFAULT_PORTS: readonly number[] = [
  21, 22, 23, 25, 53, 80, 110, 111, 135, 139, 143, 389, 443, 445, 465, 587, 631, 873, 993, 995, 1080, 1433,
  1521, 2049, 2375, 2376, 2379, 2380, 3000, 3306, 3389, 4369, 5000, 5432, 5601, 5672, 5900, 5984, 5985, 5986,
  6379, 6443, 7001, 7474, 8000, 8008, 8080, 8081, 8086, 8088, 8443, 8500, 8888, 9000, 9042, 9090, 9092, 9100,
  9200, 9300, 9418, 10250, 11211, 15672, 27017,
];

/** Parses "1-1024,8080,9000-9010" into sorted distinct ports (each 1–65535). */
export function parsePortList(spec: string): number[] {
  const ports = new Set<number>();
  for (const part of spec.split(',')) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!m || from < 1 || to > 65535 || to < from)
      throw new UsageError(`--ports: "${p.slice(0, 50)}" is not a port or range within 1-65535`);
    for (let n = from; n <= to; n++) ports.add(n);
  }
  if (ports.size === 0) throw new UsageError('--ports: no ports given');
  return [...ports].sort((a, b) => a - b);
}
