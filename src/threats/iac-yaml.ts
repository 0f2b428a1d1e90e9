import { isMap, isScalar, LineCounter, parseAllDocuments } from 'yaml';
import type { Node } from 'yaml';
import { ParseError } from '../core/errors.js';

/** The 1-based line of a YAML node. */
export type Located = (n: unknown) => number;

/** A map's value node by key, or undefined for anything that is not a map. */
export function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}
/** A string or number scalar as text. */
export const scalar = (n: unknown): string | undefined =>
  isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') ? String(n.value) : undefined;

/** Every document of a YAML stream with a line lookup; a syntax error is a ParseError with its line. */
export function parseYamlDocs(text: string, path: string): { docs: Node[]; lineOf: Located } {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc });
  if (!Array.isArray(docs)) return { docs: [], lineOf: () => 1 };
  const out: Node[] = [];
  for (const d of docs) {
    const e = d.errors[0];
    if (e)
      throw new ParseError(`${path}: invalid YAML: ${e.message.split('\n')[0] ?? ''}`, e.linePos?.[0]?.line, {
        cause: e,
      });
    if (d.contents) out.push(d.contents);
  }
  const lineOf: Located = (n) => {
    const r = (n as Node | undefined)?.range;
    return r ? lc.linePos(r[0]).line : 1;
  };
  return { docs: out, lineOf };
}
