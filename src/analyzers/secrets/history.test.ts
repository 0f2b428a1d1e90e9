import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectContext } from '../../core/analyzer.js';
import { VanguardError } from '../../core/errors.js';
import { makeMemoryProjectContext } from '../../core/source-file.js';
import { secretsAnalyzer } from './index.js';
import { checksummedToken, expandTemplate, seededRandom } from './test-tokens.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'vg-history-'));
  dirs.push(d);
  return d;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

function commit(cwd: string, files: Record<string, string | null>, message: string): string {
  for (const [p, content] of Object.entries(files)) {
    const abs = join(cwd, p);
    if (content === null) rmSync(abs);
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD').trim();
}

function projectContext(root: string, history: boolean): ProjectContext {
  return {
    ...makeMemoryProjectContext({}, { history }, root),
    fail: (p, err) => {
      throw new Error(`${p}: ${String(err)}`);
    },
  };
}

describe('git history scan', () => {
  it('reports each secret once, with the commit that added it, also after it was deleted', async () => {
    const root = tempDir();
    git(root, 'init', '-q');
    git(root, 'config', 'user.name', 'Test');
    git(root, 'config', 'user.email', 'test@example.com');
    const rnd = seededRandom(11);
    const gh = checksummedToken(rnd, 'ghp');
    const aws = expandTemplate('AKIA<<b32:16>>', rnd);
    const ignored = checksummedToken(rnd, 'gho');
    commit(root, { 'README.md': '# demo\n' }, 'init');
    const c1 = commit(root, { 'src/config.js': `const a = 1;\nconst token = '${gh}';\n` }, 'add token');
    commit(root, { 'src/config.js': `const a = 2;\nconst token = '${gh}';\n// more\n` }, 'touch');
    const c3 = commit(
      root,
      { 'deploy/.env': `X=1\nAWS_ACCESS_KEY_ID=${aws}\n`, 'src/config.js': null },
      'move to env',
    );
    commit(root, { 'deploy/.env': null }, 'remove secrets');
    commit(
      root,
      {
        'test/fixture.txt': `# vanguard-ignore: secrets/github-oauth test fixture token, revoked\nT=${ignored}\n`,
      },
      'fixture',
    );

    const found = await secretsAnalyzer.analyzeProject!(projectContext(root, true));
    const summary = found.map((f) => [
      f.ruleId,
      f.location.path,
      f.location.startLine,
      f.location.commit,
      f.suppression?.kind,
    ]);
    expect(summary).toEqual([
      ['secrets/github-pat-classic', 'src/config.js', 2, c1, undefined],
      ['secrets/aws-access-key', 'deploy/.env', 2, c3, undefined],
      ['secrets/github-oauth', 'test/fixture.txt', 2, expect.any(String), 'inline'],
    ]);
    expect(found[0]!.secret).toBe(gh);
  });

  it('does nothing without the history option', async () => {
    expect(await secretsAnalyzer.analyzeProject!(projectContext(tempDir(), false))).toEqual([]);
  });

  it('throws NOT_A_GIT_REPO for a directory that is not a repository', async () => {
    const err = await secretsAnalyzer.analyzeProject!(projectContext(tempDir(), true)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VanguardError);
    expect((err as VanguardError).code).toBe('NOT_A_GIT_REPO');
  });
});
