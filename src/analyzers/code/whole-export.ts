/**
 * The function a JavaScript module exports as a whole, read from its text for cross-file summaries
 * (summaries.ts): `module.exports = name`, `export default name`, `export default function name(`, and the
 * CommonJS that Babel and TypeScript emit for a default export, `exports.default = name;` followed by
 * `module.exports = exports.default;` (the module object is then that function).
 */

// `module.exports = name`, `export default name` or `export default function name(`.
const WHOLE_EXPORT =
  /^(?:module\.exports\s*=\s*([A-Za-z_$][\w$]*)\s*;?\s*$|export\s+default\s+(?:async\s+)?(?:function\s*\*?\s*)?([A-Za-z_$][\w$]*))/m;

// `module.exports = exports.default` (or any other named export, `module.exports.x` alike).
const EXPORT_OF_EXPORT = /^module\.exports\s*=\s*(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*;?\s*$/m;

/** The name of the function a module's text exports as a whole, if it names one. */
export function exportedFunctionName(text: string): string | undefined {
  const hit = WHOLE_EXPORT.exec(text);
  const name = hit?.[1] ?? hit?.[2];
  if (name !== undefined) return name;
  const alias = EXPORT_OF_EXPORT.exec(text)?.[1];
  if (alias === undefined) return undefined;
  // The export it names must be bound once, at the start of a line, to a plain name.
  const binds = [
    ...text.matchAll(
      new RegExp(`^(?:module\\.)?exports\\.${alias}\\s*=\\s*([A-Za-z_$][\\w$]*)\\s*;?\\s*$`, 'gm'),
    ),
  ];
  return binds.length === 1 && !/^(module|exports)$/.test(binds[0]![1]!) ? binds[0]![1] : undefined;
}
