import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI } from './helpers/cli.js';
import { PLANTED_LINE, plantedProject } from './helpers/planted-project.js';

/**
 * docker/entrypoint.sh, run on its own (no container engine here): the image's CMD and other
 * argument forms reach the CLI as documented, git trusts the mounted folder, exit codes pass through.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRYPOINT = join(ROOT, 'docker', 'entrypoint.sh');
const DOCKERFILE = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

function entrypoint(args: string[], cwd: string) {
  const r = spawnSync('sh', [ENTRYPOINT, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, VANGUARD_CLI: CLI, NO_COLOR: '1' },
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The image's CMD, as the Dockerfile declares it in exec form. */
const CMD = JSON.parse(/^CMD (\[.*\])$/m.exec(DOCKERFILE)![1]!) as string[];

describe('the container entrypoint', () => {
  it('is what the Dockerfile runs, as the unprivileged node user', () => {
    expect(DOCKERFILE).toMatch(/^COPY docker\/entrypoint\.sh \/usr\/local\/bin\/vanguard-entrypoint$/m);
    expect(DOCKERFILE).toMatch(/^ENTRYPOINT \["\/usr\/local\/bin\/vanguard-entrypoint"\]$/m);
    expect(DOCKERFILE).toMatch(/^USER node$/m);
    expect(CMD).toEqual(['scan', '/src']);
  });

  it('runs the image CMD (a scan of the mounted folder) and exits 1 on the planted finding', () => {
    const project = plantedProject(true);
    const r = entrypoint(['scan', join(project, 'app'), '--format', 'json'], project);
    expect(r.code, r.stderr).toBe(1);
    const result = JSON.parse(r.stdout) as {
      findings: { ruleId: string; location: { startLine: number } }[];
    };
    expect(result.findings.map((f) => [f.ruleId, f.location.startLine])).toContainEqual([
      'code/js-command-injection',
      PLANTED_LINE,
    ]);
  });

  it('treats leading options as options of a scan of the working folder, and passes other commands through', () => {
    const project = plantedProject(false);
    const scan = entrypoint(['--format', 'json', '--fail-on', 'low'], join(project, 'app'));
    expect(scan.code, scan.stderr).toBe(0);
    expect((JSON.parse(scan.stdout) as { status: string }).status).toBe('complete');
    expect(entrypoint(['--version'], project).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const rules = entrypoint(['rules', 'list', '--analyzer', 'pipeline'], project);
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/pipeline\//);
    expect(entrypoint(['scan', '--no-such-flag'], project).code).toBe(2);
  });

  // Ownership can only be given away by root, which is who runs inside most CI containers too.
  it.skipIf(process.getuid?.() !== 0)(
    'lets git read a mounted repository that belongs to another user, for this process only',
    () => {
      const project = plantedProject(false);
      const git = (...a: string[]) =>
        execFileSync('git', a, { cwd: project, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } });
      git('init', '-q', '-b', 'main');
      git('add', 'app/server.js');
      execFileSync('chown', ['-R', '65534:65534', project]);
      // Without the entrypoint git refuses the repository ("dubious ownership"): a usage error.
      const plain = spawnSync(process.execPath, [CLI, 'scan', '.', '--staged', '--no-progress'], {
        cwd: project,
        encoding: 'utf8',
      });
      expect(plain.status).toBe(2);
      const r = entrypoint(['scan', '.', '--staged', '--format', 'json'], project);
      expect(r.code, r.stderr).toBe(0);
      // Warnings are strings today and objects with a message soon: read them as text.
      expect(JSON.stringify((JSON.parse(r.stdout) as { warnings: unknown[] }).warnings)).toMatch(
        /staged: 1 staged file/,
      );
    },
  );
});
