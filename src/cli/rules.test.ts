import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerRules } from './rules.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));

let out: string[] = [];

async function run(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerRules(program);
  await program.parseAsync(['node', 'vanguard', 'rules', ...args]);
  return out.join('');
}

beforeEach(() => {
  out = [];
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out.push(String(s));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('vanguard rules', () => {
  it('lists the built-in code rules with severity and CWE', async () => {
    const text = await run('list', '--analyzer', 'code');
    expect(text).toMatch(/code\/js-sql-injection\s+critical\s+taint\s+default\s+CWE-89/);
    expect(text).toMatch(/code\/py-weak-hash\s+low\s+pattern\s+default\s+CWE-328/);
    expect(text).toMatch(/code\/js-command-injection-audit\s+medium\s+audit\s+default\s+CWE-78/);
    // Moved to the opt-in audit profile (0 true of 18 verdicts on the accuracy bench).
    expect(text).toMatch(/code\/py-sql-injection-audit\s+medium\s+audit\s+audit\s+CWE-89/);
    // Moved to the opt-in audit profile (0 true of 5 verdicts on the accuracy bench).
    expect(text).toMatch(/code\/py-command-injection-audit\s+medium\s+audit\s+audit\s+CWE-78/);
    expect(text).toMatch(/\d+ rules\n$/);
  });

  it('lists the opt-in audit profile with its rules, and only the default rules with --profile default', async () => {
    expect(await run('list', '--analyzer', 'code')).toMatch(
      /code\/js-audit-file-path\s+low\s+audit\s+audit\s+CWE-22,CWE-73/,
    );
    out = [];
    const defaults = await run('list', '--analyzer', 'code', '--profile', 'default');
    expect(defaults).toContain('code/js-sql-injection ');
    expect(defaults).not.toContain('code/js-audit-file-path');
  });

  it('marks the secrets rules some of whose shapes only the audit profile reports, and names the shapes', async () => {
    const text = await run('list', '--analyzer', 'secrets');
    expect(text).toMatch(/secrets\/private-key\s+critical\s+-\s+default\*\s+CWE-321/);
    expect(text).toMatch(/secrets\/aws-access-key\s+critical\s+-\s+default\s+CWE-798/);
    expect(text).toContain('default*: some of its findings only with --profile audit');
    out = [];
    const shown = await run('show', 'secrets/private-key');
    expect(shown).toContain(
      'audit only:  plain key material in a test, fixture, example-program or documentation file',
    );
  });

  it('shows one rule with its taxonomy and fix', async () => {
    const text = await run('show', 'code/py-command-injection');
    expect(text).toContain('CWE-78');
    expect(text).toContain('A05:2025');
    expect(text).toContain('tier:        taint');
    expect(text).toContain('class:       command-injection');
    expect(text).toContain('Fix:');
  });

  it('fails loudly on an unknown rule id', async () => {
    await expect(run('show', 'code/nope')).rejects.toThrow(/unknown rule/);
  });

  it('passes a folder whose examples agree with its rules', async () => {
    const text = await run('test', fixture('code-rules'));
    expect(text).toContain('ok   acme/no-console-log');
    expect(process.exitCode).toBeUndefined();
  });

  it('exits non-zero when an example misses or a rule has no good example', async () => {
    const text = await run('test', fixture('code-rules-failing'));
    expect(text).toContain('missed lines 2');
    expect(text).toContain('unexpected findings on lines 3');
    expect(text).toContain('no good example');
    expect(process.exitCode).toBe(1);
  });

  it('lists custom rules from --rules folders', async () => {
    const text = await run('list', '--rules', fixture('code-rules'));
    expect(text).toContain('acme/no-console-log');
  });
});
