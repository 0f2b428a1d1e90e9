/**
 * Scripts without a file extension, by the interpreter their `#!` line names. A Debian package's /usr/bin
 * entries and an npm or Python package's `bin/name` carry no extension, yet a whole REST API can live in
 * one: the walk reads the first line of such files (core of the scan, cheap: a few per tree) and the code
 * analyzer reads a Python or Node script as Python or JavaScript; other languages are counted as gaps.
 */

/** The languages a `#!` line can name that the scan knows of. */
export type ScriptLanguage = 'Python' | 'JavaScript' | 'TypeScript' | 'Ruby' | 'Perl' | 'PHP';

// Interpreters by the language they run. Deno, Bun, ts-node and tsx run TypeScript as well as JavaScript,
// and the TypeScript grammar reads both.
const INTERPRETERS: readonly [RegExp, ScriptLanguage][] = [
  [/^python[\d.]*$|^pypy[\d.]*$/, 'Python'],
  [/^(?:node|nodejs)$/, 'JavaScript'],
  [/^(?:deno|bun|ts-node|tsx)$/, 'TypeScript'],
  [/^ruby[\d.]*$/, 'Ruby'],
  [/^perl[\d.]*$/, 'Perl'],
  [/^php[\d.]*$/, 'PHP'],
];

/** The language a `#!` line runs (`#!/usr/bin/env -S python3 -u`, `#!/usr/bin/node`), if one we know. */
export function interpreterLanguage(line: string): ScriptLanguage | undefined {
  const m = /^#!\s*(\S+)(.*)/.exec(line);
  if (!m) return undefined;
  let program = m[1]!.split('/').pop()!;
  if (program === 'env') {
    // `env` runs the first word that is not an option or a variable assignment.
    program =
      (m[2] ?? '')
        .trim()
        .split(/\s+/)
        .find((w) => w !== '' && !w.startsWith('-') && !w.includes('=')) ?? '';
  }
  return INTERPRETERS.find(([re]) => re.test(program))?.[1];
}

/**
 * True when a file's extension leaves its language to its `#!` line: none (`bin/serve`), or a version
 * number (`pip3.11`, `easy_install-3.8`), which no language uses as its extension.
 */
export function mayBeScript(ext: string): boolean {
  return ext === '' || /^\d+$/.test(ext);
}

/** Bytes of a file's start read for its `#!` line: enough for any interpreter path and its options. */
export const SHEBANG_HEAD_BYTES = 256;

/**
 * The `#!` line at the start of `head` (without its line end), or undefined when there is none or the
 * head holds a NUL byte (a binary executable, never a script).
 */
export function shebangOf(head: string): string | undefined {
  if (!head.startsWith('#!') || head.includes('\0')) return undefined;
  return head.split('\n', 1)[0]!.replace(/\r$/, '');
}
