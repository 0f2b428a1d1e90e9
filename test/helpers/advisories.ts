import { fileURLToPath } from 'node:url';

/**
 * Real OSV records (GitHub Advisory Database, CC-BY-4.0; attribution in the folder's README.md),
 * kept in the repository so that the tests need nothing beside it.
 */
export const OSV_DIR = fileURLToPath(new URL('../fixtures/osv/', import.meta.url));
