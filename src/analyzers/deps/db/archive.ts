import { unzipSync } from 'fflate';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VanguardError } from '../../../core/errors.js';
import { isOsvRecord, type OsvRecord } from '../osv/types.js';

/** One verified OSV record read from an archive or folder. */
export interface RawRecord {
  record: OsvRecord;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseEntry(name: string, bytes: Uint8Array): RawRecord {
  let text: string;
  let value: unknown;
  try {
    text = decoder.decode(bytes);
    value = JSON.parse(text);
  } catch (err) {
    throw new VanguardError('DATABASE', `archive entry ${name} is not valid JSON`, { cause: err });
  }
  if (!isOsvRecord(value))
    throw new VanguardError('DATABASE', `archive entry ${name} is not an OSV record (id/modified/affected)`);
  return { record: value };
}

/** Reads and verifies an OSV export zip: it must unzip, and every `.json` entry must be a valid OSV record. */
export function readOsvZip(bytes: Uint8Array): RawRecord[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.endsWith('.json') });
  } catch (err) {
    throw new VanguardError('DATABASE', `the advisory archive is corrupt: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return Object.entries(files).map(([name, data]) => parseEntry(name, data));
}

/** Reads OSV JSON from a zip file or a folder (recursively, `*.json`). */
export async function readOsvPath(path: string): Promise<RawRecord[]> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    throw new VanguardError('NOT_FOUND', `no such file or folder: ${path}`, { cause: err });
  }
  if (st.isFile()) {
    const bytes = await readFile(path);
    if (path.endsWith('.json')) return [parseEntry(path, bytes)];
    return readOsvZip(bytes);
  }
  const out: RawRecord[] = [];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.json')) continue;
    const full = join(e.parentPath, e.name);
    out.push(parseEntry(full, await readFile(full)));
  }
  return out;
}
