import { spawnSync } from 'node:child_process';
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

  it('a first run works: plain scan and a staged lockfile pass without a database; CI updates it on the default branch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-init-first-'));
    const env = { VANGUARD_DB: join(dir, '.no-db', 'osv.sqlite') };
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    expect(git('init', '-q', '-b', 'master').status).toBe(0);
    writeFileSync(
      join(dir, 'package.json'),
      '{"name":"app","version":"1.0.0","dependencies":{"ms":"2.1.3"}}\n',
    );
    writeFileSync(
      join(dir, 'package-lock.json'),
      JSON.stringify({
        name: 'app',
        version: '1.0.0',
        lockfileVersion: 3,
        packages: {
          '': { name: 'app', version: '1.0.0', dependencies: { ms: '2.1.3' } },
          'node_modules/ms': {
            version: '2.1.3',
            resolved: 'https://registry.npmjs.org/ms/-/ms-2.1.3.tgz',
            integrity: `sha512-${Buffer.alloc(64, 7).toString('base64')}`,
          },
        },
      }),
    );
    expect(runCli(['init', dir], { env }).code).toBe(0);
    const policy = readFileSync(join(dir, 'vanguard.yaml'), 'utf8');
    expect(policy).not.toMatch(/^\s+only:/m);
    const scan = runCli(['scan', dir, '--no-progress'], { env });
    expect(scan.code, scan.stderr + scan.stdout).toBe(0);
    expect(scan.stdout).toContain('no advisory database');
    // The pre-commit hook's command, with the lockfile staged.
    expect(git('add', '-A').status).toBe(0);
    const staged = runCli(['scan', '--staged', '--no-progress'], { env, cwd: dir });
    expect(staged.code, staged.stderr + staged.stdout).toBe(0);
    const workflow = readFileSync(join(dir, '.github', 'workflows', 'vanguard.yml'), 'utf8');
    expect(workflow).toContain('branches: ["master"]');
    const update = workflow.indexOf('db update');
    expect(update).toBeGreaterThan(0);
    expect(update).toBeLessThan(workflow.indexOf(' scan --format sarif'));
  });
});
