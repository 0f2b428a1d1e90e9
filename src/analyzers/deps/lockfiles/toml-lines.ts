import { parse, TomlError } from 'smol-toml';
import { listAt, stringAt } from './shape.js';
import { ParseError } from '../../../core/errors.js';
import { asObject } from './json-lines.js';

/** A TOML lockfile's `[[package]]` tables with the line of each table's header, in file order. */
export interface TomlPackages {
  root: Record<string, unknown>;
  packages: { table: Record<string, unknown>; line: number }[];
}

/** Parses a TOML lockfile (Cargo.lock, poetry.lock, uv.lock, pdm.lock); the nth `[[package]]` header is the nth table. */
export function parseTomlPackages(text: string, what: string): TomlPackages {
  let root: Record<string, unknown>;
  try {
    root = parse(text);
  } catch (err) {
    const line = err instanceof TomlError ? err.line : undefined;
    throw new ParseError(`${what}: ${(err as Error).message.split('\n')[0] ?? 'invalid TOML'}`, line, {
      cause: err,
    });
  }
  const headers: number[] = [];
  const lines = text.split('\n');
  // Point at the table's `name = …` line (the header itself names no package).
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\[\[\s*package\s*\]\]/.test(lines[i]!)) continue;
    let at = i + 1;
    for (let j = i + 1; j < lines.length && !/^\s*\[/.test(lines[j]!); j++) {
      if (/^\s*name\s*=/.test(lines[j]!)) {
        at = j + 1;
        break;
      }
    }
    headers.push(at);
  }
  const list = listAt(root, 'package', what) ?? [];
  return {
    root,
    packages: list.map((t, i) => {
      const line = headers[i] ?? 1;
      const table = asObject(t);
      if (!table) throw new ParseError(`${what}: every [[package]] must be a table`, line);
      stringAt(table, 'name', what, line);
      stringAt(table, 'version', what, line);
      return { table, line };
    }),
  };
}
