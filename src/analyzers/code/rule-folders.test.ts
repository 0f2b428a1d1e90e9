import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { PreparedRules } from './engine.js';
import { codeAnalyzer } from './index.js';
import { loadRuleDirs, parseUtilsFile } from './rule-folders.js';

/** A rule of folder `acme` whose match uses the util `name` (defined elsewhere). */
const ruleUsing = (id: string, name: string): string => `rules:
  - { id: acme/${id}, title: t, description: d, languages: [javascript], severity: low,
      confidence: high, cwe: [477], principles: [logging], message: m, remediation: r,
      match: { pattern: 'legacy($X)', has: { stopBy: end, matches: ${name} } } }
`;

const SHARED = `utils:
  legacy-arg:
    kind: string
    regex: '^.old'
`;

/** A fresh folder holding `files` (name → text). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanguard-utils-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('shared utils of a rule folder', () => {
  it('lets every rule file of the folder use the utils of its *.utils.yaml file', async () => {
    const dir = folder({
      'legacy.utils.yaml': SHARED,
      'one.yaml': ruleUsing('one', 'legacy-arg'),
      'two.yaml': ruleUsing('two', 'legacy-arg'),
    });
    const set = loadRuleDirs([dir]);
    expect(set.rules.map((r) => r.id)).toEqual(['acme/one', 'acme/two']);
    const ctx = makeMemoryContext({}, { rulesDirs: [dir] });
    const src = "legacy('old');\nlegacy('new');\n";
    const out = await codeAnalyzer.analyze(makeSourceFile('a.js', src), ctx);
    const acme = out.filter((f) => f.ruleId.startsWith('acme/'));
    // Only the first call's argument matches the shared util, for both rules.
    expect(acme.map((f) => `${f.ruleId}:${f.location.startLine}`).sort()).toEqual([
      'acme/one:1',
      'acme/two:1',
    ]);
  });

  it('refuses a rule file that defines a util of the same name as a shared one', () => {
    const own = `${ruleUsing('one', 'legacy-arg')}utils:\n  legacy-arg: { kind: string }\n`;
    const dir = folder({ 'legacy.utils.yaml': SHARED, 'one.yaml': own });
    expect(() => loadRuleDirs([dir])).toThrow(/util "legacy-arg" is also defined in the folder's shared/);
  });

  it('refuses a util defined in two shared files, and a shared file holding rules', () => {
    const twice = folder({ 'a.utils.yaml': SHARED, 'b.utils.yaml': SHARED });
    expect(() => loadRuleDirs([twice])).toThrow(/util "legacy-arg" is defined in .*a\.utils\.yaml and/);
    expect(() => parseUtilsFile('x.utils.yaml', ruleUsing('one', 'legacy-arg'))).toThrow(ConfigError);
    expect(() => parseUtilsFile('x.utils.yaml', ruleUsing('one', 'legacy-arg'))).toThrow(
      /holds only "utils" \(found "rules"\)/,
    );
  });

  it('keeps shared utils to their folder: another folder cannot use them', () => {
    const withShared = folder({ 'legacy.utils.yaml': SHARED, 'one.yaml': ruleUsing('one', 'legacy-arg') });
    const other = folder({ 'two.yaml': ruleUsing('two', 'legacy-arg') });
    const set = loadRuleDirs([withShared, other]);
    const two = set.rules.find((r) => r.id === 'acme/two');
    expect(JSON.stringify(two?.match)).not.toContain('regex');
    // ast-grep refuses the unknown util when it compiles the rule, naming the rule.
    expect(() => new PreparedRules({ ...set, sources: [], sanitizers: [] })).toThrow(/acme\/two/);
  });
});
