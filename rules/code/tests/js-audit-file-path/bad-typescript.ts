import * as fs from 'fs';

// An assertion about the path's type changes nothing of the path.
export function load(name: unknown, dir?: string): void {
  // ruleid: code/js-audit-file-path
  fs.readFileSync(name as string);
  // ruleid: code/js-audit-file-path
  fs.readdirSync(dir!);
}
