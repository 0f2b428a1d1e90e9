// Fetches a pinned package from the npm registry as its published tarball (`npm pack`: no install, no
// scripts run) and unpacks it into a cache folder, so real applications can be scanned as they ship.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CACHE = join(tmpdir(), 'vanguard-accuracy-packages');

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.error?.message || '').trim()}`);
  return r.stdout;
}

/** The unpacked folder of `name@version` (exact versions only: the list is pinned). */
export function fetchPackage(spec) {
  if (!/^(@[\w.-]+\/)?[\w.-]+@\d+\.\d+\.\d+$/.test(spec)) throw new Error(`${spec}: pin an exact version`);
  const dir = join(CACHE, spec.replace(/[^\w.@-]+/g, '_'));
  const root = join(dir, 'package');
  if (existsSync(join(root, 'package.json'))) return root;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = run('npm', ['pack', spec, '--ignore-scripts', '--silent', '--pack-destination', dir], dir)
    .trim()
    .split('\n')
    .pop();
  run('tar', ['-xzf', join(dir, file), '-C', dir], dir);
  return root;
}
