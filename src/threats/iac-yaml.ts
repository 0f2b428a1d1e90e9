import { ParseError } from '../core/errors.js';
import type { YMap, YNode, YSeq } from '../parse/yaml/tree.js';
import { get as getNode, parseYamlDocs as parseDocs } from '../parse/yaml/tree.js';

/** The 1-based line of a YAML node (1 when it has none). */
export type Located = (n: YNode | undefined) => number;

export const isMap = (n: unknown): n is YMap => (n as YNode | undefined)?.kind === 'map';
export const isSeq = (n: unknown): n is YSeq => (n as YNode | undefined)?.kind === 'seq';

/** A map's value node by key, or undefined for anything that is not a map. */
export function get(map: YNode | undefined, key: string): YNode | undefined {
  return getNode(map, key);
}
/** A string or number scalar as text. */
export const scalar = (n: YNode | undefined): string | undefined =>
  n?.kind === 'scalar' && (typeof n.value === 'string' || typeof n.value === 'number')
    ? String(n.value)
    : undefined;

/**
 * Every document of a YAML stream, read by the shared YAML module (aliases bounded), with a line
 * lookup; a syntax error or an alias bomb is a ParseError with its line.
 */
export function parseYamlDocs(text: string, path: string): { docs: YNode[]; lineOf: Located } {
  let docs;
  try {
    docs = parseDocs(text);
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new ParseError(`${path}: invalid YAML: ${err.message}`, err.line, { cause: err });
  }
  const out = docs.flatMap((d) => (d.root ? [d.root] : []));
  return { docs: out, lineOf: (n) => n?.line || 1 };
}
