import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('rejects a path that does not exist with a clear message', async () => {
    await expect(walk('/nonexistent/vanguard-test', { maxFileSize: 1 })).rejects.toThrow(/does not exist/);
  });

  it('scans a single file', async () => {
    const root = tree({ 'one.txt': 'x' });
    const r = await walk(join(root, 'one.txt'), { maxFileSize: 1e6 });
    expect(r.files.map((f) => f.path)).toEqual(['one.txt']);
  });
});
