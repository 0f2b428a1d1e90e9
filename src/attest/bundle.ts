import { VanguardError } from '../core/errors.js';
import type { Envelope } from './dsse.js';

export const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';

/**
 * A Sigstore bundle v0.3 holding a DSSE envelope, verified by a public key the verifier already
 * has (`publicKey.hint` names it). No transparency-log entry or timestamp: it works offline, and
 * the signing time is not attested by a third party (see docs/build-integrity.md).
 */
export interface SigstoreBundle {
  mediaType: string;
  verificationMaterial: {
    publicKey?: { hint: string };
    tlogEntries: unknown[];
    timestampVerificationData?: { rfc3161Timestamps: unknown[] };
  };
  dsseEnvelope: Envelope;
}

export function toBundle(env: Envelope, keyHint: string): SigstoreBundle {
  return {
    mediaType: BUNDLE_V03,
    verificationMaterial: {
      publicKey: { hint: keyHint },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    dsseEnvelope: env,
  };
}

function isEnvelope(v: unknown): v is Envelope {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.payloadType === 'string' &&
    typeof e.payload === 'string' &&
    Array.isArray(e.signatures) &&
    e.signatures.every(
      (s) => typeof s === 'object' && s !== null && typeof (s as { sig?: unknown }).sig === 'string',
    )
  );
}

/** What a provenance file holds, for the verifier. */
export type ProvenanceFile =
  | { kind: 'envelopes'; envelopes: Envelope[]; format: 'bundle' | 'dsse' | 'jsonl' }
  | { kind: 'unsigned'; statement: unknown };

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new VanguardError('PARSE', `${what} is not JSON: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Reads a Sigstore bundle, a DSSE envelope, an `.intoto.jsonl` file (one envelope per line) or a
 * bare statement (which the verifier reports as unsigned).
 */
export function readProvenance(text: string): ProvenanceFile {
  const trimmed = text.trim();
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (
    lines.length > 1 &&
    lines.every((l) => l.trimStart().startsWith('{"') || l.trimStart().startsWith('{ "'))
  ) {
    try {
      const all = lines.map((l, i) => parseJson(l, `line ${i + 1}`));
      if (all.every(isEnvelope)) return { kind: 'envelopes', envelopes: all, format: 'jsonl' };
    } catch {
      // Not one JSON document per line: read as a single document below (pretty-printed JSON).
    }
  }
  const doc = parseJson(trimmed, 'the provenance file');
  if (typeof doc === 'object' && doc !== null) {
    const d = doc as Record<string, unknown>;
    if (typeof d.mediaType === 'string') {
      if (!d.mediaType.startsWith('application/vnd.dev.sigstore.bundle'))
        throw new VanguardError('PARSE', `unknown bundle media type "${d.mediaType}"`);
      if (!isEnvelope(d.dsseEnvelope))
        throw new VanguardError(
          'PARSE',
          'the Sigstore bundle holds no DSSE envelope (message signatures are not provenance)',
        );
      return { kind: 'envelopes', envelopes: [d.dsseEnvelope], format: 'bundle' };
    }
    if (isEnvelope(d)) return { kind: 'envelopes', envelopes: [d], format: 'dsse' };
  }
  return { kind: 'unsigned', statement: doc };
}
