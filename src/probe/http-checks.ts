import type { RawFinding } from '../core/finding.js';
import { cspWeaknesses, parseCsp, restrictsFraming } from './csp.js';
import { probeFinding } from './finding.js';
import { header, isHtml, type HttpResponse } from './http.js';
import {
  COOKIE_FLAGS,
  CORS_REFLECTED,
  CSP_MISSING,
  CSP_WEAK,
  DIRECTORY_LISTING,
  FRAME_MISSING,
  HSTS_MISSING,
  HSTS_WEAK,
  NO_HTTPS_REDIRECT,
  REFERRER_POLICY,
  VERSION_DISCLOSURE,
  XCTO_MISSING,
} from './rules.js';
import { originOf } from './targets.js';

/** Half a year: shorter HSTS policies lapse between visits. */
export const MIN_HSTS_SECONDS = 15_552_000;

/** Where a finding about a response is filed: origin (port written) and path, never the query. */
export function placeOf(url: URL): string {
  return `${originOf(url)}${url.pathname}`;
}

// Only the head of a document is searched for <meta> policies, and only this much of any body.
const HEAD_BYTES = 65_536;

function metaContent(res: HttpResponse, name: RegExp): string | undefined {
  const head = res.body.subarray(0, HEAD_BYTES).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]{0,2000}>/gi)) {
    const tag = m[0];
    const key = /(?:http-equiv|name)\s*=\s*["']?([\w-]+)/i.exec(tag)?.[1];
    if (key === undefined || !name.test(key)) continue;
    const content = /content\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (content) return content[1] ?? content[2];
  }
  return undefined;
}

function hsts(res: HttpResponse, place: string): RawFinding[] {
  const value = header(res, 'strict-transport-security');
  if (value === undefined)
    return [
      probeFinding(
        HSTS_MISSING,
        place,
        `${place} is served over HTTPS without Strict-Transport-Security.`,
        'hsts',
      ),
    ];
  const age = /(?:^|;)\s*max-age\s*=\s*"?(\d{1,12})"?\s*(?:;|$)/i.exec(value)?.[1];
  if (age === undefined || Number(age) < MIN_HSTS_SECONDS)
    return [
      probeFinding(
        HSTS_WEAK,
        place,
        age === undefined
          ? `Strict-Transport-Security has no valid max-age ("${value.slice(0, 100)}").`
          : `Strict-Transport-Security max-age is ${age} seconds (less than 180 days).`,
        'hsts-weak',
        { snippet: `Strict-Transport-Security: ${value}` },
      ),
    ];
  return [];
}

function documentHeaders(res: HttpResponse, place: string): RawFinding[] {
  const out: RawFinding[] = [];
  const headerCsp = header(res, 'content-security-policy');
  const metaCsp = metaContent(res, /^content-security-policy$/i);
  const policies = parseCsp([headerCsp, metaCsp].filter((v) => v !== undefined).join(','));
  if (policies.length === 0) {
    out.push(probeFinding(CSP_MISSING, place, `${place} sends no Content-Security-Policy.`, 'csp'));
  } else {
    for (const w of cspWeaknesses(policies))
      out.push(
        probeFinding(CSP_WEAK, place, `The Content-Security-Policy of ${place} is weak: ${w}.`, `csp:${w}`, {
          snippet: `Content-Security-Policy: ${headerCsp ?? metaCsp ?? ''}`,
        }),
      );
  }
  // frame-ancestors only works in a header, not in a <meta> policy.
  const xfo = header(res, 'x-frame-options')?.toLowerCase();
  if (xfo !== 'deny' && xfo !== 'sameorigin' && !restrictsFraming(parseCsp(headerCsp ?? '')))
    out.push(
      probeFinding(
        FRAME_MISSING,
        place,
        `${place} has neither X-Frame-Options nor a CSP frame-ancestors directive.`,
        'frame',
      ),
    );
  const referrer = (header(res, 'referrer-policy') ?? metaContent(res, /^referrer$/i))
    ?.split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .at(-1);
  if (referrer === undefined || referrer === 'unsafe-url' || referrer === 'no-referrer-when-downgrade')
    out.push(
      probeFinding(
        REFERRER_POLICY,
        place,
        referrer === undefined
          ? `${place} sets no Referrer-Policy.`
          : `${place} sets Referrer-Policy ${referrer}, which sends full URLs to other sites.`,
        'referrer',
      ),
    );
  return out;
}

/** The header checks of a page: HSTS on HTTPS, nosniff, and CSP, framing and Referrer-Policy on HTML. */
export function checkHeaders(res: HttpResponse): RawFinding[] {
  const place = placeOf(res.url);
  const out: RawFinding[] = [];
  if (res.url.protocol === 'https:') out.push(...hsts(res, place));
  // A redirect not followed (to another host) has no document of its own to protect.
  if (res.status >= 300 && res.status < 400) return out;
  if (header(res, 'x-content-type-options')?.toLowerCase() !== 'nosniff')
    out.push(
      probeFinding(XCTO_MISSING, place, `${place} does not send X-Content-Type-Options: nosniff.`, 'xcto'),
    );
  if (isHtml(res)) out.push(...documentHeaders(res, place));
  return out;
}

const DISCLOSING = ['server', 'x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version', 'x-generator'];

