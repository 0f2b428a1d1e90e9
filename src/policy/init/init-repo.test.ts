import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { registerInit } from '../../cli/init.js';
import { parseConfig } from '../config.js';
import { initRepository } from './init-repo.js';
import { INIT_PATHS } from './templates.js';

const SHA_PIN = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
}

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vg-init-'));
  for (const [p, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, p)), { recursive: true });
    await writeFile(join(dir, p), text);
  }
  return dir;
}

describe('initRepository', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await repo({
      'package.json': '{"name":"shop"}',
      'package-lock.json': '{"lockfileVersion":3}',
      'src/server.js': 'module.exports = {};\n',
      Dockerfile: 'FROM node:22\n',
      'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      '.git/config': '[remote "origin"]\n\turl = git@github.com:acme/shop.git\n',
      'test/fixtures/leak.env': 'X=1\n',
    });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a valid, tuned vanguard.yaml', async () => {
    const out = await initRepository(dir, { version: '0.1.0' });
    expect(out.written).toEqual([
      INIT_PATHS.config,
      INIT_PATHS.github,
      INIT_PATHS.gitlab,
      INIT_PATHS.preCommit,
    ]);
    const text = await readFile(join(dir, 'vanguard.yaml'), 'utf8');
    const config = parseConfig(text);
    // Analyzers are not listed under `only` (that would make deps require a database): the rest are skipped.
    expect(config.analyzers.only).toBeUndefined();
    expect(config.analyzers.skip).toEqual(['threats']);
    expect(config.options.pipeline).toEqual({ trustedOwners: ['acme'] });
    expect(config.gates.failOn).toBe('high');
    expect(text).toContain('#   deps      dependency manifests: package-lock.json');
    expect(text).toContain('# - "test/fixtures/"');
  });

  it('writes a GitHub workflow with SHA-pinned actions and least-privilege permissions', async () => {
    await initRepository(dir, { version: '0.1.0' });
    const wf = parse(await readFile(join(dir, INIT_PATHS.github), 'utf8')) as Workflow;
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.permissions).toEqual({});
    const job = wf.jobs.scan!;
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write', actions: 'read' });
    const uses = job.steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses).toHaveLength(3);
    for (const u of uses) expect(u).toMatch(SHA_PIN);
    expect(uses.some((u) => u.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with?.['persist-credentials']).toBe(false);
    // Each pin carries the release it stands for.
    const raw = await readFile(join(dir, INIT_PATHS.github), 'utf8');
    for (const line of raw.split('\n').filter((l) => l.includes('uses:')))
      expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    // Untrusted event data reaches the shell only through the environment.
    const run = job.steps.map((s) => s.run ?? '').join('\n');
    expect(run).not.toContain('${{');
    expect(run).toContain('vanguard@0.1.0 scan --format sarif');
  });

  it('writes valid GitLab and pre-commit files', async () => {
    await initRepository(dir, { version: '0.1.0' });
    const gl = parse(await readFile(join(dir, INIT_PATHS.gitlab), 'utf8')) as {
      vanguard: { script: string[]; artifacts: unknown };
    };
    expect(gl.vanguard.script.join('\n')).toContain('scan --format junit');
    const pc = parse(await readFile(join(dir, INIT_PATHS.preCommit), 'utf8')) as {
      repos: { hooks: { entry: string }[] }[];
    };
    expect(pc.repos[0]!.hooks[0]!.entry).toBe('npx --yes vanguard@0.1.0 scan --staged');
  });

  it('never overwrites existing files without force', async () => {
    await writeFile(join(dir, 'vanguard.yaml'), 'mine: true\n');
    const out = await initRepository(dir, { version: '0.1.0', github: false, gitlab: false });
    expect(out.kept).toEqual(['vanguard.yaml']);
    expect(out.written).toEqual([INIT_PATHS.preCommit]);
    expect(await readFile(join(dir, 'vanguard.yaml'), 'utf8')).toBe('mine: true\n');
    const forced = await initRepository(dir, {
      version: '0.1.0',
      force: true,
      github: false,
      gitlab: false,
      preCommit: false,
    });
    expect(forced.written).toEqual(['vanguard.yaml']);
    expect(await readFile(join(dir, 'vanguard.yaml'), 'utf8')).toContain('version: 1');
  });

  it('runs as the init command', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const program = new Command().exitOverride();
      registerInit(program);
      await program.parseAsync(['node', 'vanguard', 'init', dir, '--no-gitlab']);
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toContain(`wrote ${INIT_PATHS.github}`);
      expect(printed).not.toContain(INIT_PATHS.gitlab);
      await program.parseAsync(['node', 'vanguard', 'init', dir]);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toContain(
        'kept  vanguard.yaml (exists; --force overwrites it)',
      );
    } finally {
      write.mockRestore();
    }
  });
});
