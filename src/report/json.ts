import type { Reporter } from './types.js';

/** The scan result as JSON: the contract the server ingests (see docs/json-schema.md). */
export const jsonReport: Reporter = (result) => `${JSON.stringify(result, null, 2)}\n`;
