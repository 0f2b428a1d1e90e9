/**
 * A Vue component's `v-html="$filters.nl2br(process.result)"` where `$filters` is the application's global
 * property bound to a module imported whole (`import * as filters from './filters.js'`, then
 * `app.config.globalProperties.$filters = filters` in Vue 3 or `Vue.prototype.$filters = filters` in Vue 2),
 * and that module exports one function `nl2br` whose every return is a sanitizer's result
 * (`sanitizeHtml(html)`, `DOMPurify.sanitize(…)`), fixed text, or its parameter returned where an `if` found it
 * empty (`if (typeof input === 'undefined') return input;`: nothing to write). The helper made the markup and
 * cleaned it; `v-html` only puts it in place. Kept: a global bound anywhere to anything else (an object literal,
 * a second module), a component whose script names the global itself, an import that does not resolve to one
 * file of the scan, a function defined twice or not exported, any return not understood.
 */
import { Lang, parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { escapeRegex } from './scope.js';
import { scriptLanguageOf } from './languages.js';
import { kindOf } from './syntax.js';
import { TemplateIndex, isScript } from './template-index.js';
import { readOrWarn, unescapedOutputs, withoutOutputsAt } from './templates.js';
import { isUnescapedOutput } from './template-rules.js';
import type { UnescapedOutput } from './templates.js';
import { exportedFunctionSanitizes } from './vue-script.js';

// `$filters.nl2br(x)` or `this.$filters.nl2br(x)`: a global property's function called.
const GLOBAL_CALL = /^\s*(?:this\.)?(\$[A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*\(/;

/** The global property and function of an expression that is one call of a global's function, and nothing else. */
function globalCall(expr: string): [string, string] | undefined {
  const m = GLOBAL_CALL.exec(expr);
  if (!m) return undefined;
  const top = parse(Lang.JavaScript, expr)
    .root()
    .children()
    .filter((c) => c.isNamed());
  const call = top.length === 1 && kindOf(top[0]!) === 'expression_statement' ? top[0]!.child(0) : null;
  if (!call || kindOf(call) !== 'call_expression') return undefined;
  const callee = call
    .field('function')
    ?.text()
    .replace(/^this\./, '');
  return callee === `${m[1]}.${m[2]}` ? [m[1]!, m[2]!] : undefined;
}
// A write of a global property: `app.config.globalProperties.$x = v`, `Vue.prototype.$x = v`.
const GLOBAL_WRITE = /(?:globalProperties|prototype)\.\$[A-Za-z_$]/;
const EXTENSIONS = ['', '.js', '.mjs', '.ts', '/index.js', '/index.ts'];

/** Each global property name → the one module file every write binds it to, or null when any is something else. */
type Globals = Map<string, string | null>;

// A global's name bound any other way: as a string (`defineProperty(…, '$filters', …)`, `['$filters']`), an
// object key (`Object.assign(app.config.globalProperties, { $filters: x })`, a component's `data` or `provide`)
// or a method or getter (a mixin's `computed: { $filters() { … } }`, which shadows the global where it is mixed).
const OTHER_BINDING =
  /['"`](\$[A-Za-z_$][\w$]*)['"`]|(\$[A-Za-z_$][\w$]*)\s*:(?!:)|(\$[A-Za-z_$][\w$]*)\s*\([^()]*\)\s*\{/g;

const index = new TemplateIndex<Globals>('the Vue application’s global properties', async (texts) => {
  const out: Globals = new Map();
  const otherwise = new Set<string>();
  for await (const [p, text] of texts.texts((q) => isScript(q) || q.endsWith('.vue'))) {
    for (const m of text.matchAll(OTHER_BINDING)) otherwise.add((m[1] ?? m[2] ?? m[3])!);
    if (!GLOBAL_WRITE.test(text)) continue;
    // A component writing a global is not read: the global is then not known.
    if (!isScript(p)) {
      for (const m of text.matchAll(/(?:globalProperties|prototype)\.(\$[A-Za-z_$][\w$]*)/g))
        otherwise.add(m[1]!);
      continue;
    }
    const root = parse(scriptLanguageOf(p)!, text).root();
    for (const a of root.findAll({ rule: { kind: 'assignment_expression' } })) {
      const left = a.field('left');
      const m = left ? /(?:globalProperties|prototype)\.(\$[A-Za-z_$][\w$]*)$/.exec(left.text()) : null;
      if (!m) continue;
      const name = m[1]!;
      const module = namespaceModule(root, a.field('right'), p, texts.paths);
      const before = out.get(name);
      out.set(name, module && (before === undefined || before === module) ? module : null);
    }
  }
  for (const name of otherwise) if (out.has(name)) out.set(name, null);
  return out;
});

/** The file a name imported whole (`import * as filters from './filters.js'`) names, when it is one of the scan. */
function namespaceModule(
  root: SgNode,
  value: SgNode | null,
  from: string,
  paths: ReadonlySet<string>,
): string | undefined {
  if (!value || kindOf(value) !== 'identifier') return undefined;
  const name = escapeRegex(value.text());
  const spec = new RegExp(String.raw`^import\s+\*\s+as\s+${name}\s+from\s+(['"])(\.{1,2}/[^'"]+)\1`);
  const found = root
    .children()
    .map((s) => (kindOf(s) === 'import_statement' ? spec.exec(s.text())?.[2] : undefined))
    .filter((s): s is string => s !== undefined);
  if (found.length !== 1) return undefined;
  const base = joinPath(from.slice(0, from.lastIndexOf('/') + 1), found[0]!);
  const hits = EXTENSIONS.map((e) => base + e).filter((c) => paths.has(c));
  return hits.length === 1 ? hits[0] : undefined;
}

/** `dir/` joined with a relative specifier (`./x`, `../y/x`), normalised; scan paths have no leading `./`. */
function joinPath(dir: string, rel: string): string {
  const parts = (dir + rel).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || part === '') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Whether a component's template binds `name` itself: a `v-for` item, a slot's props. */
function bindsInTemplate(text: string, name: string): boolean {
  return new RegExp(
    String.raw`(?:v-for|v-slot|slot-scope|#[\w-]+)\s*=\s*("[^"]*|'[^']*)${escapeRegex(name)}(?![\w$])`,
  ).test(text);
}

/** `findings` without the `v-html` outputs of a global filter that sanitizes (see the module comment). */
export async function withoutSanitizingGlobalFilters(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  if (file.ext !== 'vue' || !findings.some((f) => isUnescapedOutput(f.ruleId))) return findings;
  const outputs = unescapedOutputs(file.text, 'vue').filter(
    (o) => o.construct === 'v-html' && globalCall(o.expr) !== undefined,
  );
  if (outputs.length === 0) return findings;
  const globals = await index.of(ctx, file.path);
  if (!globals) return findings;
  const at = file.text.indexOf('<script');
  const script = at < 0 ? '' : file.text.slice(at);
  const dropped: UnescapedOutput[] = [];
  const decided = new Map<string, boolean>();
  for (const o of outputs) {
    const [global, fn] = globalCall(o.expr)!;
    // The component's own script may shadow or rebind the global (`this.$filters = …`), and so may its
    // template (`v-for="$filters in sets"`, a slot's props).
    if (script.includes(global) || bindsInTemplate(file.text, global)) continue;
    const module = globals.get(global);
    if (!module) continue;
    const key = `${module}\0${fn}`;
    let ok = decided.get(key);
    if (ok === undefined) {
      const text = await readOrWarn(ctx, module);
      ok = typeof text === 'string' && exportedFunctionSanitizes(text, /\.ts$/.test(module), fn);
      decided.set(key, ok);
    }
    if (ok) dropped.push(o);
  }
  return dropped.length === 0 ? findings : withoutOutputsAt(findings, dropped);
}
