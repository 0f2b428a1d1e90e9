import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { checkServerIdentity, connect, type DetailedPeerCertificate, type SecureVersion } from 'node:tls';
import type { RawFinding } from '../core/finding.js';
import type { ProbeTls } from '../core/probe-report.js';
import { probeFinding } from './finding.js';
import type { Budget } from './http.js';
import {
  CERT_EXPIRING,
  CERT_HOSTNAME,
  CERT_INVALID,
  CERT_SELF_SIGNED,
  CERT_UNTRUSTED,
  TLS_LEGACY,
} from './rules.js';

export const EXPIRY_WARNING_DAYS = 30;
const DAY = 86_400_000;

/** Versions tried one by one; SSL 3 is left out because OpenSSL 3 cannot speak it at all. */
const VERSIONS: readonly SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const LEGACY = new Set<SecureVersion>(['TLSv1', 'TLSv1.1']);

export interface TlsOptions {
  budget: Budget;
  timeoutMs: number;
  ca?: string;
  now: Date;
}

interface Handshake {
  protocol: string | null;
  authorized: boolean;
  authorizationError?: string;
  cert?: DetailedPeerCertificate;
}

/** One TLS handshake to the pinned address; the certificate is read, never trusted blindly. */
function handshake(
  host: string,
  address: LookupAddress,
  port: number,
  opts: TlsOptions,
  version?: SecureVersion,
): Promise<Handshake | Error> {
  opts.budget.take();
  return new Promise((resolve) => {
    const socket = connect({
      host: address.address,
      port,
      ...(isIP(host) === 0 ? { servername: host } : {}),
      // vanguard-ignore: code/js-tls-verification-disabled the certificate is read and judged here, never trusted blindly
      rejectUnauthorized: false,
      ...(opts.ca ? { ca: opts.ca } : {}),
      // A legacy handshake needs OpenSSL's security level 0, or the client itself refuses TLS 1.0/1.1.
      ...(version ? { minVersion: version, maxVersion: version, ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
    });
    const done = (r: Handshake | Error): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(
      () => done(new Error(`no TLS handshake within ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
    socket.once('secureConnect', () => {
      const err = socket.authorizationError as Error | string | null;
      done({
        protocol: socket.getProtocol(),
        authorized: socket.authorized,
        ...(err
          ? {
              authorizationError:
                typeof err === 'string' ? err : ((err as { code?: string }).code ?? err.message),
            }
          : {}),
        cert: socket.getPeerCertificate(true),
      });
    });
    socket.once('error', (err: Error) => done(err));
  });
}

/** A certificate name field, which Node gives as an array when the name repeats it. */
function nameOf(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v.join(', ') : (v ?? '')).slice(0, 300);
}

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
// Reported by their own rules: dates from the certificate itself, the name by checkServerIdentity.
const OWN_RULES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID']);

function certificateFindings(host: string, origin: string, h: Handshake, now: Date): RawFinding[] {
  const cert = h.cert;
  if (!cert || !cert.valid_to) return [];
  const out: RawFinding[] = [];
  const from = Date.parse(cert.valid_from);
  const to = Date.parse(cert.valid_to);
  const key = `cert:${cert.fingerprint256}`;
  if (now.getTime() > to || now.getTime() < from) {
    out.push(
      probeFinding(
        CERT_INVALID,
        origin,
        now.getTime() > to
          ? `The certificate of ${origin} expired on ${new Date(to).toISOString().slice(0, 10)}.`
          : `The certificate of ${origin} is not valid before ${new Date(from).toISOString().slice(0, 10)}.`,
        key,
      ),
    );
  } else if (to - now.getTime() < EXPIRY_WARNING_DAYS * DAY) {
    const days = Math.floor((to - now.getTime()) / DAY);
    out.push(
      probeFinding(
        CERT_EXPIRING,
        origin,
        `The certificate of ${origin} expires on ${new Date(to).toISOString().slice(0, 10)}, in ${days} day${days === 1 ? '' : 's'}.`,
        key,
      ),
    );
  }
  const err = h.authorizationError;
  if (err !== undefined && SELF_SIGNED.has(err)) {
    out.push(
      probeFinding(CERT_SELF_SIGNED, origin, `${origin} presents a self-signed certificate (${err}).`, key),
    );
  } else if (err !== undefined && !OWN_RULES.has(err)) {
    out.push(
      probeFinding(
        CERT_UNTRUSTED,
        origin,
        `The certificate chain of ${origin} is not trusted (${err}).`,
        key,
      ),
    );
  }
  const mismatch = checkServerIdentity(host, cert);
  if (mismatch)
    out.push(
      probeFinding(
        CERT_HOSTNAME,
        origin,
        `The certificate of ${origin} does not name ${host} (it names ${(cert.subjectaltname ?? nameOf(cert.subject?.CN) ?? 'nothing').slice(0, 300)}).`,
        `${key}:${host}`,
      ),
    );
  return out;
}

/** The TLS checks of one origin: certificate validity, expiry, name, chain, and each protocol version. */
export async function checkTls(
  host: string,
  address: LookupAddress,
  port: number,
  origin: string,
  opts: TlsOptions,
): Promise<{ findings: RawFinding[]; report: ProbeTls; error?: Error }> {
  const report: ProbeTls = { origin, protocols: {} };
  const first = await handshake(host, address, port, opts);
  if (first instanceof Error) return { findings: [], report, error: first };
  const findings = certificateFindings(host, origin, first, opts.now);
  const cert = first.cert;
  if (cert?.valid_to) {
    report.certificate = {
      subject: nameOf(cert.subject?.CN),
      issuer: nameOf(cert.issuer?.CN),
      validFrom: new Date(cert.valid_from).toISOString(),
      validTo: new Date(cert.valid_to).toISOString(),
      trusted: first.authorized,
      ...(first.authorizationError ? { error: first.authorizationError } : {}),
    };
  }
  for (const v of VERSIONS) {
    const h = await handshake(host, address, port, opts, v);
    const accepted = !(h instanceof Error) && h.protocol === v;
    report.protocols[v] = accepted;
    if (accepted && LEGACY.has(v))
      findings.push(
        probeFinding(
          TLS_LEGACY,
          origin,
          `${origin} completes a ${v.replace('TLSv', 'TLS ')} handshake.`,
          `tls:${v}`,
          {
            snippet: `negotiated ${v}`,
          },
        ),
      );
  }
  return { findings, report };
}
