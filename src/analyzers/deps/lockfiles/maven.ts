import { ParseError } from '../../../core/errors.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage } from './types.js';

/** gradle.lockfile: `group:artifact:version=configurations` lines; the lockfile does not say which are direct. */
export function parseGradleLockfile(text: string): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('empty=')) continue;
    const m = /^([^:\s=]{1,300}):([^:\s=]{1,300}):([^:\s=]{1,200})=(.{0,2000})$/.exec(line);
    if (!m) throw new ParseError('gradle.lockfile: expected group:artifact:version=configurations', i + 1);
    const name = `${m[1]!}:${m[2]!}`;
    const version = m[3]!;
    const configs = m[4]!.split(',');
    const p: LockedPackage = {
      id: `${name}@${version}`,
      ecosystem: 'Maven',
      name,
      version,
      purl: purlFor('Maven', name, version),
      direct: false,
      line: i + 1,
    };
    if (configs.every((c) => /test/i.test(c))) p.dev = true;
    inv.packages.push(p);
  }
  return inv;
}
