import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP } from '../src/analyzers/code/test-shell-app.js';
import type { ScanResult } from '../src/core/result.js';
import { runCli } from './helpers/cli.js';

// End to end through the CLI: an application whose login also opens a bash WebSocket. A path traversal in a
// route behind that login is kept in the results, marked by design, and left out of the reported findings;
// one in a route registered before the guard is reported (lowered one step, with the shell's note).

// The small terminal application the unit tests read (test-shell-app.ts), named so the CLI sees a package.
const FILES: Record<string, string> = {
  ...APP,
  'package.json': '{"name":"shell-ui","version":"1.0.0","main":"server/index.js"}',
};

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-by-design-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scan = (...more: string[]) => runCli(['scan', dir, '--only', 'code', '--no-progress', ...more]);

describe('findings behind the login that opens a shell, through the CLI', () => {
  it('are kept in the JSON, marked by design and counted, and the open route is reported', () => {
    const r = scan('-f', 'json');
    const json = JSON.parse(r.stdout) as ScanResult;
    const traversal = json.findings.filter((f) => f.ruleId === 'code/js-path-traversal');
    const at = (path: string, line: number) =>
      traversal.find((f) => f.location.path === path && f.location.startLine === line);
    expect(at('server/index.js', 13)?.suppression?.kind).toBe('by-design');
    expect(at('server/routes/files.js', 5)?.suppression?.kind).toBe('by-design');
    const early = at('server/index.js', 9);
    expect(early?.suppression).toBeUndefined();
    expect(early?.severity).toBe('medium');
    expect(json.summary.byDesign).toEqual([
      { reason: expect.stringContaining('shell at server/index.js:20') as string, findings: 2 },
    ]);
  });

  it('says so in the table and lists them as suppressions in SARIF', () => {
    const table = scan('-f', 'table');
    expect(table.stdout).toMatch(/Not reported, by design: 2 findings: .*authenticateToken/);
    const sarif = JSON.parse(scan('-f', 'sarif').stdout) as {
      runs: { results: { suppressions?: { kind: string }[] }[] }[];
    };
    const suppressed = sarif.runs[0]!.results.filter((r) =>
      r.suppressions?.some((s) => s.kind === 'external'),
    );
    expect(suppressed).toHaveLength(2);
  });
});
