/**
 * Vitest global setup: gives the run one temporary folder, set as TMPDIR for every test process and
 * what it spawns, and removes it when the run ends, so the throwaway folders tests make (repositories,
 * projects, reports) are never left behind in the machine's temporary folder.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'vanguard-test-'));
  // Readable by other users: the PostgreSQL tests run the server as `postgres`.
  chmodSync(dir, 0o755);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
