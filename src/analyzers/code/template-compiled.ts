/**
 * A template compiled in code by its file name and then called as a function with object literals only
 * (`const page = pug.compileFile(path.join(__dirname, '../resource/502.pug'))`, `page({ error, url })`): those
 * objects are everything the template sees. An unescaped output of a variable that no call passes (and the
 * template does not bind itself) is never written, and one every call gives a value fixed by the program text
 * (`explain: explain`, a `let` set to constant markup by a `switch`) writes the program's own markup. Express's
 * `res.render(view, data)` is read this way only when nothing else can fill the view's variables
 * (template-express.ts: `res.locals` and `app.locals` fill variables the call does not name). In Handlebars and
 * Mustache a name inside `{{#each items}}` or a section is the item's, which no call's object shows, so such an
 * output is kept; one inside the main part of `{{#each x}}`, `{{#with x}}` or `{{#if x}}` where no call passes `x`
 * is never written (template-sections.ts). When anything else names the template's file (another template
 * including it, a path handed elsewhere, the compiled function exported or passed on), nothing is dropped.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { isFixedValue } from './fixed-value.js';
import { scriptLanguageOf } from './languages.js';
import { kindOf } from './syntax.js';
import { escapeRegex } from './scope.js';
import { boundData, compileOfText, isModuleSpecifier, readsOwnFile } from './template-compiled-text.js';
import type { CallData } from './template-compiled-text.js';
import { TemplateIndex, isScript } from './template-index.js';
import { expressRenderData, expressViews, rendersOnlyByName } from './template-express.js';
import { changesContext, needsArgument, sectionsAround } from './template-sections.js';
import type { Section } from './template-sections.js';
import type { ProjectTexts } from './template-index.js';
import {
  lineStarts,
  readOrWarn,
  reviewedEngine,
  templateEngineOf,
  unescapedOutputs,
  withoutOutputsAt,
} from './templates.js';
import type { UnescapedOutput } from './templates.js';

const WORD = /[\w.-]+/g;
// Handlebars' and Mustache's raw outputs, read inside their blocks (template-sections.ts).
const MUSTACHE = new Set(['{{{ }}}', '{{& }}']);
const QUOTE = /['"`]/;
const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
export const isTemplate = (p: string): boolean => {
  const dot = p.lastIndexOf('.');
  return dot > 0 && templateEngineOf(p.slice(dot + 1).toLowerCase()) !== undefined;
};
/** The template's file name, or its name without the extension as the end of a quoted string. */
export const mentionOf = (name: string): RegExp =>
  new RegExp(`${escapeRegex(name)}|[/'"\`]${escapeRegex(name.replace(/\.[^.]+$/, ''))}['"\`]`);

/**
 * The strings and template literals of a script's text (at `path`) that name the template `name`, other than
 * module specifiers; undefined when none names it, [] when only module specifiers do (`require('../index')`
 * names a module beside `index.html`, not the template).
 */
export function templateMentions(text: string, path: string, name: string): SgNode[] | undefined {
  // Callers check isScript first: every such path has a language of its own.
  const root = parse(scriptLanguageOf(path)!, text).root();
  const mention = mentionOf(name);
  const strings = [
    ...root.findAll({ rule: { any: [{ kind: 'string' }, { kind: 'template_string' }] } }),
  ].filter((s) => mention.test(s.text()));
  if (strings.length === 0) return undefined;
  return strings.filter((s) => !isModuleSpecifier(s));
}

/**
 * Each template file name → the other files whose text names it (per scan; none when a file could not be
 * read, since it may name any template, or the project is past the index bounds).
 */
const index = new TemplateIndex('the files that name templates', buildIndex);

async function buildIndex(texts: ProjectTexts): Promise<Map<string, string[]>> {
  // A template is named by its file name, or by its name without the extension at the end of a quoted string
  // (`res.render('page')`, `'views/page'`). Each file is read once and split into words (linear in its text).
  const names = new Set<string>();
  const stems = new Map<string, string[]>();
  for (const p of texts.paths) {
    if (!isTemplate(p)) continue;
    const n = baseName(p);
    names.add(n);
    const stem = n.replace(/\.[^.]+$/, '');
    stems.set(stem, [...new Set([...(stems.get(stem) ?? []), n])]);
  }
  const out = new Map<string, string[]>();
  for await (const [p, text] of texts.texts((q) => isScript(q) || isTemplate(q))) {
    const hits = new Set<string>();
    for (const m of text.matchAll(WORD)) {
      const w = m[0];
      if (names.has(w)) hits.add(w);
      const after = text[m.index + w.length];
      const before = text[m.index - 1];
      if (after && QUOTE.test(after) && before && (QUOTE.test(before) || before === '/'))
        for (const n of stems.get(w) ?? []) hits.add(n);
    }
    for (const n of hits) out.set(n, [...(out.get(n) ?? []), p]);
  }
  return out;
}

