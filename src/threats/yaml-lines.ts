import { ConfigError, ParseError } from '../core/errors.js';
import { parsePlainYaml, pointerLines } from '../parse/yaml/plain.js';

/** A YAML document as plain data, with the line of every map key and sequence item by JSON pointer. */
export interface LocatedYaml {
  value: unknown;
  /** JSON pointer ('' for the root, '/assets/0/kind') → 1-based line. */
  lines: Map<string, number>;
}

/** Bounds hostile input: models are small, so anything larger is an error rather than a slow parse. */
const MAX_MODEL_BYTES = 4 * 1024 * 1024;
const MAX_DEPTH = 64;

function depthOf(v: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return depth;
  let max = depth;
  for (const c of Object.values(v)) max = Math.max(max, depthOf(c, depth + 1));
  return max;
}

/**
 * Parses YAML text through the shared YAML module (aliases bounded, duplicate keys refused) and
 * records lines; a syntax error becomes a ConfigError with its line.
 */
export function parseLocatedYaml(text: string, file: string): LocatedYaml {
  if (text.length > MAX_MODEL_BYTES)
    throw new ConfigError(`model is larger than ${MAX_MODEL_BYTES} bytes`, { file });
  let parsed: ReturnType<typeof parsePlainYaml>;
  try {
    parsed = parsePlainYaml(text, { uniqueKeys: true });
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new ConfigError(
      `invalid YAML: ${err.message}`,
      { file, ...(err.line ? { line: err.line } : {}) },
      { cause: err },
    );
  }
  if (depthOf(parsed.value) > MAX_DEPTH) throw new ConfigError('model is nested too deeply', { file });
  return { value: parsed.value, lines: pointerLines(parsed.doc?.root) };
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
