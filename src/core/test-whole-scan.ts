import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from './finding.js';
import { runScan } from '../scan/run-scan.js';

/** The findings on `path` of a whole scan (secrets and code analyzers) of a folder that holds only that file. */
export async function wholeScanOf(
  path: string,
  text: string,
  profile: 'default' | 'audit' = 'default',
): Promise<Finding[]> {
  const root = mkdtempSync(join(tmpdir(), 'vanguard-whole-scan-'));
  try {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), text);
    const r = await runScan({
      path: root,
      workers: 1,
      failOn: 'none',
      only: ['secrets', 'code'],
      options: { code: { profile }, secrets: { profile } },
    });
    return r.findings.filter((f) => f.location.path === path);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
