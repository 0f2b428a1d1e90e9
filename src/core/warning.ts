/**
 * Structured warnings: notes for the user that are not findings (an analyzer skipped, a file only
 * partly understood, an exception expired). Every producer goes through `scanWarning`.
 */
export interface ScanWarning {
  /** Stable, kebab-case: what kind of note this is (documented in docs/output.md). */
  code: string;
  analyzer?: string;
  /** The file it is about, relative to the scanned root. */
  path?: string;
  message: string;
}

/** Optional detail an analyzer may give with `ctx.warn(message, { code, path })`. */
export interface WarnDetail {
  code?: string;
  path?: string;
}

/** The code of an analyzer note given without one. */
export const DEFAULT_WARNING_CODE = 'analyzer-note';

/** Builds a warning; undefined fields are left out so JSON stays small and stable. */
export function scanWarning(
  code: string,
  message: string,
  where: { analyzer?: string | undefined; path?: string | undefined } = {},
): ScanWarning {
  return {
    code,
    ...(where.analyzer ? { analyzer: where.analyzer } : {}),
    ...(where.path ? { path: where.path } : {}),
    message,
  };
}

/** One line for a terminal or a list: `analyzer: path: message`, each part only once. */
export function formatWarning(w: ScanWarning): string {
  const parts: string[] = [];
  if (w.analyzer && !w.message.startsWith(`${w.analyzer}:`)) parts.push(w.analyzer);
  if (w.path && !w.message.startsWith(w.path) && !w.message.includes(`${w.path}:`)) parts.push(w.path);
  parts.push(w.message);
  return parts.join(': ');
}

/** A key for dropping repeated warnings. */
export function warningKey(w: ScanWarning): string {
  return `${w.code}\u0000${w.analyzer ?? ''}\u0000${w.path ?? ''}\u0000${w.message}`;
}

/** Appends `w` unless the same warning is already there. */
export function addWarning(list: ScanWarning[], w: ScanWarning): void {
  const key = warningKey(w);
  if (!list.some((x) => warningKey(x) === key)) list.push(w);
}

/**
 * Terminal lines for a list of warnings: a note that many files share (the same code, analyzer
 * and message, such as a taint budget spent) is one line naming the first few files and how many
 * more, instead of a line per file; every warning stays in the JSON and SARIF outputs.
 */
export function warningLines(warnings: readonly ScanWarning[], filesShown = 3): string[] {
  const groups = new Map<string, ScanWarning[]>();
  for (const w of warnings) {
    const key = w.path ? `${w.code}\u0000${w.analyzer ?? ''}\u0000${w.message}` : `\u0001${groups.size}`;
    const g = groups.get(key);
    if (g) g.push(w);
    else groups.set(key, [w]);
  }
  const lines: string[] = [];
  for (const g of groups.values()) {
    if (g.length <= filesShown + 1) {
      for (const w of g) lines.push(formatWarning(w));
      continue;
    }
    const first = g[0]!;
    const named = g
      .slice(0, filesShown)
      .map((w) => w.path)
      .join(', ');
    const { path: _path, ...withoutPath } = first;
    const head = formatWarning(withoutPath);
    lines.push(
      `${head} (${g.length} files: ${named} and ${g.length - filesShown} more; all are in --format json)`,
    );
  }
  return lines;
}
