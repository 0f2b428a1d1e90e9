/**
 * Rule examples: every rule has inputs that must fire and look-alikes that must stay quiet.
 * In `bad`, each line that must be reported ends with the marker ` ⟵` (stripped before analysis).
 */
export interface RuleExample {
  path: string;
  bad: string;
  good: string;
  /** Other files of the scan (e.g. variables of the same Terraform module). */
  files?: Record<string, string>;
  /** Analyzer options for this example. */
  options?: Record<string, unknown>;
}

export type ExampleTable = Record<string, RuleExample[]>;

export const MARK = '⟵';

/** Strips the markers and returns the marked 1-based lines. */
export function unmark(text: string): { text: string; lines: number[] } {
  const lines: number[] = [];
  const out = text.split('\n').map((l, i) => {
    const at = l.indexOf(MARK);
    if (at < 0) return l;
    lines.push(i + 1);
    return l.slice(0, at).replace(/\s+$/, '');
  });
  return { text: out.join('\n'), lines };
}
