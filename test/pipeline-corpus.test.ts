import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pipelineAnalyzer } from '../src/analyzers/pipeline/index.js';
import { makeMemoryContext, makeSourceFile } from '../src/core/source-file.js';

const DIR = fileURLToPath(new URL('./fixtures/pipeline', import.meta.url));
const MARK = /(?:#|\/\/)\s?expect:\s*((?:pipeline\/[\w-]+\s*)+)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/**
 * The labelled corpus: every `# expect: <rule>` line must be reported with that rule, and no other line
 * may be reported. Prints recall and the share of safe lines with an alarm (the measures).
 */
describe('pipeline corpus (test/fixtures/pipeline)', () => {
  it('finds every labelled problem and raises no alarm on safe lines', async () => {
    let expected = 0;
    let hit = 0;
    let safeLines = 0;
    const alarms = new Set<string>();
    const missed: string[] = [];
    for (const abs of files(DIR)) {
      const path = relative(DIR, abs).replace(/\\/g, '/');
      const text = readFileSync(abs, 'utf8');
      const file = makeSourceFile(path, text);
      expect(pipelineAnalyzer.matches(file), path).toBe(true);
      const findings = await pipelineAnalyzer.analyze(file, makeMemoryContext({ [path]: text }));
      const found = new Set(findings.map((f) => `${f.location.startLine} ${f.ruleId}`));
      const labelled = new Set<string>();
      text.split('\n').forEach((line, i) => {
        const m = MARK.exec(line);
        if (!m) {
          if (line.trim() !== '' && !line.trim().startsWith('#')) safeLines++;
          return;
        }
        for (const rule of m[1]!.trim().split(/\s+/)) {
          expected++;
          labelled.add(`${i + 1} ${rule}`);
          if (found.has(`${i + 1} ${rule}`)) hit++;
          else missed.push(`${path}:${i + 1} ${rule}`);
        }
      });
      for (const f of findings)
        if (!labelled.has(`${f.location.startLine} ${f.ruleId}`))
          alarms.add(`${path}:${f.location.startLine} ${f.ruleId}`);
    }
    console.log(
      `pipeline corpus: ${hit}/${expected} labelled problems found; ${alarms.size} alarms on ${safeLines} safe lines`,
    );
    expect(missed).toEqual([]);
    expect([...alarms]).toEqual([]);
    expect(expected).toBeGreaterThanOrEqual(30);
  });
});
