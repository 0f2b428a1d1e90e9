import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ScanResult } from '../src/core/result.js';
import { checksummedToken, seededRandom } from '../src/analyzers/secrets/test-tokens.js';
import { runCli } from './helpers/cli.js';
import { TestRepo } from './helpers/git-repo.js';

// Several CLI runs per test, on a machine that may be busy: a generous per-test limit.
vi.setConfig({ testTimeout: 240_000 });

/** `--history` reports what git holds: exact paths, the coverage it lost, the same ignores as the tree. */

const SEED = 4242;
console.log(`history-truth: token seed ${SEED}`);
const rnd = seededRandom(SEED);
const token = (): string => checksummedToken(rnd, 'ghp');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(): TestRepo {
  const r = new TestRepo();
  dirs.push(r.dir);
  return r;
}

function scan(dir: string, ...extra: string[]): { code: number; result: ScanResult; stderr: string } {
  const r = runCli(['scan', dir, '--history', '--only', 'secrets', '--format', 'json', ...extra]);
  return { code: r.code, result: JSON.parse(r.stdout) as ScanResult, stderr: r.stderr };
}

function errorsOf(result: ScanResult): string[] {
  return result.analyzers.flatMap((a) => a.errors.map((e) => `${e.code} ${e.path}: ${e.message}`));
}

