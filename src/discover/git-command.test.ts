import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { gitEnvironment, runGit, SAFE_CONFIG } from './git-command.js';
import { parseRawLog } from './history.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('gitEnvironment', () => {
  it('passes on only what locates git and the user, and drops everything that steers git', () => {
    const env = gitEnvironment({
      PATH: '/usr/bin',
      HOME: '/home/u',
      GIT_DIR: '/elsewhere',
      GIT_CONFIG_PARAMETERS: "'core.fsmonitor'='x'",
      GIT_EXTERNAL_DIFF: 'x',
      GIT_SSH_COMMAND: 'x',
      GIT_ASKPASS: 'x',
      SSH_ASKPASS: 'x',
      PAGER: 'less',
      LD_PRELOAD: '/tmp/x.so',
      NODE_OPTIONS: '--require x',
    });
    expect(env.PATH).toBe('/usr/bin');
    expect(env.HOME).toBe('/home/u');
    for (const k of [
      'GIT_DIR',
      'GIT_CONFIG_PARAMETERS',
      'GIT_EXTERNAL_DIFF',
      'GIT_SSH_COMMAND',
      'GIT_ASKPASS',
      'SSH_ASKPASS',
      'LD_PRELOAD',
      'NODE_OPTIONS',
    ]) {
      expect(env[k], k).toBeUndefined();
    }
    expect(env).toMatchObject({
      PAGER: 'cat',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
      GIT_NO_LAZY_FETCH: '1',
      GIT_NO_REPLACE_OBJECTS: '1',
    });
    expect(env.GIT_ALLOW_PROTOCOL).toBe('vanguard-none');
  });

  it('git sees the safe values over the repository configuration, per-name drivers included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-gitcmd-'));
    dirs.push(dir);
    await runGit(dir, ['init', '-q']);
    writeFileSync(
      join(dir, '.git', 'config'),
      '[core]\n\tfsmonitor = /bin/evil\n\tpager = evil\n[filter "x y"]\n\tclean = evil\n[filter "a=b"]\n\tsmudge = evil\n[diff "d"]\n\ttextconv = evil\n[protocol "ext"]\n\tallow = always\n',
      { flag: 'a' },
    );
    const get = async (key: string): Promise<string> =>
      (await runGit(dir, ['config', '--get', key])).stdout.toString().trim();
    expect(await get('core.fsmonitor')).toBe('false');
    expect(await get('core.pager')).toBe('cat');
    expect(await get('filter.x y.clean')).toBe('');
    expect(await get('filter.a=b.smudge')).toBe('');
    expect(await get('diff.d.textconv')).toBe('');
    expect(await get('protocol.ext.allow')).toBe('never');
    expect(SAFE_CONFIG.map(([k]) => k)).toContain('core.hooksPath');
  });

  // The overrides are reused while the files they came from are unchanged: a change between two
  // commands (a build step that writes .git/config, an included file, the user's own file) is seen.
  it('sees a driver added between two commands, in the repository file, an include or the user file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-gitcmd-'));
    const home = mkdtempSync(join(tmpdir(), 'vg-gitcmd-home-'));
    dirs.push(dir, home);
    const savedHome = process.env.HOME;
    process.env.HOME = home;
    try {
      await runGit(dir, ['init', '-q']);
      const get = async (key: string): Promise<string> =>
        (await runGit(dir, ['config', '--get', key])).stdout.toString().trim();
      expect(await get('core.bare')).toBe('false');
      writeFileSync(join(dir, '.git', 'config'), '[filter "late"]\n\tclean = evil\n', { flag: 'a' });
      expect(await get('filter.late.clean')).toBe('');
      writeFileSync(join(home, '.gitconfig'), '[diff "mine"]\n\ttextconv = evil\n');
      expect(await get('diff.mine.textconv')).toBe('');
      // With an include the overrides are asked before every command: the included file may not exist yet.
      writeFileSync(join(dir, '.git', 'config'), `[include]\n\tpath = ${join(dir, 'extra.cfg')}\n`, {
        flag: 'a',
      });
      expect(await get('filter.late.clean')).toBe('');
      writeFileSync(join(dir, 'extra.cfg'), '[filter "inc"]\n\tsmudge = evil\n');
      expect(await get('filter.inc.smudge')).toBe('');
    } finally {
      process.env.HOME = savedHome;
    }
  });
});

describe('parseRawLog', () => {
  it('keeps every byte of a path and skips links and submodules', async () => {
    const z = '0'.repeat(40);
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const raw = Buffer.concat([
      Buffer.from(`\x01${'c'.repeat(40)}\0\n:000000 100644 ${z} ${a} A\0with space\t\0`),
      Buffer.from(`:100644 100644 ${a} ${b} M\0:colon\nnewline\0`),
      Buffer.from(`:000000 120000 ${z} ${a} A\0link\0:000000 160000 ${z} ${a} A\0sub\0`),
      Buffer.from(`\x01${'d'.repeat(40)}\0\n:000000 100755 ${z} ${b} A\0`),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0]),
    ]);
    // Split into 3-byte chunks: tokens must be reassembled across chunk boundaries.
    const chunks: Buffer[] = [];
    for (let i = 0; i < raw.length; i += 3) chunks.push(raw.subarray(i, i + 3));
    const changes = [];
    for await (const c of parseRawLog(Readable.from(chunks))) changes.push(c);
    expect(changes.map((c) => [c.commit[0], c.path, c.oldOid?.[0], c.newOid[0]])).toEqual([
      ['c', 'with space\t', undefined, 'a'],
      ['c', ':colon\nnewline', 'a', 'b'],
      // A name that is not UTF-8 is spelt as the walk spells it (\xNN), so tree and history agree.
      ['d', 'caf\\xE9', undefined, 'b'],
    ]);
  });
});
