import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('vanguard CLI basics', () => {
  it('prints its version and help', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['scan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on');
  });

  it('exits 2 with a clear message on usage errors', () => {
    const missing = runCli(['scan', '/nonexistent/path/for/vanguard']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/path does not exist/);
    const unknown = runCli(['scan', '.', '--only', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown analyzer "nope"/);
    expect(runCli(['scan', '.', '--format', 'pdf']).code).toBe(2);
    expect(runCli(['scan', '.', '--fail-on', 'urgent']).code).toBe(2);
  });

  it('exits 2 for --history outside a git repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-nogit-'));
    writeFileSync(join(dir, 'a.txt'), 'hello\n');
    const r = runCli(['scan', dir, '--history', '--only', 'secrets']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not .*git repository/);
  });
});
