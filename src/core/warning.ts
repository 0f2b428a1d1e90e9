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
