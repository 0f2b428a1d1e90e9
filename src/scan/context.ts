import { join } from 'node:path';
import { readInstalledNpm } from '../discover/installed-npm.js';
import { readRegularFile } from '../discover/read-file.js';
import type { AnalyzerContext } from '../core/analyzer.js';
import type { AnalyzerId } from '../core/finding.js';
import { DEFAULT_WARNING_CODE, scanWarning, type ScanWarning } from '../core/warning.js';

export type AnalyzerOptions = Partial<Record<AnalyzerId, Record<string, unknown>>>;

/** Builds the per-analyzer contexts of one process; warnings go to `sink` as structured warnings. */
export function contextFactory(
  root: string,
  paths: ReadonlySet<string>,
  options: AnalyzerOptions,
  sink: (w: ScanWarning) => void,
  maxBytes: number,
): (id: AnalyzerId) => AnalyzerContext {
  const cache = new Map<AnalyzerId, AnalyzerContext>();
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
        // Only beside a discovered manifest: the installed tree resolves its ranges and is never analyzed.
        readInstalledNpm: (dir) =>
          Promise.resolve().then(() =>
            paths.has(dir === '' ? 'package.json' : `${dir}/package.json`)
              ? readInstalledNpm(root, dir, maxBytes)
              : undefined,
          ),
        warn: (message, detail) =>
          sink(
            scanWarning(detail?.code ?? DEFAULT_WARNING_CODE, message, { analyzer: id, path: detail?.path }),
          ),
      };
      cache.set(id, ctx);
    }
    return ctx;
  };
}
