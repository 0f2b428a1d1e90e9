import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { UsageError, VanguardError } from '../core/errors.js';

export interface Product {
  /** Path relative to the directory the build ran in, forward slashes: the subject's name. */
  name: string;
  sha256: string;
  size: number;
}

const MAX_PRODUCTS = 100_000;
const toPosix = (p: string): string => p.split(sep).join('/');

/** sha256 of a file, streamed (products can be large images). */
export function sha256File(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', rej)
      .on('end', () => res(h.digest('hex')));
  });
}

/** Regular files under `base` (symbolic links are not followed: a product must be a file the build wrote). */
function filesUnder(base: string, cwd: string, out: Set<string>): void {
  const stack = [base];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git') stack.push(abs);
      } else if (e.isFile()) {
        out.add(toPosix(relative(cwd, abs)));
        if (out.size > MAX_PRODUCTS)
          throw new VanguardError('TOO_LARGE', `--artifacts matched more than ${MAX_PRODUCTS} files`);
      }
    }
  }
}

/** The files the artifact globs name, relative to `cwd`, each hashed. A glob that matches nothing is an error. */
export async function collectProducts(cwd: string, globs: readonly string[]): Promise<Product[]> {
  const names = new Set<string>();
  for (const g of globs) {
    if (isAbsolute(g) || g.split(/[\\/]/).includes('..'))
      throw new UsageError(`--artifacts "${g}": give a path inside the build directory`);
    const { base, isGlob } = picomatch.scan(g);
    const found = new Set<string>();
    const baseAbs = resolve(cwd, base || '.');
    const st = lstatSync(baseAbs, { throwIfNoEntry: false });
    if (!isGlob) {
      if (st?.isFile()) found.add(toPosix(relative(cwd, baseAbs)));
      else if (st?.isDirectory()) filesUnder(baseAbs, cwd, found);
    } else if (st?.isDirectory()) {
      const all = new Set<string>();
      filesUnder(baseAbs, cwd, all);
      const match = picomatch(g, { dot: true });
      for (const f of all) if (match(f)) found.add(f);
    }
    if (found.size === 0) throw new UsageError(`--artifacts "${g}" matched no file after the build`);
    for (const f of found) names.add(f);
  }
  const out: Product[] = [];
  for (const name of [...names].sort()) {
    const abs = join(cwd, name);
    out.push({ name, sha256: await sha256File(abs), size: lstatSync(abs).size });
  }
  return out;
}
