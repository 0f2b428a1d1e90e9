import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestRepo } from '../../test/helpers/git-repo.js';
import { changedPaths, diffBase, materialize, pathsInCommit, repoTop, stagedPaths } from './git.js';

describe('git plumbing', () => {
  it('lists staged paths and writes their staged content, not the work tree', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'a.txt': 'one\n', 'b.txt': 'b\n' });
    repo.write({ 'a.txt': 'staged\n', 'c.txt': 'new\n' });
    repo.git('add', 'a.txt', 'c.txt');
    repo.write({ 'a.txt': 'unstaged edit\n' });
    const top = await repoTop(repo.dir);
    expect(await stagedPaths(top)).toEqual(['a.txt', 'c.txt']);
    const dest = mkdtempSync(join(tmpdir(), 'vg-mat-'));
    expect(await materialize(top, '', ['a.txt', 'c.txt'], dest)).toEqual(['a.txt', 'c.txt']);
    expect(readFileSync(join(dest, 'a.txt'), 'utf8')).toBe('staged\n');
  });

  it('measures a change from the merge base and includes untracked files', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'a.txt': 'a\n', 'keep.txt': 'k\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature', { 'a.txt': 'a2\n', 'dir/b.txt': 'b\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves on', { 'main-only.txt': 'm\n' });
    repo.git('checkout', '-q', 'feature');
    repo.write({ 'untracked.txt': 'u\n' });
    const top = await repoTop(repo.dir);
    const base = await diffBase(top, 'main');
    const changed = await changedPaths(top, base);
    expect(changed).toEqual(['a.txt', 'dir/b.txt', 'untracked.txt']);
    expect(await pathsInCommit(top, base, changed)).toEqual(['a.txt']);
    const dest = mkdtempSync(join(tmpdir(), 'vg-mat-'));
    await materialize(top, base, ['a.txt'], dest);
    expect(readFileSync(join(dest, 'a.txt'), 'utf8')).toBe('a\n');
  });

  it('gives clear errors for a non-repository and an unknown ref, and never writes outside dest', async () => {
    await expect(repoTop(mkdtempSync(join(tmpdir(), 'vg-nogit-')))).rejects.toThrow(
      /not inside a git repository/,
    );
    const repo = new TestRepo();
    repo.commit('init', { 'a.txt': 'a\n' });
    await expect(diffBase(repo.dir, 'no-such-branch')).rejects.toThrow(/"no-such-branch" is not a commit/);
    const dest = mkdtempSync(join(tmpdir(), 'vg-mat-'));
    expect(await materialize(repo.dir, 'HEAD', ['../escape.txt'], dest)).toEqual([]);
    expect(existsSync(join(dest, '..', 'escape.txt'))).toBe(false);
  });
});
