import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away git repository for tests, with a fixed identity and no global config. */
export class TestRepo {
  readonly dir = mkdtempSync(join(tmpdir(), 'vg-repo-'));
  constructor() {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'dev@example.com');
    this.git('config', 'user.name', 'Dev');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return this.gitWith({}, ...args);
  }

  private gitWith(env: NodeJS.ProcessEnv, ...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env },
    });
  }

  /** Commits with a fixed author and committer time (ISO 8601), for tests of introduction times. */
  commitAt(date: string, message: string, files: Record<string, string> = {}): string {
    this.write(files);
    this.git('add', '-A');
    this.gitWith({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, 'commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  write(files: Record<string, string>): this {
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(join(this.dir, p, '..'), { recursive: true });
      writeFileSync(join(this.dir, p), content);
    }
    return this;
  }

  commit(message: string, files: Record<string, string> = {}): string {
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }
}
