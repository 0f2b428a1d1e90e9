import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { runCli } from './helpers/cli.js';

let dir: string;
const project = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanguard-profile-cli-'));
  // An in-page HTML write of a function's parameter: a lead of the audit profile only (js-xss-audit).
  const src = 'export function show(el, html) {\n  el.innerHTML = html;\n}\n';
  for (const [name, policy] of [
    ['plain', undefined],
    ['audited', 'version: 1\nprofile: audit\n'],
  ] as const) {
    mkdirSync(project(name));
    writeFileSync(join(project(name), 'show.js'), src);
    if (policy) writeFileSync(join(project(name), 'vanguard.yaml'), policy);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(name: string, ...flags: string[]): { table: string; json: ScanResult; sarif: string } {
  const json = join(dir, `${name}${flags.join('')}.json`);
  const sarif = join(dir, `${name}${flags.join('')}.sarif`);
  const r = runCli([
    'scan',
    project(name),
    '--only',
    'code',
    '--no-progress',
    ...flags,
    '--format',
    'table',
    '--format',
    'json',
    '--output',
    json,
    '--format',
    'sarif',
    '--output',
    sarif,
  ]);
  expect(r.code, r.stderr).toBe(0);
  return {
    table: r.stdout,
    json: JSON.parse(readFileSync(json, 'utf8')) as ScanResult,
    sarif: readFileSync(sarif, 'utf8'),
  };
}

const invocationProfile = (sarif: string): unknown =>
  (JSON.parse(sarif) as { runs: { invocations: { properties?: { profile?: string } }[] }[] }).runs[0]!
    .invocations[0]!.properties?.profile;

describe('the rule profile in every report', () => {
  it('a default scan records its profile and says how to get the audit leads it left out', () => {
    const { table, json, sarif } = scan('plain');
    expect(json.profile).toBe('default');
    expect(json.findings.map((f) => f.ruleId)).not.toContain('code/js-xss-audit');
    expect(table).toContain(
      'Profile: default (`--profile audit` adds low-confidence leads for a security review)',
    );
    expect(invocationProfile(sarif)).toBe('default');
  });

  it('--profile audit and vanguard.yaml `profile: audit` record the audit profile and report its leads', () => {
    for (const run of [scan('plain', '--profile', 'audit'), scan('audited')]) {
      expect(run.json.profile).toBe('audit');
      expect(run.json.findings.map((f) => f.ruleId)).toContain('code/js-xss-audit');
      expect(run.table).toContain('Profile: audit (the low-confidence audit leads are included)');
      expect(run.table).not.toContain('adds low-confidence leads');
      expect(invocationProfile(run.sarif)).toBe('audit');
    }
  });

  it('says nothing of profiles when neither the code nor the secrets analyzer ran', () => {
    const r = runCli(['scan', project('plain'), '--only', 'iac', '--no-progress']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Analyzers: iac');
    expect(r.stdout).not.toContain('Profile:');
  });
});

/** The secrets findings of a scan of `root` in `profile`, as [rule, path, severity]. */
function secretRows(root: string, profile: string): string[][] {
  const json = join(dir, `${root.slice(root.lastIndexOf('/') + 1)}-${profile}.json`);
  const r = runCli(
    ['scan', root, '--only', 'secrets', '--no-progress', '--profile', profile, '--fail-on', 'none'].concat([
      '--format',
      'json',
      '--output',
      json,
    ]),
  );
  expect(r.code, r.stderr).toBe(0);
  const result = JSON.parse(readFileSync(json, 'utf8')) as ScanResult;
  return result.findings.map((f) => [f.ruleId, f.location.path, f.severity]);
}

const SOURCE_ROLE = "version: 1\nroles:\n  source:\n    - 'testing/**'\n";

describe("the secrets analyzer's test-file shape reads the roles the scan gives", () => {
  it('reports a credential in a file vanguard.yaml says is source, though its path reads as a test', () => {
    const root = project('roles');
    mkdirSync(join(root, 'testing'), { recursive: true });
    // Built at run time so this file holds no credential for the repository's own scan.
    const pass = ['pass', 'word'].join('');
    const value = ['Xk29', 'sLq0', 'wZ7p', 'VbQ3'].join('');
    writeFileSync(join(root, 'testing', 'settings.py'), `SERVICE_${pass.toUpperCase()} = '${value}'\n`);
    writeFileSync(join(root, 'vanguard.yaml'), SOURCE_ROLE);
    const expected = [['secrets/hardcoded-password', 'testing/settings.py', 'high']];
    expect(secretRows(root, 'audit')).toEqual(expected);
    expect(secretRows(root, 'default')).toEqual(expected);
  });

  it('reports a private key in a file vanguard.yaml says is source, though its folder reads as tests', () => {
    const root = project('key-roles');
    mkdirSync(join(root, 'testing'), { recursive: true });
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    writeFileSync(join(root, 'testing', 'server.key'), key);
    const keyRows = (profile: string) => secretRows(root, profile).map(([rule, path]) => [rule, path]);
    // Without the role globs the tests' own key is the audit profile's only.
    expect(keyRows('default')).toEqual([]);
    writeFileSync(join(root, 'vanguard.yaml'), SOURCE_ROLE);
    const expected = [['secrets/private-key', 'testing/server.key']];
    expect(keyRows('audit')).toEqual(expected);
    expect(keyRows('default')).toEqual(expected);
  });
});
