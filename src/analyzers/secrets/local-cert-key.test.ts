import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretEngine } from './index.js';
import { withoutLocalCertKeys } from './local-cert-key.js';

// A minimal DER writer, enough for a self-signed X.509 v3 certificate made in the test (no fixture key or
// certificate is committed).
const len = (n: number): Buffer =>
  n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
};
const seq = (...parts: Buffer[]): Buffer => tlv(0x30, ...parts);
const oid = (dotted: string): Buffer => {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a! * 40 + b!];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
};
const name = (parts: [string, string][]): Buffer =>
  seq(...parts.map(([o, v]) => tlv(0x31, seq(oid(o), tlv(0x0c, Buffer.from(v))))));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

interface CertSpec {
  key: KeyObject;
  publicKey: KeyObject;
  subject: [string, string][];
  dns?: string[];
  ips?: number[][];
  ca?: boolean;
}

function certificate(spec: CertSpec): string {
  const extensions: Buffer[] = [];
  if (spec.dns || spec.ips) {
    const general = [
      ...(spec.dns ?? []).map((d) => tlv(0x82, Buffer.from(d))),
      ...(spec.ips ?? []).map((ip) => tlv(0x87, Buffer.from(ip))),
    ];
    extensions.push(seq(oid('2.5.29.17'), tlv(0x04, seq(...general))));
  }
  if (spec.ca) extensions.push(seq(oid('2.5.29.19'), tlv(0x04, seq(tlv(0x01, Buffer.from([0xff]))))));
  const subject = name(spec.subject);
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, Buffer.from([0x01, 0x23])),
    ECDSA_SHA256,
    subject,
    seq(tlv(0x17, Buffer.from('250101000000Z')), tlv(0x17, Buffer.from('350101000000Z'))),
    subject,
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    ...(extensions.length > 0 ? [tlv(0xa3, seq(...extensions))] : []),
  );
  const der = seq(tbs, ECDSA_SHA256, tlv(0x03, Buffer.from([0]), sign('sha256', tbs, spec.key)));
  const b64 = der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
  const pem = `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
  // Each case must hold a certificate that parses: a broken one would be kept for the wrong reason.
  expect(new X509Certificate(pem).subject).toContain('=');
  return pem;
}

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    key: privateKey,
    publicKey,
    pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
};

/** The private-key findings left for `path` once the certificates in `files` beside it are read. */
async function kept(path: string, files: Record<string, string>): Promise<number> {
  const text = files[path]!;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const found = secretEngine().scan(Buffer.from(text), {
    path,
    name,
    ext: name.slice(name.lastIndexOf('.')),
    productNames: [],
  });
  expect(found.filter((d) => d.ruleId === 'secrets/private-key')).toHaveLength(1);
  const ctx = {
    paths: new Set(Object.keys(files)),
    readFile: (p: string) => Promise.resolve(files[p]),
  };
  const left = await withoutLocalCertKeys(found, path, text, ctx);
  return left.filter((d) => d.ruleId === 'secrets/private-key').length;
}

const LOCALHOST: [string, string][] = [
  ['2.5.4.6', 'US'],
  ['2.5.4.3', 'localhost'],
];

describe('a private key whose certificate names only this machine or a test domain', () => {
  it('is not reported when the certificate beside it is for localhost, loopback or a reserved domain', async () => {
    const k = pair();
    const cert = certificate({ ...k, subject: LOCALHOST, dns: ['localhost'], ips: [[127, 0, 0, 1]] });
    expect(
      await kept('test/ssl_test_key.key', { 'test/ssl_test_key.key': k.pem, 'test/ssl_test_cert.crt': cert }),
    ).toBe(0);
    const k2 = pair();
    const cert2 = certificate({ ...k2, subject: [['2.5.4.3', 'mail.example.org']], dns: ['*.test'] });
    expect(await kept('conf/bundle.pem', { 'conf/bundle.pem': k2.pem + cert2 })).toBe(0);
  });

  it('is reported when the certificate names another host, no host, or is a CA', async () => {
    const real = pair();
    const realCert = certificate({ ...real, subject: [['2.5.4.3', 'api.shop-prod.io']] });
    expect(
      await kept('deploy/server.key', { 'deploy/server.key': real.pem, 'deploy/server.crt': realCert }),
    ).toBe(1);
    // A server's shipped key whose certificate names no host at all (`C=CN` alone): every install shares it.
    const bare = pair();
    const bareCert = certificate({ ...bare, subject: [['2.5.4.6', 'CN']] });
    expect(await kept('bin/key.pem', { 'bin/key.pem': bare.pem, 'bin/cert.pem': bareCert })).toBe(1);
    // A CA's key signs certificates for any name, whatever its own certificate says.
    const ca = pair();
    const caCert = certificate({ ...ca, subject: LOCALHOST, ca: true });
    expect(await kept('ca/ca.key', { 'ca/ca.key': ca.pem, 'ca/ca.crt': caCert })).toBe(1);
    // localhost first, a real name beside it.
    const mixed = pair();
    const mixedCert = certificate({ ...mixed, subject: LOCALHOST, dns: ['localhost', 'shop-prod.io'] });
    expect(await kept('tls/key.pem', { 'tls/key.pem': mixed.pem, 'tls/cert.pem': mixedCert })).toBe(1);
  });

  it('is reported when the localhost certificate beside it holds another key, or is in another folder', async () => {
    const k = pair();
    const other = pair();
    const otherCert = certificate({ ...other, subject: LOCALHOST });
    expect(await kept('tls/key.pem', { 'tls/key.pem': k.pem, 'tls/cert.pem': otherCert })).toBe(1);
    const own = certificate({ ...k, subject: LOCALHOST });
    expect(await kept('tls/key.pem', { 'tls/key.pem': k.pem, 'tls/dev/cert.pem': own })).toBe(1);
    // The same key also under a certificate for a real host beside it.
    const realCert = certificate({ ...k, subject: [['2.5.4.3', 'shop-prod.io']] });
    expect(
      await kept('tls/key.pem', { 'tls/key.pem': k.pem, 'tls/cert.pem': own, 'tls/prod.crt': realCert }),
    ).toBe(1);
  });
});
