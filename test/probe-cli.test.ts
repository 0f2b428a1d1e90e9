import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type ScanResult } from '../src/core/result.js';
import { runCliAsync } from './helpers/cli.js';
import { badHandler, httpService, type TestService } from './helpers/probe-servers.js';
import { sarifValidator, scanResultValidator } from './helpers/schemas.js';

let web: TestService;
const listeners: Server[] = [];
let declaredPort: number;
let strayPort: number;
let project: string;

async function openPort(): Promise<number> {
  const s = createServer((socket) => socket.end());
  listeners.push(s);
  return new Promise((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
}

beforeAll(async () => {
  web = await httpService(badHandler);
  declaredPort = await openPort();
  strayPort = await openPort();
  project = mkdtempSync(join(tmpdir(), 'vg-probe-project-'));
  writeFileSync(join(project, 'Dockerfile'), `FROM nginx:1.27\nEXPOSE ${declaredPort}\nUSER nginx\n`);
  writeFileSync(
    join(project, 'vanguard.yaml'),
    'version: 1\nexceptions:\n  - rule: probe/referrer-policy-weak\n    reason: the page sets it in a meta tag we do not serve here\n    owner: web team\n    expires: 2099-01-01\n',
  );
});

afterAll(async () => {
  await web.close();
  await Promise.all(listeners.map((s) => new Promise<void>((r) => s.close(() => r()))));
});

describe('vanguard probe (CLI)', () => {
  it('writes JSON and SARIF, judges open ports against the project, applies its policy, and fails the gate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-probe-out-'));
    const ports = [declaredPort, strayPort, web.port].join(',');
    const r = await runCliAsync(
      [
        'probe',
        web.url,
        '--ports',
        ports,
        '--config',
        join(project, 'vanguard.yaml'),
        '--phase',
        'runtime',
        '--format',
        'json',
        '--output',
        join(dir, 'probe.json'),
        '--format',
        'sarif',
        '--output',
        join(dir, 'probe.sarif'),
      ],
      dir,
    );
    expect(r.stderr).toMatch(/vanguard: \d+ findings .*; gate failed/);
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, 'probe.json'), 'utf8')) as ScanResult;
    expect(json.schemaVersion).toBe(SCHEMA_VERSION);
    const valid = scanResultValidator();
    expect(valid(json), JSON.stringify(valid.errors?.slice(0, 3))).toBe(true);
    expect(json.analyzers.map((a) => [a.id, a.status])).toEqual([['probe', 'succeeded']]);
    const undeclared = json.findings.filter((f) => f.ruleId === 'probe/port-undeclared');
    expect(undeclared.map((f) => f.location.path)).toEqual([`tcp://127.0.0.1:${strayPort}`]);
    expect(json.probe!.project).toBe(project);
    expect(json.findings.every((f) => f.phase === 'runtime')).toBe(true);
    const referrer = json.findings.find((f) => f.ruleId === 'probe/referrer-policy-weak')!;
    expect(referrer.suppression).toMatchObject({ kind: 'exception', owner: 'web team' });
    expect(json.warnings.filter((w) => w.code === 'exception-stale')).toEqual([]);

    const sarif = JSON.parse(readFileSync(join(dir, 'probe.sarif'), 'utf8')) as {
      runs: {
        results: {
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
        }[];
      }[];
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const uris = sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: `tcp://127.0.0.1:${strayPort}` });
    expect(uris.every((u) => u.uriBaseId === undefined && /^(?:http|tcp):\/\//.test(u.uri))).toBe(true);
  });

  it('rejects bad input with exit 2 and a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-probe-bad-'));
    const scheme = await runCliAsync(['probe', 'file:///etc/passwd'], dir);
    expect(scheme.code).toBe(2);
    expect(scheme.stderr).toMatch(/only http and https URLs can be probed/);
    const ports = await runCliAsync(['probe', web.url, '--ports', '0-70000'], dir);
    expect(ports.code).toBe(2);
    expect(ports.stderr).toMatch(/--ports: "0-70000" is not a port or range/);
  });
});