/**
 * The other files of the scan whose text names the template `file` (by its file name, or its name without the
 * extension in quotes); undefined when that index could not be built.
 */
export async function filesNaming(ctx: AnalyzerContext, file: SourceFile): Promise<string[] | undefined> {
  const named = await index.of(ctx, file.path);
  return named && (named.get(file.name) ?? []).filter((p) => p !== file.path);
}

/**
 * The object literals of every call of the functions that `text` compiles from the template named `name`, and of
 * every Express `res.render(name, { … })` (counted in `express`, for the caller to check template-express.ts's
 * conditions); undefined when the file names the template any other way or uses such a function otherwise.
 */
function compiledCalls(
  text: string,
  path: string,
  name: string,
  express: { n: number },
): CallData[] | undefined {
  const strings = templateMentions(text, path, name);
  if (strings === undefined) return undefined;
  // Only module specifiers name it: the file gives no calls.
  if (strings.length === 0) return [];
  const objects: CallData[] = [];
  for (const s of strings) {
    const rendered = expressRenderData(s);
    if (rendered) {
      express.n++;
      objects.push({ obj: rendered, writes: new Map<string, SgNode[]>() });
      continue;
    }
    // `const F = x.compile…(… 'name' …)`: the string inside the declarator's value, a call of a compiler.
    let decl: SgNode | null | undefined = s.parent();
    while (decl && kindOf(decl) !== 'variable_declarator' && kindOf(decl) !== 'program') decl = decl.parent();
    // Or the template's text read into a constant that is then compiled.
    if (decl && kindOf(decl) === 'variable_declarator' && !/compile/i.test(decl.field('value')?.text() ?? ''))
      decl = compileOfText(decl);
    const value = decl && kindOf(decl) === 'variable_declarator' ? decl.field('value') : null;
    const id = decl?.field('name');
    const stmt = decl?.parent();
    if (!value || !id || !stmt || kindOf(id) !== 'identifier' || kindOf(value) !== 'call_expression')
      return undefined;
    if (!/compile/i.test(value.field('function')?.text() ?? '') || !/^const\b/.test(stmt.text()))
      return undefined;
    const scope = stmt.parent();
    if (!scope) return undefined;
    const exact = `^${escapeRegex(id.text())}$`;
    const uses = scope.findAll({
      rule: {
        any: [
          { kind: 'identifier', regex: exact },
          { kind: 'shorthand_property_identifier', regex: exact },
        ],
      },
    });
    for (const use of uses) {
      if (use.id() === id.id()) continue;
      const call = use.parent();
      const args = call
        ?.field('arguments')
        ?.children()
        .filter((c) => c.isNamed() && kindOf(c) !== 'comment');
      if (!call || kindOf(call) !== 'call_expression' || call.field('function')?.id() !== use.id())
        return undefined;
      const arg = args?.[0];
      if (!arg || args.length !== 1) return undefined;
      const data =
        kindOf(arg) === 'object'
          ? { obj: arg, writes: new Map<string, SgNode[]>() }
          : kindOf(arg) === 'identifier'
            ? boundData(arg, use.text())
            : undefined;
      if (!data) return undefined;
      const { obj } = data;
      if (obj.children().some((c) => kindOf(c) === 'spread_element' || kindOf(c) === 'method_definition'))
        return undefined;
      objects.push(data);
    }
  }
  return objects.length > 0 ? objects : undefined;
}

