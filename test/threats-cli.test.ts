import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadThreatModel } from '../src/threats/load.js';
import { runCli } from './helpers/cli.js';
import { sarifValidator } from './helpers/schemas.js';

const FIXTURE = fileURLToPath(new URL('../src/threats/fixtures/repo/', import.meta.url));
const hasDot = spawnSync('dot', ['-V']).error === undefined;
// CI installs Graphviz; only a developer machine without it may skip the SVG test.
const svgIt = hasDot || process.env.CI ? it : it.skip;

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanguard-threats-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('vanguard threats', () => {
  it('prints the threat register and the model-versus-code mismatches', () => {
    const r = runCli(['threats', '--now', '2026-11-22'], { cwd: repo() });
    expect(r.stderr).toBe('');
    // Open high threats fail the policy's default gate, as in `vanguard scan`.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Gate failed/);
    expect(r.stdout).toContain('cleartext-credentials@storefront-orders');
    expect(r.stdout).toMatch(/accepted\s+2×3\s+secrets-without-vault@orders/);
    expect(r.stdout).toMatch(/threats\/model-drift-at-rest\s+infra\/main\.tf:15/);
    expect(r.stdout).toContain('Threat register');
  });

  it('takes a repository directory as the model argument and holds it against that tree', () => {
    const dir = repo();
    const r = runCli(['threats', dir, '-f', 'json', '--now', '2026-11-22', '--fail-on', 'none'], {
      cwd: tmpdir(),
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
    expect(json.findings.map((f) => f.ruleId)).toContain('threats/model-drift-at-rest');
  });

  it('fails the gate on open threats at or above --fail-on, and reopens expired acceptances', () => {
    const dir = repo();
    expect(
      runCli(['threats', '--now', '2026-11-22', '--fail-on', 'critical', '--no-code'], { cwd: dir }).code,
    ).toBe(1);
    const later = runCli(['threats', '--now', '2027-03-01', '--no-code'], { cwd: dir });
    expect(later.stdout).toMatch(/open \(acceptance expired\)\s+2×3\s+secrets-without-vault@orders/);
  });

  it('writes SARIF valid against the 2.1.0 schema, JSON and Mermaid in one run', () => {
    const dir = repo();
    const r = runCli(
      [
        'threats',
        '-f',
        'sarif',
        '-o',
        'out/t.sarif',
        '-f',
        'json',
        '-o',
        'out/t.json',
        '-f',
        'mermaid',
        '--now',
        '2026-11-22',
        '--fail-on',
        'none',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart LR')).toBe(true);
    const sarif = JSON.parse(readFileSync(join(dir, 'out/t.sarif'), 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          suppressions?: unknown[];
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0]?.results ?? [];
    expect(results.map((x) => x.ruleId)).toContain('threats/model-drift-exposed');
    expect(results.filter((x) => x.suppressions && x.suppressions.length > 0)).toHaveLength(2);
    const json = JSON.parse(readFileSync(join(dir, 'out/t.json'), 'utf8')) as {
      findings: { phase: string; analyzer: string }[];
    };
    expect(json.findings.length).toBe(results.length);
    expect(json.findings.every((f) => f.phase === 'design' && f.analyzer === 'threats')).toBe(true);
  });

  svgIt('draws the data flow as SVG', () => {
    const dir = repo();
    const r = runCli(['threats', '-f', 'svg', '-o', 'dfd.svg', '--no-code', '--fail-on', 'none'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, 'dfd.svg'), 'utf8');
    for (const id of ['shopper', 'storefront', 'orders', 'orders-db', 'payments'])
      expect(svg).toContain(`id="asset&#45;${id.replace(/-/g, '&#45;')}"`);
  });

  it('explains a missing Graphviz instead of crashing', () => {
    const r = runCli(['threats', '-f', 'svg', '--no-code'], { cwd: repo(), env: { PATH: '/nonexistent' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SVG output needs Graphviz');
  });

  it('runs the scan engine: the same findings, ignores, gates and exit codes as scan --only threats', () => {
    const dir = repo();
    // A broken Compose file: the cross-check cannot read it, so both scans are partial.
    writeFileSync(join(dir, 'deploy', 'docker-compose.override.yml'), 'services: [unclosed\n');
    writeFileSync(join(dir, 'vanguard.yaml'), "version: 1\nignore:\n  - 'infra/'\n");
    const threats = runCli(['threats', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
    const scan = runCli(['scan', '--only', 'threats', '-f', 'json', '--fail-on', 'none', '--no-progress'], {
      cwd: dir,
    });
    expect(threats.code).toBe(3);
    expect(scan.code).toBe(3);
    type Out = { status: string; findings: { fingerprint: string; location: { path: string } }[] };
    const t = JSON.parse(threats.stdout) as Out;
    const s = JSON.parse(scan.stdout) as Out;
    expect(t.status).toBe('partial');
    expect(t.findings.map((f) => f.fingerprint).sort()).toEqual(s.findings.map((f) => f.fingerprint).sort());
    // vanguard.yaml's ignores hold: infra/main.tf is not read, so its at-rest mismatch is gone.
    expect(t.findings.some((f) => f.location.path.startsWith('infra/'))).toBe(false);
    expect(new Set(t.findings.map((f) => f.fingerprint)).size).toBe(t.findings.length);
    // The default gate is the policy's, as in scan: open high threats fail it.
    expect(runCli(['threats'], { cwd: dir }).code).toBe(
      runCli(['scan', '--only', 'threats'], { cwd: dir }).code,
    );
  });

  it('reports an invalid model with file and line, exit code 2', () => {
    const dir = repo();
    writeFileSync(
      join(dir, 'threatmodel.yaml'),
      'version: 1\ntitle: t\nassets:\n  - id: a\n    kind: api\n    zone: nowhere\n',
    );
    const r = runCli(['threats'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('threatmodel.yaml:4: asset "a" is in unknown zone "nowhere"');
  });
});

describe('vanguard threats init', () => {
  it('drafts a loadable model and refuses to overwrite without --force', () => {
    const dir = repo();
    const first = runCli(['threats', 'init', '--output', 'draft.yaml'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'draft.yaml'))).toBe(true);
    const model = loadThreatModel(readFileSync(join(dir, 'draft.yaml'), 'utf8'), 'draft.yaml');
    expect(model.assets.map((a) => a.id)).toContain('redis');
    const again = runCli(['threats', 'init', '--output', 'draft.yaml'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });
});
