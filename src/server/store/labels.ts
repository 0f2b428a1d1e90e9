import type { Principle } from '../../core/finding.js';
import type { OwaspId } from '../../core/taxonomy.js';

/**
 * Fixed bit positions of the five principles and the OWASP Top 10:2025 categories in the findings'
 * `principle_mask` and `owasp_mask` columns. Stored data depends on them: append, never renumber.
 */
export const PRINCIPLE_BITS: Record<Principle, number> = {
  encryption: 1,
  authentication: 2,
  logging: 4,
  'asset-management': 8,
  'zoning-containment': 16,
};

export const OWASP_BITS: Record<OwaspId, number> = {
  'A01:2025': 1,
  'A02:2025': 2,
  'A03:2025': 4,
  'A04:2025': 8,
  'A05:2025': 16,
  'A06:2025': 32,
  'A07:2025': 64,
  'A08:2025': 128,
  'A09:2025': 256,
  'A10:2025': 512,
};

/** The mask of a list: values outside the fixed set have no bit (no filter can ask for them). */
export function maskOf(bits: Record<string, number>, values: readonly string[]): number {
  let m = 0;
  for (const v of values) m |= Object.hasOwn(bits, v) ? bits[v]! : 0;
  return m;
}