/** The value an object literal gives `key` (`key: v`), null when it names no such key, undefined when unknown. */
export function valueOf(obj: SgNode, key: string): SgNode | null | undefined {
  for (const c of obj.children()) {
    const k = kindOf(c);
    if (k === 'shorthand_property_identifier' && c.text() === key) return undefined;
    if (k !== 'pair') continue;
    const name = c.field('key');
    const text = name?.text().replace(/^(['"])(.*)\1$/, '$2');
    if (kindOf(name!) === 'computed_property_name') return undefined;
    if (text === key) return c.field('value') ?? undefined;
  }
  return null;
}

/** Whether the template binds `name` itself: a loop variable, a declaration in code, a mixin's parameter. */
export function boundInTemplate(text: string, name: string): boolean {
  const n = escapeRegex(name);
  return new RegExp(
    `\\b(?:each|for)\\s+(?:[\\w$]+\\s*,\\s*)?${n}\\b|\\b(?:var|let|const|as)\\s+\\|?${n}\\b|mixin\\s+[\\w-]+\\s*\\([^)]*\\b${n}\\b|\\b${n}\\s*=[^=]|\\|\\s*${n}\\b`,
  ).test(text);
}

/**
 * What `read` finds in every script that names the template `file`, all together; undefined when the name could
 * be used unseen, a file that names it is not a script or cannot be read, or `read` gives up on one of them.
 */
export async function fromEveryNamer<T>(
  ctx: AnalyzerContext,
  file: SourceFile,
  read: (text: string, path: string, name: string) => T[] | undefined,
): Promise<T[] | undefined> {
  // A file name with other characters than the index reads as a word could be named unseen.
  if (!/^[\w.-]+$/.test(file.name)) return undefined;
  const users = await filesNaming(ctx, file);
  if (!users || users.length === 0 || users.some((p) => !isScript(p))) return undefined;
  const found: T[] = [];
  for (const p of users) {
    const text = await readOrWarn(ctx, p);
    const got = typeof text === 'string' ? read(text, p, file.name) : undefined;
    if (!got) return undefined;
    found.push(...got);
  }
  return found;
}

/**
 * Whether a place inside `sections` (outermost first) is never rendered: a block read in the data's context whose
 * main part needs an argument (`{{#each items}}`, `{{#if banner}}`) that no caller passes.
 */
function neverRendered(sections: readonly Section[], unpassed: (name: string) => boolean): boolean {
  for (const s of sections) {
    if (needsArgument(s) && unpassed(s.arg!)) return true;
    if (changesContext(s)) return false;
  }
  return false;
}

/**
 * `findings` of a template file without the unescaped outputs that every compiled call of the template leaves
 * unwritten or fills with the program's own text (see the module comment).
 */
export async function withoutUnpassedOutputs(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  const engine = reviewedEngine(file.ext, findings);
  if (!engine) return findings;
  const express = { n: 0 };
  const objects = await fromEveryNamer(ctx, file, (t, p, n) => compiledCalls(t, p, n, express));
  if (!objects || objects.length === 0) return findings;
  if (express.n > 0) {
    const views = await expressViews(ctx, file.path);
    if (!views || !rendersOnlyByName(views, file.name.replace(/\.[^.]+$/, ''))) return findings;
  }
  const dead = new Set<UnescapedOutput>();
  // A member set after the object is built (`data.k = v`) is given each value written, the literal's too.
  const valuesOf = (n: string): (SgNode | null | undefined)[] =>
    objects.flatMap(({ obj, writes }) => {
      const later = writes.get(n) ?? [];
      const first = valueOf(obj, n);
      return first === null && later.length > 0 ? later : [first, ...later];
    });
  // A block's argument read in the data's context is the data's name (boundInTemplate reads Pug's `each x in`).
  const unpassed = (n: string): boolean => valuesOf(n).every((v) => v === null);
  const starts = lineStarts(file.text);
  for (const o of unescapedOutputs(file.text, engine)) {
    if (o.names.length === 0 || o.names.some((n) => boundInTemplate(file.text, n))) continue;
    if (MUSTACHE.has(o.construct)) {
      const sections = sectionsAround(file.text, (starts[o.line - 1] ?? 0) + o.column - 1);
      if (!sections) continue;
      if (neverRendered(sections, unpassed)) {
        dead.add(o);
        continue;
      }
      // Under `{{#each items}}` or a section the names are the item's: no caller's object says what they hold.
      if (sections.some(changesContext)) continue;
    }
    const given = o.names.flatMap(valuesOf);
    const fixed = (v: SgNode): boolean => isFixedValue(v, readsOwnFile, undefined, true);
    if (given.every((v) => v === null || (v !== undefined && fixed(v)))) dead.add(o);
  }
  return withoutOutputsAt(findings, dead);
}
