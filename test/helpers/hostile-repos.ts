import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Repositories whose own configuration names a program for git to run, one execution vector each.
 * Every planted program only creates a marker file, so a test can tell whether it ran.
 */

const CLEAN_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

export function gitIn(cwd: string, args: readonly string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...CLEAN_ENV },
    ...(input !== undefined ? { input } : {}),
  });
}

/** Runs git as a user would on the planted repository (the vector's own configuration applies). */
export function plainGit(
  cwd: string,
  args: readonly string[],
  input = '',
  env: Record<string, string> = {},
): void {
  spawnSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...CLEAN_ENV, GIT_TERMINAL_PROMPT: '0', ...env },
  });
}

/** A script that creates `marker` and passes its input through (usable as a filter or textconv). */
export function evilScript(dir: string, marker: string, then = 'cat'): string {
  const path = join(dir, 'evil.sh');
  writeFileSync(path, `#!/bin/sh\ntouch '${marker}'\n${then}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A small repository with three commits, a staged change and an unstaged change. */
export function baseRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vg-hostile-'));
  gitIn(dir, ['init', '-q', '-b', 'main']);
  gitIn(dir, ['config', 'user.email', 'dev@example.com']);
  gitIn(dir, ['config', 'user.name', 'Dev']);
  gitIn(dir, ['config', 'commit.gpgsign', 'false']);
  const commit = (files: Record<string, string>, msg: string): void => {
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), c);
    }
    gitIn(dir, ['add', '-A']);
    gitIn(dir, ['commit', '-q', '-m', msg]);
  };
  commit({ '.gitattributes': '* diff=evil filter=evil merge=evil\n', 'a.txt': 'one\n' }, 'first');
  commit({ 'a.txt': 'one\ntwo\n', 'b.txt': 'bee\n' }, 'second');
  commit({ 'c.txt': 'sea\n' }, 'third');
  writeFileSync(join(dir, 'b.txt'), 'bee\nstaged\n');
  gitIn(dir, ['add', 'b.txt']);
  writeFileSync(join(dir, 'a.txt'), 'one\ntwo\nunstaged\n');
  return dir;
}

function config(dir: string, text: string): void {
  appendFileSync(join(dir, '.git', 'config'), `\n${text}\n`);
}

/** Replaces HEAD with the same commit carrying a (fake) signature, so that verifying it runs gpg. */
function signHead(dir: string): void {
  const body = gitIn(dir, ['cat-file', 'commit', 'HEAD']);
  const sig = 'gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n';
  const signed = body.replace(/^(committer .*\n)/m, `$1${sig}`);
  const oid = gitIn(dir, ['hash-object', '-t', 'commit', '-w', '--stdin'], signed).trim();
  gitIn(dir, ['update-ref', 'HEAD', oid]);
}

export interface Vector {
  name: string;
  /** Plants the vector in `dir`; the planted program creates `marker`. Returns extra environment, if any. */
  plant(dir: string, marker: string): Record<string, string> | void;
  /** What a user's own git command does on the planted repository (proves the plant is live), if any without a terminal. */
  control?: (dir: string, env: Record<string, string>) => void;
  /** Builds the repository (default: baseRepo()). */
  repo?: () => string;
}

/** A partial (blob:none) clone whose promisor remote would run a command if a missing blob were fetched. */
function partialClone(): string {
  const origin = baseRepo();
  gitIn(origin, ['config', 'uploadpack.allowFilter', 'true']);
  const parent = mkdtempSync(join(tmpdir(), 'vg-partial-'));
  const clone = join(parent, 'clone');
  gitIn(parent, ['clone', '-q', '--filter=blob:none', '--no-checkout', `file://${origin}`, clone]);
  gitIn(clone, ['config', 'user.email', 'dev@example.com']);
  gitIn(clone, ['config', 'user.name', 'Dev']);
  return clone;
}

export const VECTORS: Vector[] = [
  {
    name: 'core.fsmonitor',
    plant: (d, m) => config(d, `[core]\n\tfsmonitor = ${evilScript(join(d, '.git'), m)}`),
    control: (d) => plainGit(d, ['status']),
  },
  {
    name: 'core.hooksPath and .git/hooks',
    plant: (d, m) => {
      const hooks = join(d, '.git', 'evil-hooks');
      mkdirSync(hooks, { recursive: true });
      const script = evilScript(join(d, '.git'), m);
      for (const h of [
        'pre-commit',
        'post-checkout',
        'post-index-change',
        'reference-transaction',
        'pre-auto-gc',
        'post-rewrite',
        'fsmonitor-watchman',
      ]) {
        writeFileSync(join(hooks, h), `#!/bin/sh\nexec '${script}' </dev/null\n`);
        chmodSync(join(hooks, h), 0o755);
        writeFileSync(join(d, '.git', 'hooks', h), `#!/bin/sh\nexec '${script}' </dev/null\n`);
        chmodSync(join(d, '.git', 'hooks', h), 0o755);
      }
      config(d, `[core]\n\thooksPath = ${hooks}`);
    },
    control: (d) => plainGit(d, ['commit', '-q', '--allow-empty', '-m', 'x']),
  },
  {
    name: 'diff textconv',
    plant: (d, m) => config(d, `[diff "evil"]\n\ttextconv = ${evilScript(join(d, '.git'), m)}`),
    control: (d) => plainGit(d, ['log', '-p']),
  },
  {
    name: 'external diff (diff.external, diff.<driver>.command)',
    plant: (d, m) => {
      const s = evilScript(join(d, '.git'), m);
      config(d, `[diff]\n\texternal = ${s}\n[diff "evil"]\n\tcommand = ${s}`);
    },
    control: (d) => plainGit(d, ['diff', 'HEAD~1']),
  },
  {
    name: 'filter clean/smudge/process',
    plant: (d, m) => {
      const s = evilScript(join(d, '.git'), m);
      config(d, `[filter "evil"]\n\tclean = ${s}\n\tsmudge = ${s}\n\tprocess = ${s}\n\trequired = true`);
    },
    control: (d) => plainGit(d, ['diff', 'HEAD']),
  },
  {
    name: "filter driver whose name holds '=' (cannot be overridden with -c)",
    plant: (d, m) => {
      writeFileSync(join(d, '.gitattributes'), '* filter=a=b\n');
      const s = evilScript(join(d, '.git'), m);
      config(d, `[filter "a=b"]\n\tclean = ${s}\n\tsmudge = ${s}`);
    },
    control: (d) => plainGit(d, ['diff', 'HEAD']),
  },
  {
    name: 'credential.helper',
    plant: (d, m) => config(d, `[credential]\n\thelper = !'${evilScript(join(d, '.git'), m)}'`),
    control: (d) => plainGit(d, ['credential', 'fill'], 'protocol=https\nhost=example.invalid\n\n'),
  },
  {
    name: 'core.askPass',
    plant: (d, m) => config(d, `[core]\n\taskPass = ${evilScript(join(d, '.git'), m)}`),
    control: (d) => plainGit(d, ['credential', 'fill'], 'protocol=https\nhost=example.invalid\n\n'),
  },
  {
    name: 'core.sshCommand',
    plant: (d, m) => config(d, `[core]\n\tsshCommand = ${evilScript(join(d, '.git'), m)}`),
    control: (d) => plainGit(d, ['ls-remote', 'ssh://example.invalid/repo.git']),
  },
  {
    name: 'gpg.program with log.showSignature',
    plant: (d, m) => {
      signHead(d);
      config(d, `[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${evilScript(join(d, '.git'), m)}`);
    },
    control: (d) => plainGit(d, ['log', '-1']),
  },
  {
    name: 'core.pager, pager.<cmd>, core.editor (no terminal: planted for defence in depth)',
    plant: (d, m) => {
      const s = evilScript(join(d, '.git'), m);
      config(
        d,
        `[core]\n\tpager = ${s}\n\teditor = ${s}\n[pager]\n\tlog = ${s}\n\tdiff = ${s}\n\tstatus = ${s}`,
      );
    },
  },
  {
    name: 'include.path pulling in core.fsmonitor',
    plant: (d, m) => {
      writeFileSync(join(d, 'included.cfg'), `[core]\n\tfsmonitor = ${evilScript(join(d, '.git'), m)}\n`);
      config(d, `[include]\n\tpath = ../included.cfg`);
    },
    control: (d) => plainGit(d, ['status']),
  },
  {
    name: 'includeIf pulling in a textconv driver',
    plant: (d, m) => {
      writeFileSync(
        join(d, '.git', 'cond.cfg'),
        `[diff "evil"]\n\ttextconv = ${evilScript(join(d, '.git'), m)}\n`,
      );
      config(d, `[includeIf "gitdir:/"]\n\tpath = cond.cfg`);
    },
    control: (d) => plainGit(d, ['log', '-p']),
  },
  {
    name: 'lazy fetch from a promisor remote over ext::',
    repo: partialClone,
    plant: (d, m) => {
      gitIn(d, ['config', 'remote.origin.url', `ext::sh -c touch% ${m}`]);
      config(d, `[protocol "ext"]\n\tallow = always\n[protocol]\n\tallow = always`);
    },
    control: (d) => plainGit(d, ['log', '-p']),
  },
  {
    name: 'lazy fetch running remote.<name>.uploadpack',
    repo: partialClone,
    plant: (d, m) => {
      const origin = join(d, '..', 'origin-copy');
      gitIn(join(d, '..'), ['init', '-q', '--bare', origin]);
      gitIn(d, ['config', 'remote.origin.url', origin]);
      gitIn(d, ['config', 'remote.origin.uploadpack', evilScript(join(d, '.git'), m, 'exit 1')]);
      config(d, `[protocol "file"]\n\tallow = always`);
    },
    control: (d) => plainGit(d, ['log', '-p']),
  },
  {
    name: 'inherited GIT_CONFIG_PARAMETERS and GIT_EXTERNAL_DIFF',
    plant: (d, m) => {
      const s = evilScript(join(d, '.git'), m);
      return { GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='${s}'`, GIT_EXTERNAL_DIFF: s };
    },
    control: (d, env) => plainGit(d, ['status'], '', env),
  },
];
