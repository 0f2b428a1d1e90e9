import * as fs from 'fs';

// A path the program fixes keeps its value through an assertion.
export function settings(): string {
  const file = '/etc/app/settings.json';
  return fs.readFileSync(file as string, 'utf8') + fs.readFileSync(file!, 'utf8');
}
