import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleFiles } from './rule-examples.js';
import { testRuleFolder } from './rule-tests.js';

const RULES = `rules:
  - id: acme/no-eval
    title: eval call
    description: Runs text as code.
    languages: [javascript]
    severity: high
    confidence: high
    cwe: [95]
    principles: [zoning-containment]
    message: 'eval: {sink}'
    remediation: Do not evaluate text.
    match: eval($X)
  - id: acme/no-eval-literal
    title: eval of a literal
    description: Still runs text as code.
    languages: [javascript]
    severity: low
    confidence: high
    cwe: [95]
    principles: [zoning-containment]
    message: 'eval of a literal: {sink}'
    remediation: Write the code itself.
    match: eval("$S")
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanguard-rule-examples-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'rules.yaml'), RULES);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'tests', name.split('/')[0] ?? ''), { recursive: true });
    writeFileSync(join(dir, 'tests', name), text);
  }
  return dir;
}

describe('examples shared between rules', () => {
  const shared = [
    '// examples also for: acme/no-eval-literal',
    '// ruleid: acme/no-eval',
    'eval(code);',
    '// ruleid: acme/no-eval, acme/no-eval-literal',
    'eval("1 + 1");',
    '',
  ].join('\n');

  it('checks a file of one rule’s folder for every rule its header names, each against its own markers', () => {
    const dir = folder({
      'no-eval/bad.js': shared,
      'no-eval/good.js': 'run(code);\n',
      'no-eval-literal/good.js': 'eval(code);\n',
    });
    const ex = exampleFiles(join(dir, 'tests'), 'acme/no-eval-literal');
    expect(ex.bad).toEqual([join(dir, 'tests', 'no-eval', 'bad.js')]);
    const report = testRuleFolder(dir);
    expect(report.missingExamples).toEqual([]);
    expect(report.results.filter((r) => r.rule === 'acme/no-eval-literal')).toHaveLength(2);
    expect(report.passed).toBe(true);
  });

  it('fails when the shared file’s markers for the other rule are wrong', () => {
    const dir = folder({
      'no-eval/bad.js': shared.replace(
        '// ruleid: acme/no-eval, acme/no-eval-literal',
        '// ruleid: acme/no-eval',
      ),
      'no-eval/good.js': 'run(code);\n',
      'no-eval-literal/good.js': 'eval(code);\n',
    });
    const report = testRuleFolder(dir);
    const literal = report.results.find(
      (r) => r.rule === 'acme/no-eval-literal' && r.file.endsWith('bad.js'),
    );
    expect(literal?.unexpected).toEqual([5]);
    expect(report.passed).toBe(false);
  });

  it('does not share a file whose header names no rule', () => {
    const dir = folder({ 'no-eval/bad.js': '// ruleid: acme/no-eval\neval(code);\n' });
    expect(exampleFiles(join(dir, 'tests'), 'acme/no-eval-literal')).toEqual({ bad: [], good: [] });
  });
});
