import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestRepo } from '../../test/helpers/git-repo.js';
import { walk } from './walk.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vg-walk-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

describe('walk', () => {
  it('honours nested .gitignore files and the default ignores', async () => {
    const root = tree({
      '.gitignore': 'build/\n*.log\n',
      'src/a.js': 'a',
      'src/.gitignore': 'gen.js\n',
      'src/gen.js': 'generated',
      'build/out.js': 'x',
      'debug.log': 'x',
      'node_modules/pkg/index.js': 'x',
      '.git/config': 'x',
    });
    const r = await walk(root, { maxFileSize: 1e6 });
    expect(r.files.map((f) => f.path)).toEqual(['.gitignore', 'src/.gitignore', 'src/a.js']);
    expect(r.discovery.skipped.ignored).toBe(2);
  });

  it('excludes files by the own file patterns of a scan next to the folder-only defaults', async () => {
    const root = tree({ 'a.log': 'x', 'src/b.log': 'x', 'src/c.js': 'c', 'vendor/d.js': 'd' });
    const r = await walk(root, { maxFileSize: 1e6, ignore: ['*.log', 'vendor/'] });
    expect(r.files.map((f) => f.path)).toEqual(['src/c.js']);
    const dirsOnly = await walk(root, { maxFileSize: 1e6, ignore: ['vendor/'] });
    expect(dirsOnly.files.map((f) => f.path)).toEqual(['a.log', 'src/b.log', 'src/c.js']);
  });

  it('scans ignored-by-default folders when asked', async () => {
    const root = tree({ 'node_modules/pkg/index.js': 'x' });
    const r = await walk(root, { maxFileSize: 1e6, defaultIgnores: false });
    expect(r.files.map((f) => f.path)).toEqual(['node_modules/pkg/index.js']);
  });

  it('never follows a symlink, and lists links that point out of the tree', async () => {
    const outside = tree({ 'secret.txt': 'outside' });
    const root = tree({ 'a.txt': 'inside' });
    symlinkSync(join(outside, 'secret.txt'), join(root, 'escape.txt'));
    symlinkSync(outside, join(root, 'escape-dir'));
    symlinkSync(join(root, 'a.txt'), join(root, 'alias.txt'));
    const r = await walk(root, { maxFileSize: 1e6 });
    expect(r.files.map((f) => f.path)).toEqual(['a.txt']);
    expect(r.discovery.skipped['symlink-outside']).toBe(2);
    expect(r.discovery.skipped.symlink).toBe(1);
    expect(r.discovery.skippedFiles.map((s) => s.path).sort()).toEqual([
      'alias.txt',
      'escape-dir',
      'escape.txt',
    ]);
  });

  it('skips files above the size limit and counts them', async () => {
    const root = tree({ 'big.txt': 'x'.repeat(2000), 'small.txt': 'x' });
    const r = await walk(root, { maxFileSize: 1000 });
    expect(r.files.map((f) => f.path)).toEqual(['small.txt']);
    expect(r.discovery.skipped['too-large']).toBe(1);
  });

  it('tells the caller of each file it keeps as it goes, and of no other', async () => {
    const root = tree({
      'big.txt': 'x'.repeat(2000),
      'a/one.yml': 'x',
      'b/two.yml': 'y',
      'node_modules/m.js': 'z',
    });
    const told: string[] = [];
    const r = await walk(root, { maxFileSize: 1000, onFile: (f) => void told.push(f.path) });
    expect(told.sort()).toEqual(r.files.map((f) => f.path));
    expect(told.sort()).toEqual(['a/one.yml', 'b/two.yml']);
  });

  it("reads the #! line of a file without an extension (or with a version number), and no other file's", async () => {
    const root = tree({
      'usr/bin/api': '#!/usr/bin/python3\r\nimport flask\n',
      'usr/bin/pip3.11': '#!/usr/bin/python3.11\n',
      'bin/elf': '#!\0\0\0binary',
      'bin/run.sh': '#!/bin/sh\n',
      LICENSE: 'MIT License\n',
    });
    const r = await walk(root, { maxFileSize: 1e6 });
    expect(Object.fromEntries(r.files.map((f) => [f.path, f.shebang]))).toEqual({
      LICENSE: undefined,
      'bin/elf': undefined,
      'bin/run.sh': undefined,
      'usr/bin/api': '#!/usr/bin/python3',
      'usr/bin/pip3.11': '#!/usr/bin/python3.11',
    });
  });

  it('rejects a path that does not exist with a clear message', async () => {
    await expect(walk('/nonexistent/vanguard-test', { maxFileSize: 1 })).rejects.toThrow(/does not exist/);
  });

  it('scans a single file', async () => {
    const root = tree({ 'one.txt': 'x' });
    const r = await walk(join(root, 'one.txt'), { maxFileSize: 1e6 });
    expect(r.files.map((f) => f.path)).toEqual(['one.txt']);
  });
});

describe('walk: git semantics and hostile trees', () => {
  it('lets a deeper .gitignore re-include what a parent excluded', async () => {
    const root = tree({
      '.gitignore': '*.key\n',
      'a.key': 'x',
      'sub/.gitignore': '!keep.key\n',
      'sub/keep.key': 'x',
    });
    const r = await walk(root, { maxFileSize: 1e6, tracked: new Set() });
    expect(r.files.map((f) => f.path)).toEqual(['.gitignore', 'sub/.gitignore', 'sub/keep.key']);
  });

  it('scans tracked files even when .gitignore lists them, as git does', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'prod.env': 'x', 'build/keep.txt': 'x' });
    repo.write({ '.gitignore': 'prod.env\nbuild/\n', 'build/new.txt': 'untracked' });
    const r = await walk(repo.dir, { maxFileSize: 1e6 });
    expect(r.files.map((f) => f.path)).toEqual(['.gitignore', 'build/keep.txt', 'prod.env']);
  });

  it('does not block on a FIFO named .gitignore, and names a symlink loop', async () => {
    const root = tree({ 'a.txt': 'x' });
    mkdirSync(join(root, 'sub'));
    execFileSync('mkfifo', [join(root, 'sub', '.gitignore')]);
    symlinkSync('loop-b', join(root, 'loop-a'));
    symlinkSync('loop-a', join(root, 'loop-b'));
    const r = await walk(root, { maxFileSize: 1e6 });
    expect(r.files.map((f) => f.path)).toEqual(['a.txt']);
    expect(r.discovery.skippedFiles).toEqual(
      expect.arrayContaining([
        {
          path: 'sub/.gitignore',
          reason: 'unreadable',
          detail: expect.stringMatching(/not a regular file/) as string,
        },
        { path: 'loop-a', reason: 'symlink-outside', detail: 'symlink loop' },
      ]),
    );
  });

  it('treats a directory named like ..foo as inside the tree', async () => {
    const root = tree({ '..foo/a.txt': 'x' });
    symlinkSync(join(root, '..foo', 'a.txt'), join(root, 'link.txt'));
    const r = await walk(root, { maxFileSize: 1e6 });
    expect(r.discovery.skipped.symlink).toBe(1);
    expect(r.discovery.skipped['symlink-outside']).toBe(0);
  });
});
