import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { checksummedToken, randomFrom, seededRandom } from '../src/analyzers/secrets/test-tokens.js';
import { runCli, type CliRun } from './helpers/cli.js';
import { TestRepo } from './helpers/git-repo.js';
import { sarifValidator } from './helpers/schemas.js';

// Credentials are generated per run: nothing that looks live is committed.
const rnd = seededRandom(Date.now() >>> 0);
const GITHUB = checksummedToken(rnd, 'ghp');
const AWS = `AKIA${randomFrom(rnd, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
const DB_PASSWORD = randomFrom(rnd, 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789', 20);
const SUPPRESSED = checksummedToken(rnd, 'ghp');
// Assembled at run time so that this file does not itself hold a weak password for the dogfood scan.
const WEAK = ['Pass', 'word', '123!'].join('');
const SECRETS = [GITHUB, AWS, DB_PASSWORD, SUPPRESSED];

describe('vanguard scan end to end (built CLI, repository with history)', () => {
  let repo: TestRepo;
  let out: string;
  let run: CliRun;
  let json: ScanResult;
  let introduced: string;

  beforeAll(() => {
    repo = new TestRepo();
    introduced = repo.commit('add deploy config', {
      'deploy/settings.env': `GITHUB_TOKEN=${GITHUB}\nREGION=eu-west-1\n`,
      'README.md': '# service\n',
    });
    repo.commit('remove the token again', { 'deploy/settings.env': 'REGION=eu-west-1\n' });
    repo.commit('app', {
      'src/config.py': [
        `AWS_ACCESS_KEY_ID = "${AWS}"`,
        `DATABASE_URL = "postgres://app:${DB_PASSWORD}@db.internal:5432/app"`,
        '# vanguard-ignore: secrets/github-pat-classic test fixture for the e2e suite',
        `FIXTURE_TOKEN = "${SUPPRESSED}"`,
        `ADMIN_PASSWORD = "${WEAK}"`,
        '',
      ].join('\n'),
    });
    out = mkdtempSync(join(tmpdir(), 'vg-e2e-out-'));
    run = runCli([
      'scan',
      repo.dir,
      '--history',
      '--no-progress',
      '--format',
      'table',
      '--format',
      'sarif',
      '--output',
      join(out, 'report.sarif'),
      '--format',
      'json',
      '--output',
      join(out, 'report.json'),
    ]);
    json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ScanResult;
  });

  it('fails the gate (exit 1) and says why', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Gate failed: \d+ findings? at or above high/);
  });

  it('finds the credentials in files and the one deleted from history, with the commit that introduced it', () => {
    const byRule = (id: string) => json.findings.filter((f) => f.ruleId === id);
    expect(byRule('secrets/aws-access-key').map((f) => f.location)).toMatchObject([
      { path: 'src/config.py', startLine: 1 },
    ]);
    const gh = byRule('secrets/github-pat-classic').filter((f) => !f.suppression);
    expect(gh).toHaveLength(1);
    expect(gh[0]!.location).toMatchObject({ path: 'deploy/settings.env', startLine: 1, commit: introduced });
    expect(gh[0]!.confidence).toBe('high');
    expect(json.findings.some((f) => f.location.path === 'src/config.py' && f.location.startLine === 2)).toBe(
      true,
    );
    expect(byRule('secrets/weak-password').map((f) => f.location.startLine)).toEqual([5]);
  });

  it('honours the inline suppression and keeps the finding as suppressed', () => {
    const suppressed = json.findings.filter((f) => f.suppression);
    expect(suppressed.map((f) => [f.ruleId, f.location.startLine, f.suppression?.kind])).toEqual([
      ['secrets/github-pat-classic', 4, 'inline'],
    ]);
  });

  it('writes valid SARIF with masked snippets and fingerprints', () => {
    const sarif = JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8')) as {
      runs: { results: { partialFingerprints: Record<string, string> }[] }[];
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs[0]!.results.length).toBe(json.findings.length);
  });

  it('never prints or writes a full secret', () => {
    const outputs = [
      run.stdout,
      run.stderr,
      readFileSync(join(out, 'report.sarif'), 'utf8'),
      readFileSync(join(out, 'report.json'), 'utf8'),
    ];
    for (const s of SECRETS) for (const o of outputs) expect(o.includes(s)).toBe(false);
    expect(run.stdout).toContain(`${GITHUB.slice(0, 4)}*****`);
  });

  it('exits 0 with the gate off and 3 when an input could not be analyzed', () => {
    expect(runCli(['scan', repo.dir, '--fail-on', 'none', '--no-progress']).code).toBe(0);
    writeFileSync(join(repo.dir, 'broken.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n');
    const partial = runCli(['scan', repo.dir, '--fail-on', 'none', '--no-progress', '--format', 'json']);
    expect(partial.code).toBe(3);
    const r = JSON.parse(partial.stdout) as ScanResult;
    expect(r.status).toBe('partial');
    expect(r.analyzers.find((a) => a.id === 'iac')?.errors.map((e) => e.path)).toEqual(['broken.tf']);
  });
});
