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
import { calleeDeclared } from './callee-members.js';
import { jsImports, resolveJs } from './imports.js';
import { exportedField } from './imported-members.js';
import { sourceForm } from './compiled-calls.js';
import { languageOf } from './languages.js';
import { dropModuleEscaped } from './module-escapers.js';
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

/**
 * A JavaScript file's imports of modules in the scanned tree, and each such module parsed when first asked
 * for (read through the core, like every cross-file read; undefined when unreadable or not JavaScript).
 */
export function importReader(
  file: SourceFile,
  lang: FileLanguage,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): { imports: ReturnType<typeof jsImports>; moduleRoot: (module: string) => Promise<SgNode | undefined> } {
  const imports = jsImports(
    parse(lang.lang, sourceForm(file.text)).root(),
    file.path,
    (p) => ctx.paths.has(p),
    lang.family === 'typescript',
  );
  const roots = new Map<string, Promise<SgNode | undefined>>();
  const read = async (module: string): Promise<SgNode | undefined> => {
    const text = await ctx.readFile(module);
    const l = languageOf(module.slice(module.lastIndexOf('.') + 1));
    return text !== undefined && l && l.family !== 'python'
      ? parse(l.lang, sourceForm(text)).root()
      : undefined;
  };
  const moduleRoot = (module: string): Promise<SgNode | undefined> => {
    let r = roots.get(module);
    if (!r) roots.set(module, (r = read(module)));
    return r;
  };
  return { imports, moduleRoot };
}

/**
 * `matches` without those whose imported value is fixed by the text of the module it comes from, or whose value is
 * a call of an AMD module's helper that escapes first (module-escapers.ts).
 */
export async function dropFixedImports(
  matches: CodeMatch[],
  file: SourceFile,
  lang: FileLanguage,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<CodeMatch[]> {
  if (lang.family !== 'python') matches = await dropModuleEscaped(matches, file, ctx);
  const pending = matches.filter(
    (m) =>
      (m.importedName !== undefined || m.importedMember !== undefined) &&
      m.path === undefined &&
      m.rule.unlessFixed,
  );
  if (pending.length === 0 || lang.family === 'python') return matches;
  const { imports, moduleRoot } = importReader(file, lang, ctx);
  const drop = new Set<CodeMatch>();
  for (const m of pending) {
    if (m.importedMember) {
      const module = resolveJs(file.path, m.importedMember.spec, (p) => ctx.paths.has(p));
      const root = module === undefined ? undefined : await moduleRoot(module);
      const value = root && exportedField(root, m.importedMember.name);
      // Read in that module as a same-file value is (its own constants); no call is taken as fixed text.
      if (value && isFixedValue(value)) drop.add(m);
      continue;
    }
    const b = imports.names.get(m.importedName ?? '');
    const calls = m.rule.unlessFixed?.calls ?? [];
    const through = m.rule.unlessFixed?.through ?? [];
    if (!b) continue;
    const root = await moduleRoot(b.module);
    const value = root && exportedValue(root, b.name);
    const callees = m.rule.unlessFixed?.callees ?? [];
    const fixedCall = (call: SgNode): boolean =>
      calls.some((c) => call.matches(c)) || calleeDeclared(call, callees);
    if (value && isFixedValue(value, fixedCall, (call) => through.some((c) => call.matches(c)))) drop.add(m);
  }
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}
