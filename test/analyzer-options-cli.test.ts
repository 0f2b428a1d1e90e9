import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function repoWith(policy: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanguard-options-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'app.js'), 'console.log(1);\n');
  writeFileSync(join(dir, 'vanguard.yaml'), policy);
  return dir;
}

const scan = (dir: string) => runCli(['scan', dir, '--only', 'secrets', '--no-progress']);

describe('analyzer options in vanguard.yaml', () => {
  it('rejects a misspelt option with its line and a suggestion (exit 2)', () => {
    const r = scan(repoWith('version: 1\noptions:\n  pipeline:\n    trustedOwner: [acme]\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vanguard\.yaml:4: .*trustedOwner/);
    expect(r.stderr).toContain('trustedOwners');
  });

  it('rejects a wrongly typed option and options for analyzers that take none', () => {
    const typed = scan(repoWith('options:\n  deps:\n    maxDbAgeDays: "a week"\n'));
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/vanguard\.yaml:3: .*maxDbAgeDays.*whole number/);
    const none = scan(repoWith('options:\n  secrets:\n    entropy: 4\n'));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/vanguard\.yaml:3: .*entropy/);
    const analyzer = scan(repoWith('options:\n  pipelines:\n    strictPinning: true\n'));
    expect(analyzer.code).toBe(2);
    expect(analyzer.stderr).toMatch(/vanguard\.yaml:2: .*pipelines/);
  });

  it('accepts the documented options', () => {
    const r = scan(
      repoWith(
        'options:\n  pipeline:\n    trustedOwners: [acme]\n    strictPinning: true\n' +
          '  deps:\n    maxDbAgeDays: 14\n    registries: [npm.example.com]\n    advisories: false\n',
      ),
    );
    expect(r.code, r.stderr).toBe(0);
  });
});
