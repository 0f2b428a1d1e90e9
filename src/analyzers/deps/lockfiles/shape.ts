import { ParseError } from '../../../core/errors.js';

/**
 * Shape checks for lockfiles and manifests: valid JSON, TOML or YAML of the wrong shape (a list
 * where a table of packages belongs, a number where a version belongs) is a parse error of that
 * file, never an empty inventory that would read as "no dependencies, nothing vulnerable".
 */

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a table' : `a ${typeof v}`;
}

/** The object under `key`, undefined when absent or null; anything else is a ParseError. */
export function tableAt(
  parent: Record<string, unknown>,
  key: string,
  file: string,
  line?: number,
): Record<string, unknown> | undefined {
  const v = parent[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new ParseError(`${file}: "${key}" must be a table (a mapping), found ${kindOf(v)}`, line);
}

/** The list under `key`, undefined when absent or null; anything else is a ParseError. */
export function listAt(
  parent: Record<string, unknown>,
  key: string,
  file: string,
  line?: number,
): unknown[] | undefined {
  const v = parent[key];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v as unknown[];
  throw new ParseError(`${file}: "${key}" must be a list, found ${kindOf(v)}`, line);
}

/** A string field such as a version: absent is undefined, any other type is a ParseError. */
export function stringAt(
  entry: Record<string, unknown>,
  key: string,
  file: string,
  line?: number,
): string | undefined {
  const v = entry[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  throw new ParseError(`${file}: "${key}" must be a string, found ${kindOf(v)}`, line);
}
