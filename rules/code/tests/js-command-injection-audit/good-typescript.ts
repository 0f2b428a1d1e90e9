import { exec } from 'child_process';

const STATUS = 'git status --short';

// Assertions around a command the program fixes: nothing of it comes from outside.
export function status(): void {
  exec(STATUS as string);
  exec('git fetch --all' as const);
  exec((STATUS satisfies string)!);
}

// A name bound to fixed text keeps it through an assertion.
export function prune(): void {
  const cmd = 'git gc --prune=now';
  exec(cmd as string);
  exec(cmd!);
}
