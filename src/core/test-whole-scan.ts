import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from './finding.js';
import { runScan } from '../scan/run-scan.js';

/** The findings on `path` of a whole scan (`only` these analyzers) of a folder that holds only that file. */
export async function wholeScanOf(
  path: string,
  text: string,
  profile: 'default' | 'audit' = 'default',
  only: string[] = ['secrets', 'code'],
): Promise<Finding[]> {
  const root = mkdtempSync(join(tmpdir(), 'vanguard-whole-scan-'));
  try {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), text);
    const r = await runScan({
      path: root,
      workers: 1,
      failOn: 'none',
      only,
      profile,
    });
    return r.findings.filter((f) => f.location.path === path);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The credential findings of one file of a whole scan (the secrets analyzer's and the code rules' for credentials,
 * crypto keys and password hashes), as [line, rule, severity, message].
 */
export async function credentialRowsOf(
  path: string,
  text: string,
  profile: 'default' | 'audit' = 'default',
): Promise<[number, string, string, string][]> {
  return (await wholeScanOf(path, text, profile))
    .filter((f) => f.analyzer === 'secrets' || /credential|crypto-key|password-hash/.test(f.ruleId))
    .map((f) => [f.location.startLine, f.ruleId, f.severity, f.message]);
}
