import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { runCli } from './helpers/cli.js';

/** A scanned repository's policy and rule folders are data: they cannot hold the scan or reach out. */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'vg-policy-repo-'));
  dirs.push(d);
  return d;
}

function ruleFile(trigger: string): string {
  return `sources:
  - id: acme-evil
    label: evil
    languages: [javascript]
    triggers: ['${trigger}']
    calls: [readEvil]
rules:
  - id: acme/evil-eval
    title: evil input evaluated
    description: Input from readEvil reaches eval.
    languages: [javascript]
    severity: high
    confidence: high
    cwe: [95]
    principles: [zoning-containment]
    message: 'evil input {source} reaches {sink}'
    remediation: Do not evaluate it.
    taint:
      sources: [evil]
      sinks:
        - pattern: eval($$$)
          arg: 0
`;
}

/** A repository with a rule folder at .vanguard/rules and one small JavaScript file. */
function repoWith(trigger: string, rulesEntry = '.vanguard/rules'): string {
  const root = tempDir();
  mkdirSync(join(root, '.vanguard', 'rules'), { recursive: true });
  writeFileSync(join(root, '.vanguard', 'rules', 'evil.yaml'), ruleFile(trigger));
  writeFileSync(join(root, 'vanguard.yaml'), `version: 1\nrules:\n  - ${rulesEntry}\n`);
  // 40 'a's and no 'b': a backtracking engine tries 2^40 ways to match (a|a)+b here.
  writeFileSync(
    join(root, 'app.js'),
    `const s = '${'a'.repeat(40)}';\nconst x = readEvil() + s;\neval(x);\n`,
  );
  return root;
}

describe('custom rule triggers from the repository', () => {
  it('a (a|a)+b trigger runs on re2 and the scan finishes (the CLI run has a watchdog)', () => {
    const root = repoWith('(a|a)+b');
    const r = runCli(['scan', root, '--only', 'code', '--format', 'json', '--fail-on', 'none'], {
      cwd: tempDir(),
    });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(result.status).toBe('complete');
    // The trigger does not match ('b' never occurs), so the label is absent and nothing is reported.
    expect(result.findings.filter((f) => f.ruleId === 'acme/evil-eval')).toEqual([]);
  }, 120_000);

  it('a trigger that matches loads the rule from the repository root, whatever the working directory', () => {
    const root = repoWith('readEvil\\(');
    const r = runCli(['scan', root, '--only', 'code', '--format', 'json', '--fail-on', 'none'], {
      cwd: tempDir(),
    });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(result.findings.map((f) => f.ruleId)).toContain('acme/evil-eval');
  }, 120_000);

  it('syntax re2 lacks (lookaround, backreferences) is rejected with the reason, exit 2', () => {
    const root = repoWith('(?<=x)readEvil');
    const r = runCli(['scan', root, '--only', 'code'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /trigger regex .* is not accepted: triggers run on the linear-time engine \(re2\)/,
    );
  }, 120_000);
});

describe('rules: folders in vanguard.yaml stay inside the repository', () => {
  const cases: [string, (root: string) => string, RegExp][] = [
    ['a parent folder', () => '../elsewhere', /rules: "\.\.\/elsewhere" leaves the repository/],
    ['an absolute path', () => '/etc', /rules: "\/etc" is an absolute path/],
    [
      'a symbolic link out of the tree',
      (root) => {
        const outside = tempDir();
        writeFileSync(join(outside, 'evil.yaml'), ruleFile('readEvil\\('));
        symlinkSync(outside, join(root, 'linked-rules'));
        return 'linked-rules';
      },
      /rules: "linked-rules" leads out of the repository through a symbolic link/,
    ],
  ];
  for (const [name, entry, message] of cases) {
    it(`${name} is a configuration error with the line (exit 2)`, () => {
      const root = repoWith('readEvil\\(');
      const e = entry(root);
      writeFileSync(join(root, 'vanguard.yaml'), `version: 1\nignore: []\nrules:\n  - ${e}\n`);
      const r = runCli(['scan', root, '--only', 'code'], { cwd: tempDir() });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/vanguard\.yaml:4/);
    }, 120_000);
  }
});
