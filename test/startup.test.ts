import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI } from './helpers/cli.js';
import { TestRepo } from './helpers/git-repo.js';

/**
 * What a command loads decides how fast it starts (bench/startup measures the time): `--version`
 * must load no analyzer, parser or server, and a scan only the analyzers it runs.
 */
const HOOK = fileURLToPath(new URL('./helpers/record-loads.mjs', import.meta.url));
const DIST = new URL('../dist/', import.meta.url).href;

function loadsOf(args: string[]): { code: number; stdout: string; dist: string[]; packages: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'vg-loads-'));
  const log = join(dir, 'loads.txt');
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', HOOK, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, VG_LOAD_LOG: log, NO_COLOR: '1' },
    timeout: 120_000,
  });
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = new Set<string>();
  for (const u of urls) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
    if (m) packages.add(m[1]!);
  }
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    dist: urls.filter((u) => u.startsWith(DIST)).map((u) => u.slice(DIST.length)),
    packages: [...packages].sort(),
  };
}

describe('start-up', () => {
  it('--version loads the program and nothing of the commands', () => {
    const r = loadsOf(['--version']);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.packages).toEqual(['commander']);
    expect(r.dist.sort()).toEqual(['cli/errors.js', 'cli/main.js', 'core/errors.js', 'core/version.js']);
  });

  it('help still lists every command, and a misspelt one gets a suggestion', () => {
    const help = loadsOf(['--help']);
    expect(help.code).toBe(0);
    for (const c of [
      'scan',
      'init',
      'db',
      'sbom',
      'threats',
      'rules',
      'build',
      'keys',
      'attest',
      'verify',
      'rebuild-compare',
      'probe',
    ])
      expect(help.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    const typo = spawnSync(process.execPath, [CLI, 'scna'], { encoding: 'utf8' });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean scan\?/);
  });

  it('a command loads its own module only', () => {
    const r = loadsOf(['db', 'status', '--db-path', join(tmpdir(), 'vg-no-such-db.sqlite')]);
    expect(r.dist).toContain('cli/db.js');
    expect(r.dist.filter((f) => f.startsWith('cli/')).sort()).toEqual([
      'cli/db.js',
      'cli/errors.js',
      'cli/main.js',
    ]);
  });

  it('a scan loads only the analyzers it runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-loads-scan-'));
    writeFileSync(join(dir, 'notes.txt'), 'nothing to see\n');
    const r = loadsOf(['scan', dir, '--only', 'secrets', '--format', 'json', '--no-progress']);
    expect(r.code).toBe(0);
    // Every analyzer's options schema (analyzers/<id>/options.js, plain data) is read to validate the policy;
    // the analyzer itself (its rules, parsers and native add-ons) must not be.
    const analyzers = new Set(
      r.dist
        .filter((f) => !/^analyzers\/[^/]+\/options\.js$/.test(f))
        .map((f) => /^analyzers\/([^/]+)\//.exec(f)?.[1])
        .filter(Boolean),
    );
    expect([...analyzers]).toEqual(['secrets']);
    expect(r.packages).not.toContain('@ast-grep/napi');
  });

  it('a pre-commit scan of a source file loads no analyzer that would read nothing, and no other reporter', () => {
    const repo = new TestRepo();
    repo.commit('init', { 'README.md': 'hello\n' });
    repo.write({ 'src/app.ts': 'export const x = 1;\n' });
    repo.git('add', 'src/app.ts');
    const r = loadsOf(['scan', repo.dir, '--staged', '--format', 'json', '--no-progress']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { analyzers: { id: string }[] }).analyzers.map((a) => a.id)).toEqual([
      'secrets',
      'iac',
      'pipeline',
    ]);
    const loaded = r.dist.filter(
      (f) =>
        /^analyzers\/(iac|pipeline)\/index\.js$/.test(f) ||
        (f.startsWith('report/') && !['report/formats.js', 'report/json.js'].includes(f)) ||
        ['discover/history.js', 'scan/pool.js', 'scan/introduced.js', 'server/push-client.js'].includes(f),
    );
    expect(loaded).toEqual([]);
  });

  it('a probe without --ports loads neither the scan engine nor any analyzer', () => {
    // Port 1 on the loopback refuses at once: the probe is partial (exit 3), which is all this needs.
    const r = loadsOf(['probe', 'http://127.0.0.1:1/', '--format', 'json', '--timeout', '500']);
    expect(r.code).toBe(3);
    expect(r.dist).toContain('cli/probe.js');
    expect(
      r.dist.filter(
        (f) =>
          (f.startsWith('scan/') && f !== 'scan/summary.js') ||
          (f.startsWith('analyzers/') && !f.endsWith('/options.js')),
      ),
    ).toEqual([]);
    expect(r.packages).not.toContain('@ast-grep/napi');
  });
});
