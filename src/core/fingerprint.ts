import { createHash } from 'node:crypto';
import type { RawFinding } from './finding.js';

/** Collapses white space so that re-indenting or reformatting a line keeps its fingerprint. */
export function normalizeForFingerprint(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A finding's fingerprint: rule, file and what identifies the problem, never the line number,
 * so a moved line keeps its value. Hex, 32 characters.
 */
export function fingerprintOf(f: Pick<RawFinding, 'ruleId' | 'location' | 'fingerprintKey'>): string {
  const key =
    f.fingerprintKey ??
    (f.location.snippet ? normalizeForFingerprint(f.location.snippet) : `line:${f.location.startLine}`);
  return createHash('sha256').update(`${f.ruleId}\0${f.location.path}\0${key}`).digest('hex').slice(0, 32);
}
