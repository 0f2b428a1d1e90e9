/**
 * The function a JavaScript module exports as a whole, read from its text for cross-file summaries
 * (summaries.ts): `module.exports = name`, `export default name`, `export default function name(`, and the
 * CommonJS that Babel and TypeScript emit for a default export, `exports.default = name;` followed by
 * `module.exports = exports.default;` (the module object is then that function).
 */

// The end of a statement on its line. Written so that no two quantifiers can share the same blanks: with
// `\s*;?\s*$` a long run of blanks not followed by the line's end is tried in every split (quadratic time).
const LINE_END = String.raw`[ \t]*(?:;[ \t]*)?$`;

// `module.exports = name`, `export default name` or `export default function name(`.
const WHOLE_EXPORT = new RegExp(
  String.raw`^(?:module\.exports\s*=\s*([A-Za-z_$][\w$]*)${LINE_END}|export\s+default\s+(?:async\s+)?(?:function(?:\s*\*)?\s*)?([A-Za-z_$][\w$]*))`,
  'm',
);

// `module.exports = exports.default` (or any other named export, `module.exports.x` alike).
const EXPORT_OF_EXPORT = new RegExp(
  String.raw`^module\.exports\s*=\s*(?:module\.)?exports\.([A-Za-z_$][\w$]*)${LINE_END}`,
  'm',
);

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
      new RegExp(
        String.raw`^(?:module\.)?exports\.${alias.replace(/\$/g, '\\$')}\s*=\s*([A-Za-z_$][\w$]*)${LINE_END}`,
        'gm',
      ),
    ),
  ];
  return binds.length === 1 && !/^(module|exports)$/.test(binds[0]![1]!) ? binds[0]![1] : undefined;
}