describe('history paths are exact', () => {
  it('names with spaces, tabs, newlines and non-UTF-8 bytes: no trailing tab, exceptions and dedupe apply', () => {
    const r = repo();
    const [a, b, c, d] = [token(), token(), token(), token()];
    const names = ['my file.env', 'tab\tname.env', 'new\nline.env'];
    r.commit('secrets', {
      [names[0]!]: `TOKEN=${a}\n`,
      [names[1]!]: `TOKEN=${b}\n`,
      [names[2]!]: `TOKEN=${c}\n`,
    });
    // A name that is not valid UTF-8, written as bytes.
    writeFileSync(
      Buffer.concat([Buffer.from(join(r.dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.env')]),
      `TOKEN=${d}\n`,
    );
    r.git('add', '-A');
    r.git('commit', '-q', '-m', 'latin-1 name');
    // The first file is accepted by an exception (by its exact path); the others stay in the tree.
    r.commit('policy', {
      'vanguard.yaml':
        'version: 1\nexceptions:\n  - path: "my file.env"\n    reason: "test token"\n    owner: "dev@example.com"\n    expires: 2099-01-01\n',
    });
    const { code, result } = scan(r.dir);
    const paths = result.findings.map((f) => f.location.path).sort();
    expect(paths.some((p) => /\s$/.test(p))).toBe(false);
    expect(paths).toEqual(expect.arrayContaining(names));
    // Each secret is one finding: the history finding and the tree finding share a fingerprint.
    expect(result.findings).toHaveLength(4);
    expect(paths.filter((p) => p.startsWith('caf'))).toHaveLength(1);
    const accepted = result.findings.find((f) => f.location.path === 'my file.env')!;
    expect(accepted.suppression?.kind).toBe('exception');
    expect(code).toBe(1); // the three others fail the gate, as in the tree
  });
});

describe('history coverage that was lost is reported, with the fix', () => {
  it('a shallow clone is partial (exit 3) and names git fetch --unshallow; a range inside the clone is complete', () => {
    const origin = repo();
    const old = token();
    const recent = token();
    origin.commit('old secret', { 'old.env': `TOKEN=${old}\n` });
    origin.commit('removed', { 'old.env': 'TOKEN=\n' });
    origin.commit('two', { 'a.txt': 'a\n' });
    origin.commit('recent secret', { 'new.env': `TOKEN=${recent}\n` });
    const parent = mkdtempSync(join(tmpdir(), 'vg-shallow-'));
    dirs.push(parent);
    const clone = join(parent, 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin.dir}`, clone], {
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' },
    });
    const { code, result } = scan(clone, '--fail-on', 'none');
    expect(code).toBe(3);
    expect(result.status).toBe('partial');
    expect(errorsOf(result).join('\n')).toMatch(/GIT_SHALLOW .*shallow clone.*git fetch --unshallow/);
    expect(result.findings.map((f) => f.location.path)).toContain('new.env');

    const incremental = scan(clone, '--history-since', 'HEAD~1', '--fail-on', 'none');
    expect(errorsOf(incremental.result)).toEqual([]);
    expect(incremental.code).toBe(0);
    // With the gate on, findings decide the exit code first (1), as documented.
    expect(scan(clone).code).toBe(1);
  });

  it('a partial clone with missing blobs: what can be read is reported, the rest named, exit 3, nothing fetched', () => {
    const origin = repo();
    const lost = token();
    const kept = token();
    const lostCommit = origin.commit('lost secret', { 'lost.env': `TOKEN=${lost}\n` });
    origin.git('rm', '-q', 'lost.env');
    origin.commit('removed');
    origin.commit('kept secret', { 'kept.env': `TOKEN=${kept}\n` });
    origin.git('config', 'uploadpack.allowFilter', 'true');
    const parent = mkdtempSync(join(tmpdir(), 'vg-partial-'));
    dirs.push(parent);
    const clone = join(parent, 'clone');
    const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' };
    // Only the checked-out files' blobs are fetched; the blob of lost.env stays missing.
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${origin.dir}`, clone], { env });
    const missing = (): string[] =>
      execFileSync('git', ['rev-list', '--objects', '--missing=print', 'HEAD'], {
        cwd: clone,
        env,
        encoding: 'utf8',
      })
        .split('\n')
        .filter((l) => l.startsWith('?'));
    const before = missing();
    expect(before.length).toBeGreaterThan(0);

    const { code, result } = scan(clone, '--fail-on', 'none');
    expect(code).toBe(3);
    expect(result.status).toBe('partial');
    const errors = errorsOf(result).join('\n');
    expect(errors).toContain(`lost.env in commit ${lostCommit.slice(0, 12)} is not in this clone`);
    expect(errors).toMatch(/missing from this clone were not scanned.*git fetch --refetch/);
    expect(result.findings.map((f) => f.location.path)).toEqual(['kept.env']);
    // Nothing was fetched from the promisor remote.
    expect(missing()).toEqual(before);
  });
});

describe('dependency folders in history are ignored as in the tree', () => {
  it('a committed virtualenv, node_modules and a vanguard.yaml ignore give no history findings', () => {
    const r = repo();
    const real = token();
    r.commit('vendored', {
      'venv/lib/python3.11/site-packages/pkg/settings.py': `TOKEN = "${token()}"\n`,
      'myenv/lib/python3.11/site-packages/other/conf.py': `TOKEN = "${token()}"\n`,
      'node_modules/pkg/.env': `TOKEN=${token()}\n`,
      'third_party/x.env': `TOKEN=${token()}\n`,
      'vanguard.yaml': 'version: 1\nignore:\n  - "third_party/"\n',
    });
    r.git('rm', '-q', '-r', 'venv', 'myenv', 'node_modules', 'third_party');
    r.commit('removed vendored folders');
    r.commit('app', { 'app.env': `TOKEN=${real}\n` });
    const { result } = scan(r.dir);
    expect(result.findings.map((f) => f.location.path)).toEqual(['app.env']);
  });
});

describe('every bound of the history scan is announced as a history-cap warning', () => {
  it('per-rule match caps, blobs over --max-file-size and lines over 1 MB', () => {
    const r = repo();
    r.commit('base', { 'README.md': 'hello\n' });
    // 1,001 distinct tokens in one file: past the 1,000 kept per rule.
    const many = Array.from({ length: 1001 }, () => `TOKEN=${token()}`).join('\n');
    // A line of 1.1 MB with a token at its end, and a blob over the 1 MB size limit given below.
    const long = `x=${'a'.repeat(1_150_000)} TOKEN=${token()}\n`;
    const big = `${'line of text\n'.repeat(90_000)}`;
    r.commit('hostile', { 'many.env': `${many}\n`, 'long.txt': long, 'big.txt': big });
    const { result } = scan(r.dir, '--max-file-size', '1.1');
    const caps = result.warnings.filter((w) => w.code === 'history-cap');
    const text = caps.map((w) => `${w.path ?? ''}: ${w.message}`).join('\n');
    expect(text).toMatch(/many\.env: .*many\.env: .*later matches were not reported/);
    expect(text).toMatch(/long\.txt: .*1 added line\(s\) longer than 1048576 bytes/);
    expect(text).toMatch(/1 blob\(s\) larger than \d+ bytes not scanned \(first: big\.txt/);
  });
});
