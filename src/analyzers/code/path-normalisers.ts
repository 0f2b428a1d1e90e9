/**
 * Python's path normalisers (`os.path.realpath`, `abspath`, `normpath`, also through `posixpath`/`ntpath`
 * or imported by name) answer the same file under another spelling: they resolve `..`, links and the
 * working folder, but confine the result to no folder, so request data stays request data through them.
 * The check that follows (`full.startswith(root + os.sep)`, `os.path.commonpath`) is what confines, and
 * the rules read it as a guard. pathlib's `Path(x).resolve()` already carries its receiver's taint.
 *
 * Not passed on where the new spelling removes what the sink class needs: `abspath`/`realpath` always
 * answer an absolute path, which starts with `/` (never `-`, so no program option) and holds no scheme
 * or host (`/srv/app/http:/evil.example`), so no redirect or outgoing request goes elsewhere through it.
 * `normpath` keeps a leading `//` and a leading `-`, so it passes on for every class.
 */
const CALLEE = /^(?:os\.path\.|posixpath\.|ntpath\.|path\.)?(realpath|abspath|normpath)$/;

const ABSOLUTE_ENDS = new Set(['argv', 'redirect', 'ssrf']);

/** True when `callee` (the call's function, as written) is a Python path normaliser that passes taint on for `sinkClass`. */
export function pyNormaliserPasses(callee: string | undefined, sinkClass: string | undefined): boolean {
  const name = callee === undefined ? undefined : CALLEE.exec(callee)?.[1];
  if (name === undefined) return false;
  return name === 'normpath' || sinkClass === undefined || !ABSOLUTE_ENDS.has(sinkClass);
}
