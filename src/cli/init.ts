import type { Command } from 'commander';
import { VERSION } from '../core/version.js';
import { initRepository } from '../policy/init/init-repo.js';
import { INIT_PATHS } from '../policy/init/templates.js';

interface InitFlags {
  force?: boolean;
  github: boolean;
  gitlab: boolean;
  preCommit: boolean;
}

/** `vanguard init [path]`: writes a tuned vanguard.yaml, CI files and a pre-commit config. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'write vanguard.yaml, a GitHub Actions workflow, a GitLab CI job and a pre-commit config for a repository',
    )
    .argument('[path]', 'repository root', '.')
    .option('--force', 'overwrite files that already exist')
    .option('--no-github', 'do not write the GitHub Actions workflow')
    .option('--no-gitlab', 'do not write the GitLab CI job')
    .option('--no-pre-commit', 'do not write the pre-commit configuration')
    .action(async (path: string, flags: InitFlags) => {
      const out = await initRepository(path, {
        version: VERSION,
        force: flags.force === true,
        github: flags.github,
        gitlab: flags.gitlab,
        preCommit: flags.preCommit,
      });
      const lines: string[] = [`vanguard init in ${out.root}`];
      lines.push(`analyzers: ${out.profile.analyzers.map((a) => a.id).join(', ')}`);
      for (const f of out.written) lines.push(`  wrote ${f}`);
      for (const f of out.kept) lines.push(`  kept  ${f} (exists; --force overwrites it)`);
      if (out.written.includes(INIT_PATHS.gitlab))
        lines.push(`GitLab: add "include: [{ local: ${INIT_PATHS.gitlab} }]" to .gitlab-ci.yml`);
      if (out.written.includes(INIT_PATHS.preCommit)) lines.push('pre-commit: run "pre-commit install" once');
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