/** Headers that name a product with its version ("nginx/1.18.0", "PHP/7.4.3"), filed under the origin. */
export function checkDisclosure(res: HttpResponse): RawFinding[] {
  const place = originOf(res.url);
  const out: RawFinding[] = [];
  for (const name of DISCLOSING) {
    const value = header(res, name);
    if (value === undefined || !/\d+\.\d+/.test(value)) continue;
    out.push(
      probeFinding(
        VERSION_DISCLOSURE,
        place,
        `${name} discloses "${value.slice(0, 100)}".`,
        `disclose:${name}`,
        {
          snippet: `${name}: ${value}`,
        },
      ),
    );
  }
  return out;
}

interface Cookie {
  name: string;
  attrs: Map<string, string>;
}

function parseSetCookie(line: string): Cookie | undefined {
  const [pair = '', ...rest] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const attrs = new Map<string, string>();
  for (const a of rest) {
    const i = a.indexOf('=');
    const k = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
    if (k) attrs.set(k, i < 0 ? '' : a.slice(i + 1).trim());
  }
  return { name: pair.slice(0, eq).trim().slice(0, 200), attrs };
}

function isDeletion(c: Cookie, now: Date): boolean {
  const maxAge = c.attrs.get('max-age');
  if (maxAge !== undefined && Number(maxAge) <= 0) return true;
  const expires = c.attrs.get('expires');
  return expires !== undefined && Date.parse(expires) < now.getTime();
}

/** Cookies set without Secure, HttpOnly or SameSite, over every response of a redirect chain. */
export function checkCookies(chain: readonly HttpResponse[], now: Date): RawFinding[] {
  const out = new Map<string, RawFinding>();
  for (const res of chain) {
    const place = originOf(res.url);
    for (const line of res.headers['set-cookie'] ?? []) {
      const c = parseSetCookie(line);
      if (!c || isDeletion(c, now) || out.has(`${place} ${c.name}`)) continue;
      const missing: [string, number][] = [];
      if (!c.attrs.has('secure')) missing.push(['Secure', 614]);
      if (!c.attrs.has('httponly')) missing.push(['HttpOnly', 1004]);
      const sameSite = c.attrs.get('samesite')?.toLowerCase();
      if (sameSite !== 'lax' && sameSite !== 'strict' && !(sameSite === 'none' && c.attrs.has('secure')))
        missing.push(['SameSite', 1275]);
      if (missing.length === 0) continue;
      const names = missing.map(([n]) => n);
      // The value may be a session token: the report names the cookie and its attributes only.
      const attrs = [...c.attrs.keys()].join('; ');
      out.set(
        `${place} ${c.name}`,
        probeFinding(
          COOKIE_FLAGS,
          place,
          `Cookie ${c.name} is set without ${names.join(', ')}.`,
          `cookie:${c.name}`,
          {
            snippet: `Set-Cookie: ${c.name}=…${attrs ? `; ${attrs}` : ''}`,
            cwe: missing.map(([, cwe]) => cwe),
            severity: names.includes('Secure') || names.includes('HttpOnly') ? 'medium' : 'low',
          },
        ),
      );
    }
  }
  return [...out.values()];
}

/** The Origin the CORS check sends: a host that cannot exist (RFC 2606), so no real site is named. */
export const PROBE_ORIGIN = 'https://vanguard-probe.invalid';

/** A response to a request sent with Origin: PROBE_ORIGIN that echoes it and allows credentials. */
export function checkCors(res: HttpResponse): RawFinding[] {
  const allow = header(res, 'access-control-allow-origin');
  const creds = header(res, 'access-control-allow-credentials')?.toLowerCase();
  if (allow !== PROBE_ORIGIN || creds !== 'true') return [];
  const place = placeOf(res.url);
  return [
    probeFinding(
      CORS_REFLECTED,
      place,
      `${place} answered Origin ${PROBE_ORIGIN} with Access-Control-Allow-Origin: ${allow} and Access-Control-Allow-Credentials: true.`,
      'cors-reflect',
      { snippet: `Access-Control-Allow-Origin: ${allow}` },
    ),
  ];
}

/** A plain-HTTP URL whose redirect chain never reaches HTTPS on the same host. */
export function checkHttpsRedirect(chain: readonly HttpResponse[]): RawFinding[] {
  const first = chain[0];
  if (!first || first.url.protocol !== 'http:') return [];
  const upgraded = chain.some((r) => r.url.protocol === 'https:' && r.url.hostname === first.url.hostname);
  const location = header(chain.at(-1)!, 'location');
  const toHttps = location !== undefined && /^https:\/\//i.test(location);
  if (upgraded || toHttps) return [];
  const place = placeOf(first.url);
  return [
    probeFinding(
      NO_HTTPS_REDIRECT,
      place,
      `${place} answers plain HTTP with status ${first.status} instead of redirecting to HTTPS.`,
      'no-https-redirect',
    ),
  ];
}

const LISTING = [
  /<(title|h1)>\s*(?:Index of|Directory listing for) \/[^<]{0,500}<\/\1>/i,
  /\[To Parent Directory\]/,
];

/** True when a successful HTML response is a generated directory index (Apache, nginx, Python, IIS). */
export function isDirectoryListing(res: HttpResponse): boolean {
  if (res.status !== 200 || !isHtml(res)) return false;
  const text = res.body.subarray(0, HEAD_BYTES).toString('latin1');
  return LISTING.some((re) => re.test(text));
}

/** A directory listing served at this response's URL. */
export function checkListing(res: HttpResponse): RawFinding[] {
  if (!isDirectoryListing(res)) return [];
  const place = placeOf(res.url);
  return [probeFinding(DIRECTORY_LISTING, place, `${place} serves a directory listing.`, 'listing')];
}
