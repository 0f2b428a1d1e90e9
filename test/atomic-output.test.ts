import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/** Reports are replaced whole or not at all; files Vanguard writes never go through links. */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'vg-atomic-'));
  dirs.push(d);
  return d;
}

const WRITER = fileURLToPath(new URL('../dist/cli/atomic-write.js', import.meta.url));

describe('report writes are atomic', () => {
  it(
    'a writer killed with SIGKILL mid-write leaves the previous report intact',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const target = join(dir, 'report.json');
      const good = JSON.stringify({ report: 'previous good run' });
      writeFileSync(target, good);
      // 400 MB takes long enough to write that the kill lands mid-write; the kill waits for the temp file.
      const script = `import('${WRITER}').then((m) => m.writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(400 * 1024 * 1024, 120)))`;
      const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
      let tmp: string | undefined;
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        tmp = readdirSync(dir).find((n) => n.endsWith('.tmp'));
        if (tmp !== undefined && statSync(join(dir, tmp)).size > 0) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(tmp, 'the writer started writing its temporary file').toBeDefined();
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      expect(statSync(join(dir, tmp!)).size).toBeLessThan(400 * 1024 * 1024);
      expect(readFileSync(target, 'utf8')).toBe(good);
    },
  );

  it('a scan report replaces the previous one whole, with no temporary file left', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'hello\n');
    const out = join(dir, 'out', 'report.json');
    mkdirSync(join(dir, 'out'));
    writeFileSync(out, 'old');
    const r = runCli(['scan', dir, '--only', 'secrets', '--format', 'json', '--output', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ status: 'complete' });
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
  });

  it('a directory given as --output is a usage error (exit 2), for scan and sbom', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'hello\n');
    const outDir = join(dir, 'reports');
    mkdirSync(outDir);
    const scan = runCli(['scan', dir, '--only', 'secrets', '--format', 'sarif', '--output', outDir]);
    expect(scan.code).toBe(2);
    expect(scan.stderr).toMatch(/--output .*reports: is a directory; give a file name/);
    expect(scan.stderr).not.toMatch(/internal|unexpected/i);
    const sbom = runCli(['sbom', dir, '--output', outDir]);
    expect(sbom.code).toBe(2);
    expect(sbom.stderr).toMatch(/is a directory/);
  });

  it('a symbolic link at --output is replaced, never written through', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'hello\n');
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious');
    const link = join(dir, 'report.json');
    symlinkSync(victim, link);
    const r = runCli(['scan', dir, '--only', 'secrets', '--format', 'json', '--output', link]);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(JSON.parse(readFileSync(link, 'utf8'))).toMatchObject({ status: 'complete' });
  });
});

describe('vanguard init --force never writes through a symbolic link', () => {
  it('refuses a link at the file or in its folders that points outside the tree, and leaves the target alone', () => {
    const repo = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'vanguard.yaml'), 'precious config');
    symlinkSync(join(outside, 'vanguard.yaml'), join(repo, 'vanguard.yaml'));
    const r = runCli(['init', repo, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write vanguard\.yaml: vanguard\.yaml is a symbolic link/);
    expect(readFileSync(join(outside, 'vanguard.yaml'), 'utf8')).toBe('precious config');

    const repo2 = tempDir();
    const outsideDir = tempDir();
    symlinkSync(outsideDir, join(repo2, '.github'));
    const r2 = runCli(['init', repo2, '--force']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/\.github is a symbolic link/);
    expect(readdirSync(outsideDir)).toEqual([]);
    expect(existsSync(join(outsideDir, 'workflows'))).toBe(false);
  });
});
