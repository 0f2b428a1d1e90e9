import { join } from 'node:path';
import { readRegularFile } from '../discover/read-file.js';
import type { AnalyzerContext } from '../core/analyzer.js';
import type { AnalyzerId } from '../core/finding.js';

export type AnalyzerOptions = Partial<Record<AnalyzerId, Record<string, unknown>>>;

/** Builds the per-analyzer contexts of one process; warnings are collected for the result. */
export function contextFactory(
  root: string,
  paths: ReadonlySet<string>,
  options: AnalyzerOptions,
  warnings: string[],
  maxBytes: number,
): (id: AnalyzerId) => AnalyzerContext {
  const cache = new Map<AnalyzerId, AnalyzerContext>();
  const seen = new Set<string>();
  return (id) => {
    let ctx = cache.get(id);
    if (!ctx) {
      ctx = {
        root,
        paths,
        options: options[id] ?? {},
        // Only discovered paths can be read: an analyzer cannot reach outside the walked tree.
        readFile: (p) =>
          Promise.resolve().then(() =>
            paths.has(p) ? readRegularFile(join(root, p), maxBytes).toString('utf8') : undefined,
          ),
        warn: (m) => {
          const line = `${id}: ${m}`;
          if (!seen.has(line)) {
            seen.add(line);
            warnings.push(line);
          }
        },
      };
      cache.set(id, ctx);
    }
    return ctx;
  };
}
