import { madeUpInTest as madeUp } from '../../core/made-up-secret.js';
import type { MatchContext } from './types.js';

/** True when a name-based secret in test code says it is made up (core/made-up-secret.ts). */
export function madeUpInTest(m: MatchContext): boolean {
  const lines = m.around().split('\n');
  return madeUp(
    lines,
    lines.findIndex((l) => l.includes(m.line.trim())),
    m.path,
    m.secret,
  );
}
