import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestRepo } from '../../test/helpers/git-repo.js';
import { changedPaths, diffBase, materialize, repoTop, stagedEntries, treeEntries } from './git.js';

const dest = () => mkdtempSync(join(tmpdir(), 'vg-mat-'));

describe('git plumbing', () => {
  it('lists staged paths and writes their staged content, not the work tree', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'a.txt': 'one\n', 'b.txt': 'b\n' });
    repo.write({ 'a.txt': 'staged\n', 'c.txt': 'new\n' });
    repo.git('add', 'a.txt', 'c.txt');
    repo.write({ 'a.txt': 'unstaged edit\n' });
    const top = await repoTop(repo.dir);
    const { entries, other } = await stagedEntries(top);
    expect(entries.map((e) => e.path)).toEqual(['a.txt', 'c.txt']);
    expect(other).toEqual([]);
    const out = dest();
    expect((await materialize(top, entries, out, 1e6)).written).toEqual(['a.txt', 'c.txt']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('staged\n');
  });

  it('writes staged files whose names look like revisions or hold a newline', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'keep.txt': 'k\n' });
    repo.write({ '2:x.env': 'two\n', 'new\nline.env': 'nl\n' });
    repo.git('add', '-A');
    const top = await repoTop(repo.dir);
    const { entries } = await stagedEntries(top);
    expect(entries.map((e) => e.path).sort()).toEqual(['2:x.env', 'new\nline.env']);
    const out = dest();
    const { written, skipped } = await materialize(top, entries, out, 1e6);
    expect(written.sort()).toEqual(['2:x.env', 'new\nline.env']);
    expect(skipped).toEqual([]);
    expect(readFileSync(join(out, '2:x.env'), 'utf8')).toBe('two\n');
  });

  it('stages a rename under its new name, leaves out deletions, and lists a symbolic link apart', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'old.txt': 'same content\n', 'gone.txt': 'g\n', 'keep.txt': 'k\n' });
    repo.git('mv', 'old.txt', 'new.txt');
    repo.git('rm', '-q', 'gone.txt');
    symlinkSync('keep.txt', join(repo.dir, 'link.txt'));
    repo.git('add', 'link.txt');
    const { entries, other } = await stagedEntries(await repoTop(repo.dir));
    expect(entries.map((e) => e.path)).toEqual(['new.txt']);
    expect(other).toEqual(['link.txt']);
  });

  it('streams blobs: one over the limit between two others is passed over, the others are written whole', async () => {
    const repo = new TestRepo();
    const big = 'y'.repeat(300_000);
    repo.commit('init', { 'a.txt': 'a\n', 'big.txt': big, 'c.txt': 'c'.repeat(200_000) });
    const { entries } = await treeEntries(repo.dir, 'HEAD', ['a.txt', 'big.txt', 'c.txt']);
    const out = dest();
    const r = await materialize(repo.dir, entries, out, 250_000);
    expect(r.written).toEqual(['a.txt', 'c.txt']);
    expect(r.skipped).toEqual([{ path: 'big.txt', reason: 'larger than 250000 bytes' }]);
    expect(readFileSync(join(out, 'c.txt'), 'utf8')).toBe('c'.repeat(200_000));
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('a\n');
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
    const { entries } = await treeEntries(top, base, changed);
    expect(entries.map((e) => e.path)).toEqual(['a.txt']);
    const out = dest();
    await materialize(top, entries, out, 1e6);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('a\n');
  });

  it('gives clear errors for a non-repository and an unknown ref; skips blobs over the limit', async () => {
    await expect(repoTop(mkdtempSync(join(tmpdir(), 'vg-nogit-')))).rejects.toThrow(
      /not inside a git repository/,
    );
    const repo = new TestRepo();
    repo.commit('init', { 'a.txt': 'a\n', 'big.txt': 'x'.repeat(100) });
    await expect(diffBase(repo.dir, 'no-such-branch')).rejects.toThrow(/"no-such-branch" is not a commit/);
    const { entries } = await treeEntries(repo.dir, 'HEAD', ['a.txt', 'big.txt']);
    const out = dest();
    const r = await materialize(repo.dir, entries, out, 50);
    expect(r.written).toEqual(['a.txt']);
    expect(r.skipped).toEqual([{ path: 'big.txt', reason: 'larger than 50 bytes' }]);
    expect(existsSync(join(out, 'big.txt'))).toBe(false);
  });
});
