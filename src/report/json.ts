import type { Reporter } from './types.js';

/**
 * JSON whose text is safe on a terminal: C1 controls, line separators and bidirectional overrides
 * (which JSON allows raw inside strings) are written as \u escapes, so the parsed data is unchanged.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The scan result as JSON: the contract the server ingests (see docs/json-schema.md). */
export const jsonReport: Reporter = (result) => `${safeJson(result, 2)}\n`;
