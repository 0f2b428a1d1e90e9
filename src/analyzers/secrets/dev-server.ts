import { oneStepLower } from '../../core/finding.js';
import type { Severity } from '../../core/finding.js';
import { opensListener } from '../../core/hand-run.js';
import type { Detection } from './engine.js';

/**
 * In a hand-started development server (core/hand-run.ts), password-like findings (the generic rules) are
 * lowered one step, as in a test, with a note: the password is the login of the throwaway server the script
 * starts. A provider's token keeps its severity: it is live wherever it is written.
 */

/**
 * `found` with its password-like findings lowered one step when `text` is a hand-run script (`script` names
 * the package.json script that runs it) that opens a listener of its own.
 */
export function lowerInDevServer(
  found: Detection[],
  text: string,
  script: string,
  severityOf: (d: Detection) => Severity,
): Detection[] {
  if (found.every((d) => !d.rule.generic) || !opensListener(text)) return found;
  const note = `a development server started by hand (npm run ${script}), not the program that ships; the password is its own throwaway login`;
  return found.map((d) =>
    d.rule.generic
      ? { ...d, severity: oneStepLower(severityOf(d)), note: d.note ? `${d.note}; ${note}` : note }
      : d,
  );
}
