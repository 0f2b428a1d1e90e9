/**
 * A private key whose certificate names only this machine (`CN=localhost`, `127.0.0.1`) or a reserved test
 * domain (RFC 2606/6761: `example.com`, `*.test`, `*.invalid`): the key proves only a local or made-up
 * identity, so whoever holds it can answer only connections that never leave the machine (or that no real
 * name points to). Read from the key's own file and the certificates beside it in the same folder
 * (`ssl_test_key.key` with `ssl_test_cert.crt`); the certificate must hold the key's public half
 * (`checkPrivateKey`). Kept: a key with no certificate, one whose certificate names any other host or no host
 * at all (a server's shipped key under `C=CN` alone), a CA's key (it signs certificates for any name), and a
 * key that any certificate beside it for another name also holds.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { AnalyzerContext } from '../../core/analyzer.js';
import type { Detection } from './engine.js';

const KEY_BLOCK =
  /-----BEGIN ((?:RSA |DSA |EC )?PRIVATE KEY)-----([A-Za-z0-9+/=\s\\]{64,}?)-----END \1-----/g;
const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s\\]{64,}?-----END CERTIFICATE-----/g;
const CERT_FILE = /\.(?:pem|crt|cer|cert)$/i;
const MAX_SIBLINGS = 16;
const MAX_CERT_TEXT = 200_000;

const LOCAL_NAME =
  /^(?:\*\.)?(?:localhost|(?:[\w-]+\.)*localhost|localhost\.localdomain|ip6-localhost|(?:[\w-]+\.)*(?:test|invalid|example)|(?:[\w-]+\.)*example\.(?:com|net|org))\.?$/i;
const LOOPBACK_IP = /^(?:127(?:\.\d{1,3}){3}|::1|0:0:0:0:0:0:0:1)$/;

/** A PEM block as written in a source string (`\n` escapes of JSON or code) with real line breaks. */
const unescaped = (pem: string): string => pem.replace(/\\r/g, '').replace(/\\n/g, '\n');

/** The host names and addresses a certificate is for: its subject's CN and its DNS and IP alternative names. */
function certNames(cert: X509Certificate): string[] {
  const names = [...cert.subject.matchAll(/^CN=(.+)$/gm)].map((m) => m[1]!.trim());
  for (const part of (cert.subjectAltName ?? '').split(/,\s*/)) {
    const m = /^(DNS|IP Address):(.+)$/.exec(part.trim());
    if (m) names.push(m[2]!.trim());
  }
  return names;
}

/** Whether a certificate is a leaf for loopback or reserved test names only (and names at least one). */
export function localOnly(cert: X509Certificate): boolean {
  if (cert.ca) return false;
  const names = certNames(cert);
  return names.length > 0 && names.every((n) => LOCAL_NAME.test(n) || LOOPBACK_IP.test(n));
}

function parsedCerts(texts: readonly string[]): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(CERT_BLOCK)) {
      try {
        out.push(new X509Certificate(unescaped(m[0])));
      } catch {
        // Not a parsable certificate (a placeholder, a cut block): it vouches for nothing.
        continue;
      }
    }
  }
  return out;
}

/** The keys written in a file, by the line their block starts on; unparsable ones (encrypted, cut) left out. */
function keysByLine(text: string): Map<number, KeyObject> {
  const out = new Map<number, KeyObject>();
  for (const m of text.matchAll(KEY_BLOCK)) {
    try {
      const line = text.slice(0, m.index).split('\n').length;
      out.set(line, createPrivateKey(unescaped(m[0])));
    } catch {
      // A key this process cannot read proves nothing about its certificate: the finding stays.
      continue;
    }
  }
  return out;
}

/** The text of the certificate files in the same folder as `path` (a few, of a certificate's size). */
async function siblingCertTexts(
  path: string,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<string[]> {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const siblings = [...ctx.paths].filter(
    (p) => p !== path && p.startsWith(dir) && !p.slice(dir.length).includes('/') && CERT_FILE.test(p),
  );
  const texts: string[] = [];
  for (const p of siblings.slice(0, MAX_SIBLINGS)) {
    const t = await ctx.readFile(p);
    if (t !== undefined && t.length <= MAX_CERT_TEXT && t.includes('BEGIN CERTIFICATE')) texts.push(t);
  }
  return texts;
}

/** `found` without the private keys whose every certificate beside them names only local or test hosts. */
export async function withoutLocalCertKeys(
  found: Detection[],
  path: string,
  text: string,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<Detection[]> {
  if (!found.some((d) => d.ruleId === 'secrets/private-key')) return found;
  const keys = keysByLine(text);
  if (keys.size === 0) return found;
  const certs = parsedCerts([text, ...(await siblingCertTexts(path, ctx))]);
  if (certs.length === 0) return found;
  return found.filter((d) => {
    const key = d.ruleId === 'secrets/private-key' ? keys.get(d.line) : undefined;
    if (key === undefined) return true;
    const own = certs.filter((c) => c.checkPrivateKey(key));
    return own.length === 0 || !own.every(localOnly);
  });
}
