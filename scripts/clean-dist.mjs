// Empties dist/ before a build, so that a module deleted or excluded from the build (tests, rule
// examples, fixtures) cannot linger in dist/ and be packed.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

rmSync(fileURLToPath(new URL('../dist', import.meta.url)), { recursive: true, force: true });
