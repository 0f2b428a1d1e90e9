import { fileURLToPath } from 'node:url';

/**
 * The real OSV records (GitHub Advisory Database, CC-BY-4.0) in the `shared/` folder that sits
 * beside the repository, as on every developer machine and in CI.
 */
export const OSV_DIR = fileURLToPath(new URL('../../../shared/advisories/osv/', import.meta.url));
