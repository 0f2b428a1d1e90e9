import { ParseError } from '../../../core/errors.js';
import { parsePlainYaml } from '../../../parse/yaml/plain.js';
import type { YNode } from '../../../parse/yaml/tree.js';
import { get } from '../../../parse/yaml/tree.js';

/** A YAML document as plain data plus the line of each key of one top-level map. */
export interface YamlWithLines {
  value: unknown;
  /** Line of `key` inside the top-level map `section` (or at the top level when section is undefined). */
  lineOf(section: string | undefined, key: string): number | undefined;
}

/**
 * Parses YAML (pnpm-lock.yaml, yarn berry) with line numbers through the shared YAML module, whose
 * alias and merge bounds turn a bomb into a ParseError; malformed input becomes a ParseError.
 */
export function parseYamlWithLines(text: string, what: string): YamlWithLines {
  let parsed: ReturnType<typeof parsePlainYaml>;
  try {
    parsed = parsePlainYaml(text);
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new ParseError(`${what}: ${err.message}`, err.line, { cause: err });
  }
  const root = parsed.doc?.root;
  const lineOf = (section: string | undefined, key: string): number | undefined => {
    const holder: YNode | undefined = section === undefined ? root : get(root, section);
    return holder?.kind === 'map' ? holder.entries.get(key)?.keyLine : undefined;
  };
  return { value: parsed.value, lineOf };
}
