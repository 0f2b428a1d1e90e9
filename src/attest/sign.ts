import { createPublicKey } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { toBundle } from './bundle.js';
import { signEnvelope } from './dsse.js';
import { keyIdOf, loadPrivateKey } from './keys.js';
import { INTOTO_PAYLOAD_TYPE, STATEMENT_TYPE } from './provenance.js';

const MAX_STATEMENT = 32 * 1024 * 1024;

export type SignedFormat = 'intoto-jsonl' | 'sigstore-bundle';

/** The output format a file name implies: `.jsonl` is an in-toto envelope line, anything else a Sigstore bundle. */
export function formatForPath(path: string): SignedFormat {
  return path.endsWith('.jsonl') ? 'intoto-jsonl' : 'sigstore-bundle';
}

/** Checks that the bytes are an in-toto Statement v1 with at least one subject; refuses to sign anything else. */
export function checkStatement(bytes: Buffer, where: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new UsageError(`${where} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  const d = doc as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null || d._type !== STATEMENT_TYPE)
    throw new UsageError(`${where} is not an in-toto Statement v1 (_type must be ${STATEMENT_TYPE})`);
  if (!Array.isArray(d.subject) || d.subject.length === 0)
    throw new UsageError(`${where} has no subject: nothing for the signature to vouch for`);
  if (typeof d.predicateType !== 'string') throw new UsageError(`${where} has no predicateType`);
}

/** Signs a statement file into a DSSE envelope and writes it as `.intoto.jsonl` or a Sigstore bundle v0.3. */
export async function signStatement(o: {
  statementPath: string;
  keyPath: string;
  output: string;
  format?: SignedFormat;
  passphrase?: string;
}): Promise<{ keyId: string; format: SignedFormat }> {
  const size = (await stat(o.statementPath).catch(() => undefined))?.size;
  if (size === undefined) throw new UsageError(`statement not found: ${o.statementPath}`);
  if (size > MAX_STATEMENT) throw new UsageError(`${o.statementPath} is larger than ${MAX_STATEMENT} bytes`);
  const body = await readFile(o.statementPath);
  checkStatement(body, o.statementPath);
  const key = await loadPrivateKey(o.keyPath, o.passphrase);
  const keyId = keyIdOf(createPublicKey(key));
  const env = signEnvelope(body, INTOTO_PAYLOAD_TYPE, key, keyId);
  const format = o.format ?? formatForPath(o.output);
  const text =
    format === 'intoto-jsonl'
      ? `${JSON.stringify(env)}\n`
      : `${JSON.stringify(toBundle(env, keyId), null, 2)}\n`;
  await writeFile(o.output, text);
  return { keyId, format };
}
