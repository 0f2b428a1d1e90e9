// Fetches a pinned package from the npm registry as its published tarball (`npm pack`: no install, no
// scripts run), or from Debian's archive as its .deb (`apt-get download`: no install, no maintainer
// scripts run), checks it against the hash pinned in targets.json, and unpacks it into a cache folder, so
// real applications can be scanned as they ship.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CACHE = join(tmpdir(), 'vanguard-accuracy-packages');

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.error?.message || '').trim()}`);
  return r.stdout;
}

/** The tarball's Subresource Integrity string (sha512, as the registry publishes it). */
function integrityOf(file) {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/**
 * The unpacked folder of `name@version` (exact versions only, a pre-release such as `2.0.0-dev.0` included: the list is pinned). With `integrity`,
 * a tarball whose hash differs is refused, so a re-published or tampered package is never judged
 * against verdicts made on another.
 */
export function fetchPackage(spec, integrity) {
  if (!/^(@[\w.-]+\/)?[\w.-]+@\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/.test(spec))
    throw new Error(`${spec}: pin an exact version`);
  const dir = join(CACHE, spec.replace(/[^\w.@-]+/g, '_'));
  const root = join(dir, 'package');
  const stamp = join(dir, 'integrity');
  if (existsSync(join(root, 'package.json'))) {
    const had = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
    if (!integrity || had === integrity) return root;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = run('npm', ['pack', spec, '--ignore-scripts', '--silent', '--pack-destination', dir], dir)
    .trim()
    .split('\n')
    .pop();
  const got = integrityOf(join(dir, file));
  if (integrity && got !== integrity)
    throw new Error(`${spec}: the tarball's integrity ${got} is not the pinned ${integrity}`);
  run('tar', ['-xzf', join(dir, file), '-C', dir], dir);
  writeFileSync(stamp, `${got}\n`);
  return root;
}

/**
 * The unpacked tree of the Debian package `deb:name=version` (the files it installs, under `usr/`, `etc/`…;
 * its Python modules under `python3/`).
 * The version must be one the machine's apt sources still list (a point release replaces a security
 * update's older build); with `sha256`, a .deb whose hash differs is refused.
 */
export function fetchDebian(spec, sha256) {
  const m = /^deb:([a-z0-9][a-z0-9.+-]+)=([0-9][\w.+~:-]*)$/.exec(spec);
  if (!m) throw new Error(`${spec}: write a Debian package as deb:name=version`);
  const dir = join(CACHE, spec.replace(/[^\w.@=+-]+/g, '_'));
  const root = join(dir, 'package');
  const stamp = join(dir, 'sha256');
  if (existsSync(stamp)) {
    const had = readFileSync(stamp, 'utf8').trim();
    if (!sha256 || had === sha256) return root;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  run('apt-get', ['download', '-q', `${m[1]}=${m[2]}`], dir);
  const file = readdirSync(dir).find((f) => f.endsWith('.deb'));
  if (!file) throw new Error(`${spec}: apt-get download wrote no .deb`);
  const got = createHash('sha256')
    .update(readFileSync(join(dir, file)))
    .digest('hex');
  if (sha256 && got !== sha256)
    throw new Error(`${spec}: the package's sha256 ${got} is not the pinned ${sha256}`);
  run('dpkg-deb', ['-x', join(dir, file), root], dir);
  // A scan skips dist-packages as installed dependencies, as it should in a repository; in a Debian package
  // it holds the application's own Python code, so it moves to python3/ at the top.
  const site = join(root, 'usr/lib/python3/dist-packages');
  if (existsSync(site)) renameSync(site, join(root, 'python3'));
  writeFileSync(stamp, `${got}\n`);
  return root;
}
