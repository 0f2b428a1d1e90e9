import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { ConfigError } from '../core/errors.js';

/** A YAML document as plain data, with the line of every map key and sequence item by JSON pointer. */
export interface LocatedYaml {
  value: unknown;
  /** JSON pointer ('' for the root, '/assets/0/kind') → 1-based line. */
  lines: Map<string, number>;
}

/** Bounds hostile input: models are small, so anything larger is an error rather than a slow parse. */
const MAX_MODEL_BYTES = 4 * 1024 * 1024;

function escapePointer(seg: string): string {
  return seg.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Parses YAML text and records lines; a syntax error becomes a ConfigError with its line. */
export function parseLocatedYaml(text: string, file: string): LocatedYaml {
  if (text.length > MAX_MODEL_BYTES)
    throw new ConfigError(`model is larger than ${MAX_MODEL_BYTES} bytes`, { file });
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    throw new ConfigError(`invalid YAML: ${first.message.split('\n')[0] ?? ''}`, {
      file,
      ...(line ? { line } : {}),
    });
  }
  const lines = new Map<string, number>();
  const lineOf = (n: Node | null | undefined): number | undefined =>
    n?.range ? lc.linePos(n.range[0]).line : undefined;
  const visit = (node: unknown, ptr: string, depth: number): void => {
    if (depth > 64) throw new ConfigError('model is nested too deeply', { file });
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const p = `${ptr}/${escapePointer(key)}`;
        const l = lineOf(pair.key as Node);
        if (l !== undefined) lines.set(p, l);
        visit(pair.value, p, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = `${ptr}/${i}`;
        const l = lineOf(item as Node);
        if (l !== undefined) lines.set(p, l);
        visit(item, p, depth + 1);
      });
    }
  };
  lines.set('', lineOf(doc.contents) ?? 1);
  visit(doc.contents, '', 0);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(`invalid YAML: ${(err as Error).message}`, { file }, { cause: err });
  }
  return { value, lines };
}

/** The line of a pointer, or of its nearest ancestor that has one. */
export function lineAt(lines: ReadonlyMap<string, number>, pointer: string): number {
  let p = pointer;
  for (;;) {
    const l = lines.get(p);
    if (l !== undefined) return l;
    if (p === '') return 1;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
