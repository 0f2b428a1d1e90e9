/**
 * The second half of a rule's `unlessFixed` for a name imported from another module of the scanned tree
 * (`import coloredSwatch from './colored-swatch'` whose module is `module.exports = \`<svg …>\``): the
 * match is dropped when that module binds the name to a value fixed by its own text. Only the module the
 * name comes from is read (through the core, like every cross-file read), and only for such matches.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { isFixedValue } from './fixed-value.js';
import { jsImports } from './imports.js';
import { languageOf } from './languages.js';
import type { FileLanguage } from './languages.js';
import type { CodeMatch } from './matches.js';

/** What `module.exports`, `export default` (name null) or the export `name` is bound to in `root`. */
export function exportedValue(root: SgNode, name: string | null): SgNode | undefined {
  if (name === null) {
    const def = root.find({ rule: { kind: 'export_statement', regex: '^export\\s+default\\b' } });
    const value = def?.field('value') ?? def?.field('declaration');
    if (value) return value;
  }
  const target = name === null ? '^module\\.exports$' : `^(?:module\\.)?exports\\.${name}$`;
  const assigns = root.findAll({
    rule: {
      kind: 'assignment_expression',
      has: { field: 'left', regex: target },
      inside: { kind: 'expression_statement', inside: { kind: 'program' } },
    },
  });
  if (assigns.length === 1) return assigns[0]?.field('right') ?? undefined;
  if (name === null) return undefined;
  // `export const NAME = …` at the top level.
  for (const d of root.findAll({
    rule: { kind: 'variable_declarator', inside: { kind: 'lexical_declaration' } },
  })) {
    const decl = d.parent();
    if (d.field('name')?.text() !== name || !decl?.parent() || decl.parent()?.kind() !== 'export_statement')
      continue;
    if (!/^const\b/.test(decl.text())) return undefined;
    return d.field('value') ?? undefined;
  }
  return undefined;
}

/** `matches` without those whose imported value is fixed by the text of the module it comes from. */
export async function dropFixedImports(
  matches: CodeMatch[],
  file: SourceFile,
  lang: FileLanguage,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<CodeMatch[]> {
  const pending = matches.filter(
    (m) => m.importedName !== undefined && m.path === undefined && m.rule.unlessFixed,
  );
  if (pending.length === 0 || lang.family === 'python') return matches;
  const imports = jsImports(
    parse(lang.lang, file.text).root(),
    file.path,
    (p) => ctx.paths.has(p),
    lang.family === 'typescript',
  );
  const drop = new Set<CodeMatch>();
  const roots = new Map<string, SgNode | undefined>();
  for (const m of pending) {
    const b = imports.names.get(m.importedName ?? '');
    const calls = m.rule.unlessFixed?.calls ?? [];
    const through = m.rule.unlessFixed?.through ?? [];
    if (!b) continue;
    if (!roots.has(b.module)) {
      const text = await ctx.readFile(b.module);
      const l = languageOf(b.module.slice(b.module.lastIndexOf('.') + 1));
      roots.set(
        b.module,
        text !== undefined && l && l.family !== 'python' ? parse(l.lang, text).root() : undefined,
      );
    }
    const root = roots.get(b.module);
    const value = root && exportedValue(root, b.name);
    const fixedCall = (call: SgNode): boolean => calls.some((c) => call.matches(c));
    if (value && isFixedValue(value, fixedCall, (call) => through.some((c) => call.matches(c)))) drop.add(m);
  }
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}
