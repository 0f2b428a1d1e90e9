import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VanguardError } from '../../../core/errors.js';
import { isOsvRecord, type OsvRecord } from '../osv/types.js';
import { zipEntries } from './zip.js';

/** One verified OSV record read from an archive or folder. */
export interface RawRecord {
  record: OsvRecord;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseEntry(name: string, bytes: Uint8Array): RawRecord {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (err) {
    throw new VanguardError('DATABASE', `archive entry ${name} is not valid JSON`, { cause: err });
  }
  if (!isOsvRecord(value)) {
    throw new VanguardError('DATABASE', `archive entry ${name} is not an OSV record (id/modified/affected)`);
  }
  return { record: value };
}

/**
 * The records of an OSV export zip, verified one entry at a time: the archive must be intact (CRC-32 per entry)
 * and every `.json` entry a valid OSV record; the first problem throws a DATABASE error.
 */
export function* osvRecordsInZip(bytes: Uint8Array): Generator<RawRecord> {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of zipEntries(buf, (n) => n.endsWith('.json'))) yield parseEntry(e.name, e.data);
}

/** All records of an OSV export zip (tests and small archives; imports stream with osvRecordsInZip). */
export function readOsvZip(bytes: Uint8Array): RawRecord[] {
  return [...osvRecordsInZip(bytes)];
}

/** The records of a zip file, a folder of OSV JSON (recursively) or one JSON file, read lazily. */
export function* osvRecordsAt(path: string): Generator<RawRecord> {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (err) {
    throw new VanguardError('NOT_FOUND', `no such file or folder: ${path}`, { cause: err });
  }
  if (isFile) {
    const bytes = readFileSync(path);
    if (path.endsWith('.json')) yield parseEntry(path, bytes);
    else yield* osvRecordsInZip(bytes);
    return;
  }
  for (const e of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.json')) continue;
    const full = join(e.parentPath, e.name);
    yield parseEntry(full, readFileSync(full));
  }
}
