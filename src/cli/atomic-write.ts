import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';

/**
 * Writes `data` to `target` so that readers (and a later run) only ever see the previous file or the
 * complete new one: the bytes go to a temporary file in the same folder (same file system, so the
 * rename is atomic), are flushed to disk, and the temporary file is renamed over the target. A process
 * killed mid-write leaves the previous report intact (and at most a `.<name>.vanguard-*.tmp` file).
 * A target that is a directory is a usage error. A symbolic link at the target is replaced, never
 * written through.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array | Iterable<string | Uint8Array>,
): Promise<void> {
  if (target.endsWith('/') || target.endsWith('\\')) {
    throw new UsageError(`--output ${target}: is a directory; give a file name`);
  }
  const st = await lstat(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new UsageError(`--output ${target}: ${err.message}`, { cause: err });
  });
  if (st?.isDirectory()) throw new UsageError(`--output ${target}: is a directory; give a file name`);
  const dir = dirname(target);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new UsageError(`--output ${target}: cannot create ${dir}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const tmp = join(dir, `.${basename(target)}.vanguard-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  // O_EXCL | O_NOFOLLOW: never reuse or follow something already at the temporary name.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  let fh;
  try {
    fh = await open(tmp, flags, 0o644);
  } catch (err) {
    throw new UsageError(`--output ${target}: cannot write in ${dir}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await fh.writeFile(data);
      // writeFile from the current position writes a whole piece (write() may write part of one).
      else for (const piece of data) await fh.writeFile(piece);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new UsageError(`--output ${target}: ${(err as Error).message}`, { cause: err });
  }
}
