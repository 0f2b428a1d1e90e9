import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64, pae, signEnvelope, verifyEnvelope } from './dsse.js';

/** A 256-bit unsigned integer, written in decimal, as 32 big-endian bytes in base64url (a JWK coordinate). */
function coordinate(decimal: string): string {
  const hex = BigInt(decimal).toString(16).padStart(64, '0');
  return Buffer.from(hex, 'hex').toString('base64url');
}

/*
 * The test vector published in the DSSE specification, protocol.md "Test Vectors"
 * (https://github.com/secure-systems-lab/dsse, Apache-2.0): ECDSA P-256 / SHA-256, signature as
 * raw r‖s, over the payload "hello world" of type http://example.com/HelloWorld.
 */
const SPEC = {
  payloadType: 'http://example.com/HelloWorld',
  payload: 'aGVsbG8gd29ybGQ=',
  pae: 'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
  x: '46950820868899156662930047687818585632848591499744589407958293238635476079160',
  y: '5640078356564379163099075877009565129882514886557779369047442380624545832820',
  sig: 'A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==',
};
const specKey = createPublicKey({
  key: { kty: 'EC', crv: 'P-256', x: coordinate(SPEC.x), y: coordinate(SPEC.y) },
  format: 'jwk',
});

describe('DSSE', () => {
  it('encodes the PAE exactly as the specification example', () => {
    expect(pae(SPEC.payloadType, Buffer.from('hello world')).toString('latin1')).toBe(SPEC.pae);
  });

  it('counts bytes, not characters, and keeps the body verbatim', () => {
    expect(pae('é', Buffer.from('a b\n\0')).equals(Buffer.from('DSSEv1 2 é 5 a b\n\0'))).toBe(true);
    expect(pae('t', Buffer.alloc(0)).toString()).toBe('DSSEv1 1 t 0 ');
  });

  it("verifies the specification's published signature, and refuses it for another type or body", () => {
    const env = { payloadType: SPEC.payloadType, payload: SPEC.payload, signatures: [{ sig: SPEC.sig }] };
    expect(verifyEnvelope(env, specKey)).toBe(true);
    expect(verifyEnvelope({ ...env, payloadType: 'http://example.com/Other' }, specKey)).toBe(false);
    expect(verifyEnvelope({ ...env, payload: Buffer.from('hello world!').toString('base64') }, specKey)).toBe(
      false,
    );
  });

  it('accepts URL-safe base64 as the protocol requires, and rejects what is not base64', () => {
    const urlSafe = {
      payloadType: SPEC.payloadType,
      payload: SPEC.payload,
      signatures: [{ sig: SPEC.sig.replace(/\+/g, '-').replace(/\//g, '_') }],
    };
    expect(verifyEnvelope(urlSafe, specKey)).toBe(true);
    expect(decodeBase64('not base64!')).toBeUndefined();
  });

  for (const alg of ['ec', 'ed25519'] as const) {
    it(`signs and verifies with ${alg}; a wrong key or a changed byte fails`, () => {
      const pair =
        alg === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
      const other =
        alg === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
      const env = signEnvelope(Buffer.from('{"a":1}'), 'application/vnd.in-toto+json', pair.privateKey, 'k');
      expect(verifyEnvelope(env, pair.publicKey)).toBe(true);
      expect(verifyEnvelope(env, other.publicKey)).toBe(false);
      expect(
        verifyEnvelope({ ...env, payload: Buffer.from('{"a":2}').toString('base64') }, pair.publicKey),
      ).toBe(false);
      expect(verifyEnvelope({ ...env, payloadType: 'application/json' }, pair.publicKey)).toBe(false);
      expect(verifyEnvelope({ ...env, signatures: [{ sig: 'AAAA' }] }, pair.publicKey)).toBe(false);
    });
  }
});
