import type { SourceFile } from '../../core/analyzer.js';
import type { RawFinding, Severity } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule.js';
import { findingFrom } from '../../core/rule.js';

/** A place in the file: 1-based line, and the text found there when the column is known. */
export interface Pos {
  line: number;
  /** 1-based column of the first character. */
  column?: number;
  /** 1-based column after the last character. */
  endColumn?: number;
}

/** Extra fields of one finding. */
export interface Extra {
  severity?: Severity;
  confidence?: 'high' | 'medium' | 'low';
  remediation?: string;
  /** A credential shown by this finding: the mask stage hides it everywhere. */
  secret?: string;
}

/** Collects the findings of one file, each at the exact line and column of the key or expression. */
export class Reporter {
  readonly findings: RawFinding[] = [];
  /** A silent reporter finds positions but keeps nothing (for passes that only collect facts). */
  constructor(
    readonly file: SourceFile,
    private readonly silent = false,
  ) {}

  /** The position of `needle` on the first line from `from` to `to` that holds it (else line `from`). */
  find(from: number, to: number, needle: string): Pos {
    const lines = this.file.lines();
    const last = Math.max(from, Math.min(to, from + 5000));
    for (let l = Math.max(1, from); l <= last; l++) {
      const at = needle === '' ? -1 : (lines[l - 1] ?? '').indexOf(needle);
      if (at >= 0) return { line: l, column: at + 1, endColumn: at + 1 + needle.length };
    }
    return { line: Math.max(1, from) };
  }

  /** The position of a mapping key on its line (`key:` or `- key:`). */
  key(line: number, key: string): Pos {
    const text = this.file.lines()[line - 1] ?? '';
    const m = new RegExp(`(?:^|[\\s{,-])(["']?)${escapeRe(key)}\\1\\s*:`).exec(text);
    if (!m) return { line: Math.max(1, line) };
    const col = m.index + m[0].indexOf(key) - (m[1] ? 1 : 0) + 1;
    return { line, column: col, endColumn: col + key.length + (m[1] ? 2 : 0) };
  }

  /** Reports `rule` at `pos`; `key` identifies the problem independent of the line (the fingerprint). */
  add(rule: RuleMeta, pos: Pos | number, message: string, key: string, extra: Extra = {}): void {
    if (this.silent) return;
    const p = typeof pos === 'number' ? { line: pos } : pos;
    const line = Math.max(1, p.line);
    const snippet = (this.file.lines()[line - 1] ?? '').trim().slice(0, 400);
    const f = findingFrom(rule, {
      message,
      location: {
        path: this.file.path,
        startLine: line,
        ...(p.column !== undefined ? { startColumn: p.column } : {}),
        ...(p.endColumn !== undefined ? { endLine: line, endColumn: p.endColumn } : {}),
        snippet,
      },
      fingerprintKey: key,
      ...(extra.secret !== undefined ? { secret: extra.secret } : {}),
      ...(extra.severity !== undefined ? { severity: extra.severity } : {}),
      ...(extra.confidence !== undefined ? { confidence: extra.confidence } : {}),
      ...(extra.remediation !== undefined ? { remediation: extra.remediation } : {}),
    });
    this.findings.push(f);
  }
}

/** Escapes a string for use inside a regular expression. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
