import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { runCli } from './helpers/cli.js';

describe('vanguard init', () => {
  it('writes a workflow and a policy that pass Vanguard itself (pinned actions, least privilege)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-init-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"app","version":"1.0.0"}\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20@sha256:' + 'a'.repeat(64) + '\nUSER node\n');
    const init = runCli(['init', dir]);
    expect(init.code, init.stderr).toBe(0);
    const scan = runCli([
      'scan',
      dir,
      '--only',
      'pipeline,iac',
      '--format',
      'json',
      '--no-progress',
      '--fail-on',
      'low',
    ]);
    const result = JSON.parse(scan.stdout) as ScanResult;
    expect(result.analyzers.find((a) => a.id === 'pipeline')?.filesAnalyzed).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.analyzer === 'pipeline').map((f) => f.ruleId)).toEqual([]);
    // The vanguard.yaml it wrote is valid: the scan above loaded it without a configuration error.
    expect(scan.code).toBe(0);
    writeFileSync(join(dir, 'vanguard.yaml'), '# edited by the team\n');
    const again = runCli(['init', dir]);
    expect(again.stdout).toMatch(/kept\s+vanguard\.yaml \(exists; --force overwrites it\)/);
    expect(readFileSync(join(dir, 'vanguard.yaml'), 'utf8')).toBe('# edited by the team\n');
  });
});
