import type { YamlLimits } from './bounds.js';
import { DEFAULT_LIMITS } from './bounds.js';
import { parseWithComposer } from './composer-tree.js';
import { blockDocs } from './block-tree.js';
import { docsFromCst } from './cst-tree.js';
import { ParseError } from '../../core/errors.js';

export type { YamlLimits } from './bounds.js';
export { DEFAULT_LIMITS, PLAIN_LIMITS } from './bounds.js';
export { parseWithComposer } from './composer-tree.js';

/**
 * A YAML document as plain nodes that remember their lines. Aliases point at the converted anchor
 * (shared, never copied) and merge keys (`<<`) are applied; what aliases and merges would add if
 * expanded is bounded (`YamlLimits`), so that consumers walking the tree do bounded work.
 */
export type YNode = YMap | YSeq | YScalar;

export interface YEntry {
  key: string;
  keyLine: number;
  value: YNode;
}
export interface YMap {
  kind: 'map';
  line: number;
  entries: Map<string, YEntry>;
}
export interface YSeq {
  kind: 'seq';
  line: number;
  items: YNode[];
}
export interface YScalar {
  kind: 'scalar';
  line: number;
  value: string | number | boolean | null;
  /** Last line of the scalar (block scalars span several lines). */
  endLine: number;
  /** True when the scalar was quoted or a block scalar (so `on` stays the string "on"). */
  quoted: boolean;
}

export interface YDoc {
  root: YNode | undefined;
  /** 1-based line where the document starts. */
  line: number;
}

/** How a document is read. */
export interface YamlOptions {
  limits?: YamlLimits;
  /** Refuse duplicate keys in a map (configuration files), instead of keeping the last one. */
  uniqueKeys?: boolean;
}

/**
 * Parses every document of a YAML stream; a syntax error, an alias or merge bomb, or a cycle
 * becomes a ParseError with its line.
 */
export function parseYamlDocs(text: string, options: YamlOptions = {}): YDoc[] {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const unique = options.uniqueKeys ?? false;
  checkCompactNesting(text);
  try {
    // Three readers, fastest first; each hands the text on when it is not sure (see their comments).
    return (
      blockDocs(text, unique) ?? docsFromCst(text, limits, unique) ?? parseWithComposer(text, limits, unique)
    );
  } catch (err) {
    // yaml's parser recurses once per open block collection while closing them: thousands of levels
    // (deep indentation, `? ` keys) exhaust the stack before the builders' depth limit is reached.
    if (err instanceof RangeError) throw new ParseError('YAML nested too deeply', undefined, { cause: err });
    throw err;
  }
}

// More compact sequence entries on one line (`- - - - x`) than the builders' depth limit allows.
const COMPACT_NESTING = /^[ \t]*(?:[-?][ \t]+){101}/m;

/** Refuses, with its line, a line that opens more nested block sequences than any document may hold. */
function checkCompactNesting(text: string): void {
  const m = COMPACT_NESTING.exec(text);
  if (!m) return;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
  throw new ParseError('YAML nested too deeply', line);
}

/** The entry under `key` of a map node. */
export function entry(n: YNode | undefined, key: string): YEntry | undefined {
  return n?.kind === 'map' ? n.entries.get(key) : undefined;
}

/** The value under `key` of a map node. */
export function get(n: YNode | undefined, key: string): YNode | undefined {
  return entry(n, key)?.value;
}

/** Follows a path of keys through maps. */
export function dig(n: YNode | undefined, ...keys: string[]): YNode | undefined {
  let cur = n;
  for (const k of keys) cur = get(cur, k);
  return cur;
}

/** The scalar value as a string, or undefined for maps, sequences and null. */
export function str(n: YNode | undefined): string | undefined {
  if (n?.kind !== 'scalar' || n.value === null) return undefined;
  return String(n.value);
}

/**
 * How the tool that consumes the file reads booleans: YAML 1.2 (`true`/`false`, GitHub Actions);
 * Kubernetes, whose decoder follows YAML 1.1 (`yes`, `on`, `y`… unquoted); Compose, which casts
 * `y`/`yes`/`on`/`true` and their negatives in any case, quoted or not, for its boolean fields.
 */
export type BoolDialect = 'yaml-1.2' | 'kubernetes' | 'compose';

const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE']);
const COMPOSE_TRUE = new Set(['y', 'yes', 'true', 'on']);
const COMPOSE_FALSE = new Set(['n', 'no', 'false', 'off']);

function boolOf(n: YNode | undefined, dialect: BoolDialect): boolean | undefined {
  if (n?.kind !== 'scalar') return undefined;
  if (typeof n.value === 'boolean') return n.value;
  if (typeof n.value !== 'string') return undefined;
  if (dialect === 'kubernetes' && !n.quoted) {
    if (YAML11_TRUE.has(n.value)) return true;
    if (YAML11_FALSE.has(n.value)) return false;
  } else if (dialect === 'compose') {
    const v = n.value.toLowerCase();
    if (COMPOSE_TRUE.has(v)) return true;
    if (COMPOSE_FALSE.has(v)) return false;
  }
  return n.value === 'true' ? true : n.value === 'false' ? false : undefined;
}

/** True when the node is a boolean true as `dialect` reads it (or the string "true"). */
export function isTrue(n: YNode | undefined, dialect: BoolDialect = 'yaml-1.2'): boolean {
  return boolOf(n, dialect) === true;
}

/** True when the node is a boolean false as `dialect` reads it (or the string "false"). */
export function isFalse(n: YNode | undefined, dialect: BoolDialect = 'yaml-1.2'): boolean {
  return boolOf(n, dialect) === false;
}

/** The items of a sequence node ([] otherwise). */
export function items(n: YNode | undefined): YNode[] {
  return n?.kind === 'seq' ? n.items : [];
}
