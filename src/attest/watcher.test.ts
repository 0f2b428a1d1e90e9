import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeRepoUrl } from './git-state.js';
import { foldersOf, SourceWatcher } from './watcher.js';

describe('SourceWatcher', () => {
  it('watches every folder that holds a tracked path, the top included', () => {
    expect(foldersOf(['a.js', 'src/x/y.ts', 'src/z.ts', 'docs/r.md'])).toEqual(['', 'docs', 'src', 'src/x']);
  });

  it('sees a file in a nested folder swapped and put back within the same tick', async () => {
    const top = mkdtempSync(join(tmpdir(), 'vg-watch-'));
    const stash = mkdtempSync(join(tmpdir(), 'vg-stash-'));
    mkdirSync(join(top, 'src/deep/er'), { recursive: true });
    writeFileSync(join(top, 'src/deep/er/main.c'), 'int main() { return 0; }\n');
    writeFileSync(join(top, 'README'), 'r');
    const w = new SourceWatcher(top, foldersOf(['README', 'src/deep/er/main.c']));
    w.start();
    // The swap: original moved away, a replacement written, the original moved back.
    renameSync(join(top, 'src/deep/er/main.c'), join(stash, 'main.c'));
    writeFileSync(join(top, 'src/deep/er/main.c'), 'int main() { backdoor(); }\n');
    renameSync(join(stash, 'main.c'), join(top, 'src/deep/er/main.c'));
    await w.stop(300);
    expect(w.failures).toEqual([]);
    expect([...w.seen.keys()]).toEqual(['src/deep/er/main.c']);
    expect(w.events.filter((e) => e.kind === 'rename').length).toBeGreaterThanOrEqual(2);
  });

  it('records a folder it cannot watch as lost coverage', async () => {
    const top = mkdtempSync(join(tmpdir(), 'vg-watch-'));
    const w = new SourceWatcher(top, ['', 'missing']);
    w.start();
    await w.stop(0);
    expect(w.failures.map((f) => f.path)).toEqual(['missing']);
  });
});

describe('normalizeRepoUrl', () => {
  it('drops credentials and .git, and reads scp-style remotes', () => {
    expect(normalizeRepoUrl('https://x-access-token:abc@github.com/acme/app.git')).toBe(
      'https://github.com/acme/app',
    );
    expect(normalizeRepoUrl('git@gitlab.com:group/sub/app.git')).toBe('https://gitlab.com/group/sub/app');
    expect(normalizeRepoUrl('/srv/git/app')).toBe('file:///srv/git/app');
  });
});
