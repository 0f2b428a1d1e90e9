import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VanguardError } from '../../../core/errors.js';
import type { OsvRecord } from '../osv/types.js';
import { osvRecordProblem } from '../osv/validate.js';
import { zipEntries } from './zip.js';

/** One verified OSV record read from an archive or folder. */
export interface RawRecord {
  record: OsvRecord;
}

/** Receives an entry that is not a valid OSV record: it is left out, and the caller counts and names it. */
export type OnReject = (name: string, reason: string) => void;

/** The strict default (tests, small archives): the first bad entry throws. */
const throwOnReject: OnReject = (name, reason) => {
  throw new VanguardError('DATABASE', `archive entry ${name} is not an OSV record: ${reason}`);
};

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseEntry(name: string, bytes: Uint8Array, onReject: OnReject): RawRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (err) {
    onReject(name, `not valid JSON (${(err as Error).message.slice(0, 120)})`);
    return undefined;
  }
  const problem = osvRecordProblem(value);
  if (problem !== undefined) {
    onReject(name, problem);
    return undefined;
  }
  return { record: value as OsvRecord };
}

/**
 * The records of an OSV export zip, verified one entry at a time: the archive must be intact (CRC-32 per
 * entry, else a DATABASE error); a `.json` entry that is not a valid OSV record goes to `onReject`.
 */
export function* osvRecordsInZip(
  bytes: Uint8Array,
  onReject: OnReject = throwOnReject,
): Generator<RawRecord> {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of zipEntries(buf, (n) => n.endsWith('.json'))) {
    const r = parseEntry(e.name, e.data, onReject);
    if (r) yield r;
  }
}

/** All records of an OSV export zip (tests and small archives; imports stream with osvRecordsInZip). */
export function readOsvZip(bytes: Uint8Array): RawRecord[] {
  return [...osvRecordsInZip(bytes)];
}

/** The records of a zip file, a folder of OSV JSON (recursively) or one JSON file, read lazily. */
export function* osvRecordsAt(path: string, onReject: OnReject = throwOnReject): Generator<RawRecord> {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (err) {
    throw new VanguardError('NOT_FOUND', `no such file or folder: ${path}`, { cause: err });
  }
  if (isFile) {
    const bytes = readFileSync(path);
    if (path.endsWith('.json')) {
      const r = parseEntry(path, bytes, onReject);
      if (r) yield r;
    } else yield* osvRecordsInZip(bytes, onReject);
    return;
  }
  for (const e of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.json')) continue;
    const full = join(e.parentPath, e.name);
    const r = parseEntry(full, readFileSync(full), onReject);
    if (r) yield r;
  }
}

/** Bad records of one import or update: how many, and the first ones by name with the reason. */
export class Rejections {
  count = 0;
  readonly first: { name: string; reason: string }[] = [];
  readonly onReject: OnReject = (name, reason) => {
    this.count++;
    if (this.first.length < 20) this.first.push({ name, reason });
  };
}
