// Makes the built CLI executable and reachable as `npx vanguard` from the repository itself.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(target)) {
  console.error(`link-bin: ${target} is missing; did tsc run?`);
  process.exit(1);
}
chmodSync(target, 0o755);
const binDir = join(root, 'node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'vanguard');
rmSync(link, { force: true });
symlinkSync(relative(binDir, target), link);
