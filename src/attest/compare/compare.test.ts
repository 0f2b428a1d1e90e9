import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rebuildCompare, type DiffNode } from './compare.js';
import { DEFAULT_LIMITS } from './limits.js';
import { renderCompare } from './render.js';

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vg-cmp-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

/** One ustar header block plus content, as a tar writer would emit it (name taken verbatim). */
function tarEntry(name: string, content: string, mtime = 0): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100);
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
  h.write(`${mtime.toString(8).padStart(11, '0')}\0`, 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const body = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  body.write(content);
  return Buffer.concat([h, body]);
}
const tar = (...entries: Buffer[]): Buffer => Buffer.concat([...entries, Buffer.alloc(1024)]);
const flat = (n: DiffNode | undefined): DiffNode[] => (n ? [n, ...(n.children ?? []).flatMap(flat)] : []);

describe('rebuildCompare', () => {
  it('finds two identical folders the same', () => {
    const r = rebuildCompare(
      tree({ 'a.js': 'x\n', 'lib/b.js': 'y\n' }),
      tree({ 'a.js': 'x\n', 'lib/b.js': 'y\n' }),
    );
    expect(r.same).toBe(true);
    expect(r.summary).toMatchObject({ compared: 2, same: 2, different: 0 });
  });

  it('diffs text files and hints at timestamps and build paths; lists files on one side only', () => {
    const a = tree({
      'v.js': 'const v = 1;\nconst built = "2024-01-01T10:00:00Z";\n',
      'p.js': 'src("/home/runner/work/app/src/x.ts")\n',
      'old.js': '',
    });
    const b = tree({
      'v.js': 'const v = 1;\nconst built = "2024-03-05T11:12:13Z";\n',
      'p.js': 'src("/tmp/build-42/app/src/x.ts")\n',
      'new.js': '',
    });
    const r = rebuildCompare(a, b);
    expect(r.same).toBe(false);
    const nodes = flat(r.differences);
    const v = nodes.find((n) => n.path === 'v.js')!;
    expect(v.hints).toEqual(['timestamp']);
    expect(v.diff).toContain('-const built = "2024-01-01T10:00:00Z";');
    expect(v.diff).toContain('+const built = "2024-03-05T11:12:13Z";');
    expect(nodes.find((n) => n.path === 'p.js')!.hints).toEqual(['build path']);
    expect(nodes.find((n) => n.path === 'old.js')!.status).toBe('only-in-a');
    expect(nodes.find((n) => n.path === 'new.js')!.status).toBe('only-in-b');
    expect(renderCompare(r)).toMatch(/DIFFERENT[\s\S]*\+ new\.js only in B[\s\S]*~ v\.js/);
  });

  it('compares npm tarballs member by member and names the member that differs', () => {
    const a = tree({
      'x.tgz': Buffer.from(
        gzipSync(tar(tarEntry('package/package.json', '{}'), tarEntry('package/index.js', 'ok()\n')), {
          mtime: 0,
        }),
      ),
    });
    const b = tree({
      'x.tgz': Buffer.from(
        gzipSync(tar(tarEntry('package/package.json', '{}'), tarEntry('package/index.js', 'evil()\n')), {
          mtime: 0,
        }),
      ),
    });
    const r = rebuildCompare(join(a, 'x.tgz'), join(b, 'x.tgz'));
    const nodes = flat(r.differences);
    expect(nodes[0]).toMatchObject({ kind: 'archive', path: 'x.tgz' });
    const changed = nodes.filter((n) => n.kind === 'file');
    expect(changed.map((n) => n.path)).toEqual(['x.tgz/package/index.js']);
    expect(changed[0]!.diff).toContain('+evil()');
  });

  it('explains an archive whose members are equal: member times, gzip header time, member order', () => {
    const one = (mtime: number) => tar(tarEntry('package/a.js', 'a'), tarEntry('package/b.js', 'b', mtime));
    const r1 = rebuildCompare(
      tree({ t: Buffer.from(gzipSync(one(1), { mtime: 1e9 })) }) + '/t',
      tree({ t: Buffer.from(gzipSync(one(2), { mtime: 1.5e9 })) }) + '/t',
    );
    expect(r1.same).toBe(false);
    expect(r1.hints).toContain('timestamp');
    const za = zipSync(
      { 'a.txt': Buffer.from('a'), 'b.txt': Buffer.from('b') },
      { mtime: new Date('2020-01-01') },
    );
    const zb = zipSync(
      { 'b.txt': Buffer.from('b'), 'a.txt': Buffer.from('a') },
      { mtime: new Date('2020-01-01') },
    );
    const r2 = rebuildCompare(tree({ z: Buffer.from(za) }) + '/z', tree({ z: Buffer.from(zb) }) + '/z');
    expect(r2.summary.different).toBe(1);
    expect(r2.differences!.children).toEqual([]);
    expect(r2.hints).toEqual(['file order']);
  });

  it('reads a tarball written by the system tar', () => {
    const src = tree({ 'package/index.js': 'module.exports = 1;\n' });
    const out = mkdtempSync(join(tmpdir(), 'vg-cmp-'));
    execFileSync('tar', ['-czf', join(out, 'a.tgz'), '-C', src, 'package']);
    writeFileSync(join(src, 'package/index.js'), 'module.exports = 2;\n');
    execFileSync('tar', ['-czf', join(out, 'b.tgz'), '-C', src, 'package']);
    const r = rebuildCompare(join(out, 'a.tgz'), join(out, 'b.tgz'));
    expect(flat(r.differences).some((n) => n.path === 'a.tgz ↔ b.tgz/package/index.js')).toBe(true);
  });

  it('reports hostile member names and refuses bombs and floods', () => {
    const evil = tar(tarEntry('../../etc/passwd', 'root'), tarEntry('/abs/x', 'y'));
    const r = rebuildCompare(tree({ t: evil }) + '/t', tree({ t: tar(tarEntry('ok', 'x')) }) + '/t');
    expect(r.unsafeNames.map((u) => u.reason)).toEqual(['leaves the archive (..)', 'absolute path']);
    expect(flat(r.differences).map((n) => n.path)).toContain('t/etc/passwd');
    const limits = { ...DEFAULT_LIMITS, maxMemberBytes: 1 << 20, maxEntries: 10 };
    const bomb = Buffer.from(gzipSync(new Uint8Array(4 << 20)));
    expect(() =>
      rebuildCompare(
        tree({ g: bomb }) + '/g',
        tree({ g: Buffer.from(gzipSync(new Uint8Array(4 << 20).fill(1))) }) + '/g',
        limits,
      ),
    ).toThrow(/limit|more than/);
    const many = tar(...Array.from({ length: 20 }, (_, i) => tarEntry(`f${i}`, 'x')));
    const many2 = tar(...Array.from({ length: 20 }, (_, i) => tarEntry(`f${i}`, 'y')));
    expect(() => rebuildCompare(tree({ t: many }) + '/t', tree({ t: many2 }) + '/t', limits)).toThrow(
      /more than 10 members/,
    );
  });

  it('notes a truncated archive instead of failing the whole comparison', () => {
    const whole = tar(tarEntry('a', 'x'.repeat(2000)));
    const r = rebuildCompare(tree({ t: whole.subarray(0, 1200) }) + '/t', tree({ t: whole }) + '/t');
    expect(r.differences!.note).toMatch(/could not open as tar: .*truncated/);
  });
});
