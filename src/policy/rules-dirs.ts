import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { VanguardConfig } from './config.js';

function inside(root: string, target: string): boolean {
  const r = relative(root, target);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

/** The line of vanguard.yaml that names `entry` under `rules:` (for the error message), if found. */
function lineOf(file: string | undefined, root: string, entry: string): number | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(root, file), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^rules\s*:/.test(l));
  const at = lines.findIndex((l, i) => i >= start && start >= 0 && l.includes(entry));
  return at >= 0 ? at + 1 : undefined;
}

/**
 * The `rules:` folders of a repository's policy, as absolute paths. They are resolved against the
 * repository root (not the working directory) and must stay inside it: a policy that comes with the
 * scanned repository may not load rule files from elsewhere on the machine (`../x`, an absolute
 * path, or a symbolic link out of the tree is a configuration error naming the line).
 */
export function resolveRulesDirs(config: VanguardConfig, scanPath: string): string[] {
  let root = resolve(scanPath);
  try {
    if (!statSync(root).isDirectory()) root = dirname(root);
    root = realpathSync(root);
  } catch {
    // A missing scan path is reported by the walk, with its own message.
  }
  return config.rules.map((entry) => {
    const fail = (why: string): never => {
      const line = lineOf(config.file, root, entry);
      throw new ConfigError(`rules: ${JSON.stringify(entry)} ${why}`, {
        ...(config.file !== undefined ? { file: config.file } : {}),
        ...(line !== undefined ? { line } : {}),
      });
    };
    if (isAbsolute(entry) || /^[A-Za-z]:[\\/]/.test(entry)) {
      fail('is an absolute path: rule folders are relative to the repository root');
    }
    const abs = resolve(root, entry);
    if (!inside(root, abs)) fail('leaves the repository: rule folders must be inside it');
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return fail('does not exist in the repository');
    }
    if (!inside(root, real)) fail(`leads out of the repository through a symbolic link (to ${real})`);
    return real;
  });
}
