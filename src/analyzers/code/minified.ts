/** Files larger than this are skipped with a note: generated code, not code someone reviews. */
export const MAX_CODE_BYTES = 2 * 1024 * 1024;

/**
 * True for minified or bundled code: a `.min.` name, or a file of a kilobyte or more whose lines are on
 * average very long (a bundler's small hashed chunks are 1–4 kB on one line). Such files are reported as
 * skipped, not scanned: their findings cannot be acted on.
 */
export function isMinified(name: string, text: string): boolean {
  if (/\.min\.[cm]?js$/i.test(name)) return true;
  if (text.length < 1024) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++;
    if (i - start > longest) longest = i - start;
    start = i + 1;
  }
  if (text.length - start > longest) longest = text.length - start;
  return text.length / lines > 300 || (longest > 5000 && text.length / lines > 120);
}
