import { ParseError } from '../../../core/errors.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage } from './types.js';

function tag(block: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>\\s{0,100}([^<]{1,500}?)\\s{0,100}</${name}>`).exec(block);
  return m?.[1];
}

/**
 * pom.xml: `<dependency>` elements with literal versions (or `${property}` defined in the same pom's
 * `<properties>`); ranges and unresolved properties are noted, not guessed.
 */
export function parsePom(text: string): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  if (!/<project[\s>]/.test(text)) throw new ParseError('pom.xml: no <project> element', 1);
  const props = new Map<string, string>();
  const propsBlock = /<properties>([\s\S]{0,200000}?)<\/properties>/.exec(text);
  if (propsBlock) {
    for (const m of propsBlock[1]!.matchAll(
      /<([A-Za-z0-9_.-]{1,200})>\s{0,100}([^<]{0,500}?)\s{0,100}<\/\1>/g,
    ))
      props.set(m[1]!, m[2]!);
  }
  const projectVersion = tag(
    text.replace(/<parent>[\s\S]{0,10000}?<\/parent>/, '').replace(/<dependencies>[\s\S]*$/, ''),
    'version',
  );
  if (projectVersion) props.set('project.version', projectVersion);
  let skipped = 0;
  const re = /<dependency>([\s\S]{0,5000}?)<\/dependency>/g;
  for (const m of text.matchAll(re)) {
    const block = m[1]!;
    const group = tag(block, 'groupId');
    const artifact = tag(block, 'artifactId');
    let version = tag(block, 'version');
    if (!group || !artifact) continue;
    const prop = version && /^\$\{([^}]{1,200})\}$/.exec(version);
    if (prop) version = props.get(prop[1]!);
    if (!version || /[[\](),$]/.test(version)) {
      skipped++;
      continue;
    }
    const name = `${group}:${artifact}`;
    const offset = m.index + m[0].indexOf('<artifactId>');
    const p: LockedPackage = {
      id: `${name}@${version}`,
      ecosystem: 'Maven',
      name,
      version,
      purl: purlFor('Maven', name, version),
      direct: true,
      line: text.slice(0, offset).split('\n').length,
    };
    if (tag(block, 'scope') === 'test') p.dev = true;
    inv.packages.push(p);
  }
  if (skipped > 0)
    inv.notes.push(
      `${skipped} Maven dependencies have no literal version (managed, ranges or unknown properties) and were not resolved`,
    );
  return inv;
}

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
