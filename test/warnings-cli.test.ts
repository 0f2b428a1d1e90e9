import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { runCli } from './helpers/cli.js';
import { sarifValidator } from './helpers/schemas.js';

let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-warnings-cli-'));
  env = { VANGUARD_DB: join(dir, 'no-db', 'osv.sqlite') };
  mkdirSync(join(dir, 'app'));
  // Unpinned requirements (a note about app/requirements.txt) and a go.mod the parser cannot read (partial).
  writeFileSync(join(dir, 'app', 'requirements.txt'), 'flask>=2.0\nrequests==2.31.0\n');
  mkdirSync(join(dir, 'svc'));
  writeFileSync(join(dir, 'svc', 'go.mod'), 'module x\nrequire nope\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (...more: string[]): string[] => [
  'scan',
  dir,
  '--only',
  'secrets,iac',
  '--no-progress',
  ...more,
];

describe('structured warnings', () => {
  it('are { code, analyzer, path, message } in JSON', () => {
    const r = runCli(['scan', dir, '-f', 'json', '--no-progress'], { env });
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout) as ScanResult;
    expect(json.warnings).toEqual(
      expect.arrayContaining([
        {
          code: 'lockfile-note',
          analyzer: 'deps',
          path: 'app/requirements.txt',
          message:
            '1 requirement(s) are not pinned with == and were not resolved, listed without a version: flask >=2.0 (pin them, e.g. with pip-compile)',
        },
        expect.objectContaining({ code: 'advisory-db-missing', analyzer: 'deps' }),
      ]),
    );
  });

  it('are SARIF tool execution notifications, and a partial scan is not a successful execution', () => {
    const r = runCli(['scan', dir, '-f', 'sarif', '--no-progress'], { env });
    const sarif = JSON.parse(r.stdout) as {
      runs: {
        invocations: {
          executionSuccessful: boolean;
          toolExecutionNotifications: {
            level: string;
            descriptor: { id: string };
            message: { text: string };
            locations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
          }[];
        }[];
      }[];
    };
    expect(sarifValidator()(sarif)).toBe(true);
    const inv = sarif.runs[0]!.invocations[0]!;
    expect(inv.executionSuccessful).toBe(false);
    const note = inv.toolExecutionNotifications.find((n) => n.descriptor.id === 'lockfile-note')!;
    expect(note.level).toBe('warning');
    expect(note.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('app/requirements.txt');
    const error = inv.toolExecutionNotifications.find((n) => n.level === 'error')!;
    expect(error.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('svc/go.mod');
    const complete = JSON.parse(runCli(args('-f', 'sarif'), { env }).stdout) as typeof sarif;
    expect(complete.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('print once in the table, without doubled prefixes', () => {
    const r = runCli(['scan', dir, '--no-progress'], { env });
    expect(r.stdout).toContain(
      'warning: deps: app/requirements.txt: 1 requirement(s) are not pinned with == and were not resolved',
    );
    expect(r.stdout).not.toMatch(/warning: (\w+): \1:/);
    expect(r.stdout.match(/not pinned with ==/g)).toHaveLength(1);
  });
});

describe('analyzer notes', () => {
  it('name their file once: no "code: code:" or "code: skipped path" prefixes', () => {
    const tree = mkdtempSync(join(tmpdir(), 'vanguard-warnings-code-'));
    try {
      // A minified bundle: the code analyzer skips it and says so.
      writeFileSync(join(tree, 'bundle.min.js'), `var a=1;${'function f(){return 1}'.repeat(400)}\n`);
      const r = runCli(['scan', tree, '--only', 'code', '-f', 'json', '--no-progress']);
      const json = JSON.parse(r.stdout) as ScanResult;
      // Not a warning per file: the bundle is counted in the coverage section.
      expect(json.warnings).toEqual([]);
      expect(json.coverage).toEqual([
        {
          kind: 'generated',
          reason: 'generated or minified code: findings other than secrets are not reported',
          files: 1,
          examples: ['bundle.min.js'],
        },
      ]);
      const table = runCli(['scan', tree, '--only', 'code', '--no-progress']);
      expect(table.stdout).toContain(
        'Not analyzed:\n  1 file: generated or minified code: findings other than secrets are not reported (bundle.min.js)',
      );
      expect(table.stdout).not.toContain('code: code:');
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});

describe('reports all in files', () => {
  it('still print a summary on stderr that explains the exit code', () => {
    const out = join(dir, 'reports');
    const r = runCli(
      ['scan', dir, '-f', 'json', '-o', join(out, 'r.json'), '-f', 'sarif', '-o', join(out, 'r.sarif')],
      { env },
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^vanguard: \d+ findings?.*; gate passed/m);
    expect(r.stderr).toContain('vanguard: scan incomplete');
    expect(r.stderr).toContain(
      `vanguard: wrote json to ${join(out, 'r.json')}, sarif to ${join(out, 'r.sarif')}`,
    );
    // With a report on standard output nothing extra is printed.
    expect(runCli(['scan', dir, '-f', 'json', '--no-progress'], { env }).stderr).not.toContain(
      'vanguard: wrote',
    );
  });
});
