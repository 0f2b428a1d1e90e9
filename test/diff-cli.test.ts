import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { checksummedToken, seededRandom } from '../src/analyzers/secrets/test-tokens.js';
import { runCli } from './helpers/cli.js';
import { TestRepo } from './helpers/git-repo.js';

const rnd = seededRandom(Date.now() >>> 0);

function scan(args: string[]): { code: number; result: ScanResult } {
  const r = runCli(['scan', ...args, '--format', 'json', '--no-progress']);
  return { code: r.code, result: JSON.parse(r.stdout) as ScanResult };
}

describe('pull-request and pre-commit scans through the CLI', () => {
  it('--diff fails only on the credential the branch adds; the old one, moved, is unchanged', () => {
    const old = checksummedToken(rnd, 'ghp');
    const repo = new TestRepo();
    repo.commit('init', { 'app.env': `TOKEN=${old}\n` });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('move', { 'app.env': `# moved down\n\nTOKEN=${old}\n` });
    const quiet = scan([repo.dir, '--diff', 'main']);
    expect(quiet.code).toBe(0);
    expect(quiet.result.findings.map((f) => f.baselineState)).toEqual(['unchanged']);

    repo.commit('add', { 'new.env': `DEPLOY=${checksummedToken(rnd, 'ghp')}\n` });
    const { code, result } = scan([repo.dir, '--diff', 'main']);
    expect(code).toBe(1);
    const open = result.findings.filter((f) => !f.suppression);
    expect(open.map((f) => [f.location.path, f.baselineState])).toEqual([['new.env', 'new']]);
    expect(result.summary.gate.reason).toMatch(/^failed: 1 finding/);
  });

  it('--staged sees what is staged, not the work tree', () => {
    const repo = new TestRepo();
    repo.commit('init', { 'README.md': '# app\n' });
    repo.write({ 'staged.env': `TOKEN=${checksummedToken(rnd, 'ghp')}\n` });
    repo.git('add', 'staged.env');
    repo.write({ 'staged.env': 'TOKEN=${TOKEN}\n', 'unstaged.env': `T=${checksummedToken(rnd, 'ghp')}\n` });
    const { code, result } = scan([repo.dir, '--staged']);
    expect(code).toBe(1);
    expect(result.findings.map((f) => f.location.path)).toEqual(['staged.env']);
    expect(result.analyzers.map((a) => a.id).sort()).toEqual(['iac', 'pipeline', 'secrets']);
  });

  it('--history-since scans only the commits after a given one', () => {
    const repo = new TestRepo();
    const first = repo.commit('one', { 'a.env': `A=${checksummedToken(rnd, 'ghp')}\n` });
    const second = repo.commit('two', { 'b.env': `B=${checksummedToken(rnd, 'ghp')}\n` });
    repo.commit('clean up', { 'a.env': 'A=\n', 'b.env': 'B=\n' });
    const all = scan([repo.dir, '--history']);
    expect(all.result.findings.map((f) => f.location.commit).sort()).toEqual([first, second].sort());
    const since = scan([repo.dir, '--history', '--history-since', first]);
    expect(since.result.findings.map((f) => [f.location.path, f.location.commit])).toEqual([
      ['b.env', second],
    ]);
    expect(runCli(['scan', repo.dir, '--history', '--history-since', 'nope']).code).toBe(2);
    expect(runCli(['scan', repo.dir, '--history-since', first]).code).toBe(2);
  });
});
