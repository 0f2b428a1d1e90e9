import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyzerRegistry } from '../analyzers/registry.js';
import { runScan } from '../scan/run-scan.js';
import { markerAnalyzer } from '../../test/helpers/fake-analyzer.js';
import { sarifValidator } from '../../test/helpers/schemas.js';
import { sarifReport } from './sarif.js';

async function scanFixture() {
  const root = mkdtempSync(join(tmpdir(), 'vg-sarif-'));
  mkdirSync(join(root, 'src dir'));
  writeFileSync(
    join(root, 'src dir', 'a.js'),
    'ok\nDANGER one\n// vanguard-ignore: code/test-marker reviewed, test data\nDANGER two\n',
  );
  writeFileSync(join(root, 'boom.txt'), 'x');
  return runScan({ path: root, registry: new AnalyzerRegistry().register(markerAnalyzer()) });
}

describe('sarif reporter', () => {
  it('is valid SARIF 2.1.0 with the fields GitHub code scanning reads', async () => {
    const scan = await scanFixture();
    const sarif = JSON.parse(sarifReport(scan, { tty: false })) as {
      version: string;
      runs: {
        tool: {
          driver: {
            name: string;
            rules: { id: string; properties: Record<string, unknown>; help: { text: string } }[];
          };
        };
        results: {
          ruleId: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId: string };
              region: { startLine: number };
            };
          }[];
          partialFingerprints: Record<string, string>;
          suppressions?: { kind: string; justification: string }[];
        }[];
        invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
      }[];
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('vanguard');
    const rule = run.tool.driver.rules.find((r) => r.id === 'code/test-marker')!;
    expect(rule.properties.tags).toEqual(
      expect.arrayContaining([
        'security',
        'code',
        'external/cwe/cwe-78',
        'owasp-a05-2025',
        'zoning-containment',
      ]),
    );
    expect(Number(rule.properties['security-severity'])).toBeGreaterThanOrEqual(7);
    expect(rule.help.text).toContain('Remove the marker');
    const results = run.results.filter((r) => r.ruleId === 'code/test-marker');
    expect(results).toHaveLength(2);
    const loc = results[0]!.locations[0]!.physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'src%20dir/a.js', uriBaseId: '%SRCROOT%' });
    expect(loc.region.startLine).toBe(2);
    expect(results[0]!.partialFingerprints['vanguard/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(results[1]!.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'reviewed, test data' },
    ]);
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications).toHaveLength(1);
  });
});

describe('sarif locations', () => {
  it('encodes every path segment, so # and ? stay part of the file name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vg-sarif-uri-'));
    mkdirSync(join(root, 'a#b?c'));
    writeFileSync(join(root, 'a#b?c', 'x y.js'), 'DANGER\n');
    const scan = await runScan({ path: root, registry: new AnalyzerRegistry().register(markerAnalyzer()) });
    const sarif = JSON.parse(sarifReport(scan, { tty: false })) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'a%23b%3Fc/x%20y.js',
    );
  });
});

describe('sarif code flows', () => {
  it('carries a taint path across files as codeFlows[].threadFlows[].locations[], valid SARIF', async () => {
    const scan = await scanFixture();
    const f = scan.findings.find((x) => !x.suppression)!;
    f.flow = [
      { path: 'routes/user.js', line: 6, label: 'req.query.id', kind: 'source' },
      { path: 'routes/user.js', line: 7, label: 'find(…)', kind: 'step' },
      { path: 'dao/user.js', line: 4, label: 'sql', kind: 'step' },
      { path: 'dao/user.js', line: 5, label: 'db.query(sql)', kind: 'sink' },
    ];
    const sarif = JSON.parse(sarifReport(scan, { tty: false })) as {
      runs: {
        results: {
          codeFlows?: {
            threadFlows: {
              locations: {
                location: {
                  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
                  message: { text: string };
                };
              }[];
            }[];
          }[];
        }[];
      }[];
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const withFlow = sarif.runs[0]!.results.filter((r) => r.codeFlows);
    expect(withFlow).toHaveLength(1);
    const steps = withFlow[0]!.codeFlows![0]!.threadFlows[0]!.locations.map(
      (l) =>
        `${l.location.physicalLocation.artifactLocation.uri}:${l.location.physicalLocation.region.startLine} ${l.location.message.text}`,
    );
    expect(steps).toEqual([
      'routes/user.js:6 source: req.query.id',
      'routes/user.js:7 find(…)',
      'dao/user.js:4 sql',
      'dao/user.js:5 sink: db.query(sql)',
    ]);
  });
});
