import { VanguardError } from '../core/errors.js';
import { runGit } from './git-command.js';

/**
 * Reads blobs by object id with one `git cat-file --batch` (ids only, so nothing is parsed as a
 * revision or a path). Objects that are missing, or are not blobs, are absent from the map.
 * `expectedBytes` is the sum of their sizes, which bounds the output git may send.
 */
export async function readBlobs(
  top: string,
  oids: readonly string[],
  expectedBytes: number,
): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const r = await runGit(top, ['cat-file', '--batch'], {
    input: oids.map((o) => `${o}\n`).join(''),
    maxOutput: expectedBytes + oids.length * 160,
    timeoutMs: 15 * 60_000,
  });
  const out = r.stdout;
  let pos = 0;
  for (const oid of oids) {
    const nl = out.indexOf(0x0a, pos);
    if (nl < 0) break;
    const header = out.subarray(pos, nl).toString('latin1');
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!m) {
      // "<oid> missing" (or "ambiguous"): nothing follows the header.
      pos = nl + 1;
      continue;
    }
    const size = Number(m[3]);
    if (m[1] !== oid) throw new VanguardError('GIT_FAILED', `git cat-file: expected ${oid}, got ${m[1]}`);
    if (m[2] === 'blob') blobs.set(oid, out.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return blobs;
}
