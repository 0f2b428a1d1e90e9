import { exec, execSync } from 'child_process';

// A TypeScript type assertion or non-null assertion changes nothing of the value: the command is still
// whatever the caller passed.
export function runAs(cmd: unknown): void {
  // ruleid: code/js-command-injection-audit
  exec(cmd as string);
}

export function runNonNull(cmd?: string): void {
  // ruleid: code/js-command-injection-audit
  execSync(cmd!);
}

export function runAngle(cmd: string): void {
  // ruleid: code/js-command-injection-audit
  exec(<string>cmd);
}

export function runSatisfies(cmd: string): void {
  // ruleid: code/js-command-injection-audit
  exec(cmd satisfies string);
}
