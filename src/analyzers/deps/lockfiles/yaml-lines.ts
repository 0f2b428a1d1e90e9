import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { ParseError } from '../../../core/errors.js';

/** A YAML document as plain data plus the line of each key of one top-level map. */
export interface YamlWithLines {
  value: unknown;
  /** Line of `key` inside the top-level map `section` (or at the top level when section is undefined). */
  lineOf(section: string | undefined, key: string): number | undefined;
}

/** Parses YAML (pnpm-lock.yaml, yarn berry) with line numbers; malformed input becomes a ParseError. */
export function parseYamlWithLines(text: string, what: string): YamlWithLines {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    throw new ParseError(
      `${what}: ${first.message.split('\n')[0] ?? 'invalid YAML'}`,
      lc.linePos(first.pos[0]).line,
    );
  }
  const cache = new Map<string, Map<string, number>>();
  const index = (section: string | undefined): Map<string, number> => {
    const k = section ?? '';
    let m = cache.get(k);
    if (m) return m;
    m = new Map();
    const node = section === undefined ? doc.contents : doc.get(section, true);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range)
          m.set(String(pair.key.value), lc.linePos(pair.key.range[0]).line);
      }
    }
    cache.set(k, m);
    return m;
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // Unresolved aliases and alias bombs surface here, after a syntactically clean parse.
    throw new ParseError(`${what}: ${(err as Error).message.split('\n')[0] ?? 'invalid YAML'}`, 1, {
      cause: err,
    });
  }
  return { value, lineOf: (s, k) => index(s).get(k) };
}
