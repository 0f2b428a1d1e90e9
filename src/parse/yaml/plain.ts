import { ParseError } from '../../core/errors.js';
import { PLAIN_LIMITS } from './bounds.js';
import type { YamlOptions, YDoc, YNode } from './tree.js';
import { parseYamlDocs } from './tree.js';

/**
 * The node as plain JavaScript data (objects, arrays, scalars). Every alias becomes a copy, so
 * callers parse with `PLAIN_LIMITS`, which bound the copies. Objects have no prototype keys to
 * trip on: a `__proto__` key is an ordinary own property.
 */
export function toPlain(n: YNode | undefined): unknown {
  if (!n) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const [k, e] of n.entries)
    Object.defineProperty(out, k, {
      value: toPlain(e.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

function escapePointer(seg: string): string {
  return seg.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The line of every map key and sequence item, by JSON pointer ('' for the root, '/assets/0/kind').
 * Lines come from where a node is written; nodes reached through an alias are not listed again.
 */
export function pointerLines(root: YNode | undefined, rootLine = 1): Map<string, number> {
  const lines = new Map<string, number>([['', root?.line || rootLine]]);
  const seen = new Set<YNode>();
  const visit = (n: YNode, ptr: string): void => {
    if (n.kind === 'scalar' || seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'seq') {
      n.items.forEach((it, i) => {
        const p = `${ptr}/${i}`;
        if (it.line) lines.set(p, it.line);
        visit(it, p);
      });
      return;
    }
    for (const [k, e] of n.entries) {
      const p = `${ptr}/${escapePointer(k)}`;
      if (e.keyLine) lines.set(p, e.keyLine);
      visit(e.value, p);
    }
  };
  if (root) visit(root, '');
  return lines;
}

/** A single-document YAML file as plain data plus its tree; more than one document is an error. */
export function parsePlainYaml(
  text: string,
  options: YamlOptions = {},
): { value: unknown; doc: YDoc | undefined } {
  const docs = parseYamlDocs(text, { limits: PLAIN_LIMITS, ...options });
  if (docs.length > 1) throw new ParseError('expected one YAML document, found several', docs[1]!.line);
  const doc = docs[0];
  return { value: toPlain(doc?.root), doc };
}
