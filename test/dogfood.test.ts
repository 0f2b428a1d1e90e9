import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { OSV_DIR } from './helpers/advisories.js';
import { runCli } from './helpers/cli.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

describe('dogfood', () => {
  it('Vanguard passes its own scan, dependencies included', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'vg-dogfood-')), 'osv.sqlite');
    expect(runCli(['db', '--db-path', db, 'import', OSV_DIR]).code).toBe(0);
    const r = runCli(['scan', REPO, '--format', 'json', '--no-progress', '--db-path', db]);
    const result = JSON.parse(r.stdout) as ScanResult;
    const open = result.findings.filter((f) => !f.suppression);
    expect(open.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)).toEqual([]);
    expect(result.status).toBe('complete');
    expect(result.analyzers.find((a) => a.id === 'deps')?.filesAnalyzed).toBeGreaterThan(0);
    expect(r.code).toBe(0);
    // A whole-repository scan: about 30 s on an idle CI machine, more when the suite shares its cores.
  }, 180_000);
});
