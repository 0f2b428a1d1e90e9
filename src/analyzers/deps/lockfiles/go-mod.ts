import { ParseError } from '../../../core/errors.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage } from './types.js';

const MODULE_RE = /^("[^"]{1,500}"|[^\s"]{1,500})\s+(v[^\s]{1,200})\s*(\/\/.*)?$/;

/** go.mod: `require` lines and blocks (`// indirect` marks transitive modules), with `replace` applied. */
export function parseGoMod(text: string): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const lines = text.split(/\r?\n/);
  const replaces = new Map<string, { name: string; version: string }>();
  const reqs: { name: string; version: string; line: number; indirect: boolean }[] = [];
  let block: 'require' | 'replace' | 'other' | undefined;
  let blockLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('//')) continue;
    if (block) {
      if (line === ')') {
        block = undefined;
        continue;
      }
      if (block === 'require') reqs.push(requireLine(line, i + 1));
      else if (block === 'replace') addReplace(replaces, line, i + 1);
      continue;
    }
    const m = /^(require|replace|exclude|retract|tool|godebug|ignore)\s*\($/.exec(line);
    if (m) {
      block = m[1] === 'require' ? 'require' : m[1] === 'replace' ? 'replace' : 'other';
      blockLine = i + 1;
      continue;
    }
    if (line.startsWith('require ')) reqs.push(requireLine(line.slice(8).trim(), i + 1));
    else if (line.startsWith('replace ')) addReplace(replaces, line.slice(8).trim(), i + 1);
  }
  if (block) throw new ParseError(`go.mod: the ${block} block opened here is not closed`, blockLine);
  for (const r of reqs) {
    const rep = replaces.get(`${r.name}@${r.version}`) ?? replaces.get(r.name);
    // A replacement by a local directory has no version to match; keep the required one.
    const name = rep && rep.version ? rep.name : r.name;
    const version = rep && rep.version ? rep.version : r.version;
    const p: LockedPackage = {
      id: `${name}@${version}`,
      ecosystem: 'Go',
      name,
      version,
      purl: purlFor('Go', name, version),
      direct: !r.indirect,
      line: r.line,
    };
    inv.packages.push(p);
  }
  return inv;
}

function requireLine(
  line: string,
  n: number,
): { name: string; version: string; line: number; indirect: boolean } {
  const m = MODULE_RE.exec(line);
  if (!m) throw new ParseError(`go.mod: cannot read the requirement "${line.slice(0, 80)}"`, n);
  return {
    name: m[1]!.replace(/"/g, ''),
    version: m[2]!,
    line: n,
    indirect: /\/\/\s*indirect/.test(m[3] ?? ''),
  };
}

function addReplace(map: Map<string, { name: string; version: string }>, line: string, n: number): void {
  const m = /^(\S{1,500})(?:\s+(v\S{1,200}))?\s+=>\s+(\S{1,500})(?:\s+(v\S{1,200}))?$/.exec(
    line.replace(/\s*\/\/.*$/, ''),
  );
  if (!m) throw new ParseError(`go.mod: cannot read the replace directive "${line.slice(0, 80)}"`, n);
  map.set(m[2] ? `${m[1]!}@${m[2]}` : m[1]!, { name: m[3]!, version: m[4] ?? '' });
}
