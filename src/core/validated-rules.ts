import { createHash } from 'node:crypto';

/**
 * Rule sets whose matchers compiled without error, by fingerprint (see ruleSetFingerprint): in this process,
 * or in the scan's main process, which validates the rules before any file is sent to a worker process
 * and passes these fingerprints on (scan/worker.ts). A worker then validates only a rule set that differs
 * from every one validated there (a rule file edited between the two loads, say): about a quarter of a
 * second of compiling per worker process saved, since the same matchers in the same language compile the
 * same way with the same ast-grep. It lives outside the code analyzer: a scan that does not run that
 * analyzer must not load it (test/startup.test.ts).
 */
const validated = new Set<string>();

/** The fingerprint of what validation checks: each matcher with the languages it is compiled for. */
export function ruleSetFingerprint(checked: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(checked)).digest('hex');
}

export function wasValidated(fingerprint: string): boolean {
  return validated.has(fingerprint);
}

export function markValidated(fingerprint: string): void {
  validated.add(fingerprint);
}

/** The fingerprints validated in this process, to hand to worker processes. */
export function validatedRuleSets(): string[] {
  return [...validated];
}
