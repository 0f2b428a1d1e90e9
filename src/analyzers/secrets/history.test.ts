import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectContext } from '../../core/analyzer.js';
import { VanguardError } from '../../core/errors.js';
import { makeMemoryProjectContext } from '../../core/source-file.js';
import { readHistory } from '../../discover/history.js';
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

function newRepo(): string {
  const root = tempDir();
  git(root, 'init', '-q');
  git(root, 'config', 'user.name', 'Test');
  git(root, 'config', 'user.email', 'test@example.com');
  return root;
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

function projectContext(
  root: string,
  history: boolean,
  isIgnored: (path: string) => boolean = () => false,
  profile?: 'audit',
): ProjectContext {
  const fail = (p: string, err: unknown): never => {
    throw new Error(`${p}: ${String(err)}`);
  };
  const base = makeMemoryProjectContext({}, { history, ...(profile ? { profile } : {}) }, root);
  return {
    ...base,
    isIgnored,
    fail,
    history: (request) =>
      readHistory(root, { ...request, isIgnored, maxBlobBytes: 1 << 20, fail, warn: (m) => base.warn(m) }),
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

  it("leaves out a page's example password as the working tree's scan does, and keeps a random-looking one", async () => {
    const root = newRepo();
    const rnd = seededRandom(23);
    const weak = ['1234', 'abCD'].join(''); // built at run time: the repository's own scan must not see it
    const live = expandTemplate('<<a62:18>>#4', rnd);
    const page = (pw: string) =>
      `# Setup\n\n\`\`\`json\n{\n  "name": "admin",\n  "pass": "${pw}"\n}\n\`\`\`\n`;
    commit(root, { 'README.md': page(weak) }, 'docs');
    const c2 = commit(root, { 'docs/setup.md': page(live) }, 'more docs');
    const found = await secretsAnalyzer.analyzeProject!(projectContext(root, true));
    expect(found.map((f) => [f.ruleId, f.location.path, f.location.commit])).toEqual([
      ['secrets/hardcoded-password', 'docs/setup.md', c2],
    ]);
  });

  // The audit shapes of site-client-key.ts, as a file scan applies them (audit-shapes.ts): a key found by its name
  // alone in a module that handles one website's links, and one among a configuration's shipped defaults.
  it("leaves a site client's key and a configuration default's key to the audit profile, as a file scan does", async () => {
    const root = newRepo();
    const rnd = seededRandom(41);
    const siteKey = expandTemplate('<<a62:32>>', rnd);
    const defaultKey = expandTemplate('<<a62:32>>', rnd);
    const liveKey = expandTemplate('<<a62:32>>', rnd);
    const site = [
      'import re',
      '',
      'class ExampleTubeIE(InfoExtractor):',
      "    _VALID_URL = r'https?://(?:www\\.)?exampletube\\.com/watch/(?P<id>[0-9]+)'",
      `    _API_KEY = '${siteKey}'`,
      '',
      '    def _real_extract(self, url):',
      "        video_id = re.match(self._VALID_URL, url).group('id')",
      "        return self._download_json('https://api.exampletube.com/v1/' + video_id, video_id,",
      "                                   headers={'x-api-key': self._API_KEY})",
    ].join('\n');
    const plugin = [
      'class ExamplePlugin(BeetsPlugin):',
      '    def __init__(self):',
      '        super().__init__()',
      `        self.config.add({'apikey': '${defaultKey}', 'tokenfile': 'example.json'})`,
    ].join('\n');
    commit(
      root,
      { 'extractors/exampletube.py': `${site}\n`, 'plugins/example.py': `${plugin}\n` },
      'clients',
    );
    const c2 = commit(root, { 'src/client.py': `API_KEY = '${liveKey}'\nsend(API_KEY)\n` }, 'own key');
    const rows = (found: { ruleId: string; location: { path: string; commit?: string } }[]) =>
      found.map((f) => [f.ruleId, f.location.path, f.location.commit]);
    const plain = await secretsAnalyzer.analyzeProject!(projectContext(root, true));
    expect(rows(plain.filter((f) => !f.heldBack))).toEqual([
      ['secrets/generic-api-key', 'src/client.py', c2],
    ]);
    // The two left to the audit profile are marked, so the scan lists their fingerprints (ScanResult.heldBack).
    expect(
      rows(plain.filter((f) => f.heldBack))
        .map((r) => r[1])
        .sort(),
    ).toEqual(['extractors/exampletube.py', 'plugins/example.py']);
    const audit = await secretsAnalyzer.analyzeProject!(projectContext(root, true, undefined, 'audit'));
    const levels = audit.map((f) => [f.location.path, f.severity, f.confidence]);
    expect(levels).toContainEqual(['extractors/exampletube.py', 'medium', 'low']);
    expect(levels).toContainEqual(['plugins/example.py', 'medium', 'low']);
    expect(levels).toContainEqual(['src/client.py', 'high', expect.anything()]);
  });

  // The engine's caps (secrets kept per rule and file) hold in history too, and are announced there.
  it('announces a cap hit in a commit, with the commit and the file', async () => {
    const root = newRepo();
    const rnd = seededRandom(31);
    const tokens = Array.from({ length: 1001 }, () => checksummedToken(rnd, 'ghp'));
    const c = commit(root, { 'dump/tokens.txt': tokens.map((t) => `token = ${t}`).join('\n') }, 'dump');
    const ctx = projectContext(root, true);
    const found = await secretsAnalyzer.analyzeProject!(ctx);
    expect(found.filter((f) => f.ruleId === 'secrets/github-pat-classic')).toHaveLength(1000);
    const base = ctx as unknown as { warnings: string[] };
    expect(base.warnings.some((w) => w.includes(c.slice(0, 12)) && w.includes('stopped after 1000'))).toBe(
      true,
    );
  });

  it('reads files marked -diff in .gitattributes as text, and skips real binaries', async () => {
    const root = newRepo();
    const rnd = seededRandom(23);
    const gh = checksummedToken(rnd, 'ghp');
    const inBinary = checksummedToken(rnd, 'ghp');
    commit(root, { '.gitattributes': '*.conf -diff\n' }, 'attributes');
    const c = commit(root, { 'deploy/app.conf': `name = api\ntoken = ${gh}\n` }, 'config');
    commit(root, { 'assets/blob.bin': `\u0000\u0001PNG\ntoken = ${inBinary}\n` }, 'binary');
    const found = await secretsAnalyzer.analyzeProject!(projectContext(root, true));
    expect(found.map((f) => [f.ruleId, f.location.path, f.location.startLine, f.location.commit])).toEqual([
      ['secrets/github-pat-classic', 'deploy/app.conf', 2, c],
    ]);
  });

  it('reports a secret written while resolving a merge conflict with the merge commit, and branch secrets once', async () => {
    const root = newRepo();
    const rnd = seededRandom(29);
    const onBranch = checksummedToken(rnd, 'ghp');
    const inMerge = checksummedToken(rnd, 'gho');
    commit(root, { 'src/config.js': 'const token = null;\n' }, 'init');
    const main = git(root, 'rev-parse', '--abbrev-ref', 'HEAD').trim();
    git(root, 'checkout', '-q', '-b', 'feature');
    const branchCommit = commit(
      root,
      { 'src/config.js': 'const token = process.env.TOKEN;\n', 'src/other.js': `const t = '${onBranch}';\n` },
      'feature',
    );
    git(root, 'checkout', '-q', main);
    commit(root, { 'src/config.js': 'const token = readToken();\n' }, 'main change');
    const merge = spawnSync('git', ['merge', '-q', '--no-edit', 'feature'], { cwd: root, encoding: 'utf8' });
    expect(merge.status).not.toBe(0);
    const mergeCommit = commit(root, { 'src/config.js': `const token = '${inMerge}';\n` }, 'merge feature');
    expect(git(root, 'rev-list', '--parents', '-n', '1', 'HEAD').trim().split(' ')).toHaveLength(3);
    const found = await secretsAnalyzer.analyzeProject!(projectContext(root, true));
    expect(found.map((f) => [f.ruleId, f.location.path, f.location.startLine, f.location.commit])).toEqual([
      ['secrets/github-pat-classic', 'src/other.js', 1, branchCommit],
      ['secrets/github-oauth', 'src/config.js', 1, mergeCommit],
    ]);
  });

  it('skips paths the scan ignores (vanguard.yaml ignore:, default ignores)', async () => {
    const root = newRepo();
    const rnd = seededRandom(31);
    const fixture = checksummedToken(rnd, 'ghp');
    const real = checksummedToken(rnd, 'ghp');
    commit(root, { 'fixtures/tokens.env': `GITHUB_TOKEN=${fixture}\n` }, 'fixture');
    const c = commit(root, { 'src/app.env': `GITHUB_TOKEN=${real}\n` }, 'app');
    const ignored = (p: string): boolean => p.startsWith('fixtures/');
    const found = await secretsAnalyzer.analyzeProject!(projectContext(root, true, ignored));
    expect(found.map((f) => [f.location.path, f.location.commit])).toEqual([['src/app.env', c]]);
    expect(found[0]!.secret).toBe(real);
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
