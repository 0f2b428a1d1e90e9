import { sign, verify, type KeyObject } from 'node:crypto';

/** A DSSE envelope (https://github.com/secure-systems-lab/dsse/blob/master/envelope.md). */
export interface Envelope {
  payloadType: string;
  /** Base64 of the serialized body. */
  payload: string;
  signatures: { keyid?: string; sig: string }[];
}

/**
 * DSSE pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, where
 * LEN is the byte length in ASCII decimal. Signing these bytes (never the bare payload) binds the
 * type to the signature, so a payload cannot be re-read as another type.
 */
export function pae(payloadType: string, body: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}

/** Either base64 alphabet, as the protocol requires of verifiers; undefined when it is not base64. */
export function decodeBase64(s: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s)) return undefined;
  return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function digestFor(key: KeyObject): string | null {
  return key.asymmetricKeyType === 'ed25519' ? null : 'sha256';
}

/** Signs `body` as `payloadType` with one key (ECDSA P-256 with SHA-256, DER signature; or Ed25519). */
export function signEnvelope(body: Buffer, payloadType: string, key: KeyObject, keyid: string): Envelope {
  const sig = sign(digestFor(key), pae(payloadType, body), key);
  return {
    payloadType,
    payload: body.toString('base64'),
    signatures: [{ keyid, sig: sig.toString('base64') }],
  };
}

/**
 * True when any signature of the envelope verifies over the PAE with `key`. The key id is only a
 * hint and is never trusted. ECDSA signatures are accepted in DER and in raw r‖s form.
 */
export function verifyEnvelope(env: Envelope, key: KeyObject): boolean {
  const body = decodeBase64(env.payload);
  if (!body) return false;
  const message = pae(env.payloadType, body);
  return env.signatures.some((s) => {
    const sig = typeof s.sig === 'string' ? decodeBase64(s.sig) : undefined;
    if (!sig || sig.length === 0) return false;
    try {
      if (key.asymmetricKeyType === 'ed25519') return verify(null, message, key, sig);
      if (verify('sha256', message, { key, dsaEncoding: 'der' }, sig)) return true;
      return sig.length === 64 && verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, sig);
    } catch {
      // A malformed signature (bad DER) is simply one that does not verify.
      return false;
    }
  });
}
