import { XMLParser } from 'fast-xml-parser';
import { ParseError } from '../../../core/errors.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage } from './types.js';

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const LISTS = new Set([
  'project.dependencies.dependency',
  'project.dependencyManagement.dependencies.dependency',
]);

// Values stay strings (a version "1.10" must not become the number 1.1); comments are dropped by
// the parser; attributes carry nothing a dependency list needs. Entities: the XML built-ins only.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  htmlEntities: false,
  captureMetaData: true,
  isArray: (_name, jpath) => typeof jpath === 'string' && LISTS.has(jpath),
});

type Node = Record<string, unknown>;

function obj(v: unknown): Node | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function list(v: unknown): Node[] {
  return Array.isArray(v) ? v.map(obj).filter((x): x is Node => x !== undefined) : [];
}

/** Parses the XML; a syntax error becomes a ParseError with the parser's line. */
function parseXml(text: string): Node {
  try {
    return obj(parser.parse(text, true)) ?? {};
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /:(\d+):(?:\d+|undefined)$/.exec(message);
    throw new ParseError(
      `pom.xml: ${message.replace(/:\d+:(?:\d+|undefined)$/, '')}`,
      at ? Number(at[1]) : 1,
      {
        cause: err,
      },
    );
  }
}

/**
 * `${name}` references resolved against the pom's properties and its own coordinates, recursively
 * (a property may name another); a cycle or an unknown name leaves the value unresolved.
 */
class Properties {
  private readonly values = new Map<string, string>();

  constructor(project: Node) {
    const parent = obj(project.parent) ?? {};
    const own = obj(project.properties) ?? {};
    for (const [k, v] of Object.entries(own)) if (typeof v === 'string') this.values.set(k, v);
    const coords: [string, string | undefined][] = [
      ['groupId', str(project.groupId) ?? str(parent.groupId)],
      ['artifactId', str(project.artifactId)],
      ['version', str(project.version) ?? str(parent.version)],
    ];
    for (const [k, v] of coords) {
      if (v === undefined) continue;
      // `pom.*` is the Maven 2 spelling, still found in old poms.
      this.values.set(`project.${k}`, v);
      this.values.set(`pom.${k}`, v);
    }
    for (const k of ['groupId', 'artifactId', 'version'] as const) {
      const v = str(parent[k]);
      if (v !== undefined) this.values.set(`project.parent.${k}`, v);
    }
  }

  /** The value with every reference replaced, or undefined when one cannot be. */
  resolve(value: string | undefined, seen: ReadonlySet<string> = new Set()): string | undefined {
    if (value === undefined) return undefined;
    let unresolved = false;
    const out = value.replace(/\$\{([^}]{1,200})\}/g, (_m, name: string) => {
      const v = seen.has(name) ? undefined : this.resolve(this.values.get(name), new Set([...seen, name]));
      if (v === undefined) unresolved = true;
      return v ?? '';
    });
    return unresolved ? undefined : out;
  }
}

/** 1-based line of a character offset, by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * pom.xml, read with an XML parser: the project's `<dependencies>`, versions resolved through
 * `<properties>` (recursively, plus `project.*` and `project.parent.*` coordinates) and the pom's own
 * `<dependencyManagement>`. Versions managed by a parent pom or an imported BOM, version ranges and
 * unknown properties are noted, not guessed.
 */
export function parsePom(text: string): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const project = obj(parseXml(text).project);
  if (!project) throw new ParseError('pom.xml: no <project> element', 1);
  const props = new Properties(project);
  const lineAt = lineIndex(text);

  const managed = new Map<string, { version?: string; scope?: string }>();
  const boms: string[] = [];
  for (const d of list(obj(obj(project.dependencyManagement)?.dependencies)?.dependency)) {
    const group = props.resolve(str(d.groupId));
    const artifact = props.resolve(str(d.artifactId));
    if (!group || !artifact) continue;
    if (str(d.scope) === 'import') boms.push(`${group}:${artifact}`);
    else managed.set(`${group}:${artifact}`, { version: props.resolve(str(d.version)), scope: str(d.scope) });
  }

  let unmanaged = 0;
  let ranges = 0;
  let unknownProps = 0;
  for (const d of list(obj(project.dependencies)?.dependency)) {
    const group = props.resolve(str(d.groupId));
    const artifact = props.resolve(str(d.artifactId));
    if (!group || !artifact) continue;
    const name = `${group}:${artifact}`;
    const declared = str(d.version);
    const fromManagement = managed.get(name);
    const raw = declared ?? fromManagement?.version;
    const version = props.resolve(raw);
    if (raw === undefined) {
      unmanaged++;
      continue;
    }
    if (version === undefined) {
      unknownProps++;
      continue;
    }
    if (/[[\](),]/.test(version)) {
      ranges++;
      continue;
    }
    const meta = (d as Record<symbol, { startIndex?: number } | undefined>)[META];
    const start = meta?.startIndex ?? 0;
    const artifactAt = text.indexOf('<artifactId', start);
    const p: LockedPackage = {
      id: `${name}@${version}`,
      ecosystem: 'Maven',
      name,
      version,
      purl: purlFor('Maven', name, version),
      direct: true,
      line: lineAt(artifactAt === -1 ? start : artifactAt),
    };
    if ((str(d.scope) ?? fromManagement?.scope) === 'test') p.dev = true;
    inv.packages.push(p);
  }

  const parent = obj(project.parent);
  if (unmanaged > 0) {
    const from = [
      ...(parent ? [`the parent ${str(parent.groupId) ?? '?'}:${str(parent.artifactId) ?? '?'}`] : []),
      ...boms.map((b) => `the imported BOM ${b}`),
    ];
    inv.notes.push(
      `${unmanaged} Maven dependencies have no version in this pom${from.length > 0 ? ` (managed by ${from.join(', ')})` : ''} and were not resolved`,
    );
  }
  if (ranges > 0) inv.notes.push(`${ranges} Maven dependencies use version ranges and were not resolved`);
  if (unknownProps > 0)
    inv.notes.push(
      `${unknownProps} Maven dependencies use properties this pom does not define and were not resolved`,
    );
  return inv;
}
