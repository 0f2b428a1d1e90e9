/**
 * Markdown renders that escape raw HTML, read from one JavaScript module's text (template-markdown.ts asks):
 *
 * - marked set up to sanitize: `marked(x)`, `marked.parse(x)`, where the module binds the name to the `marked`
 *   package and gives `sanitize` a value other than a false literal, in the call's own options or in the module's
 *   `marked.setOptions({ … })`, never false anywhere, with no `sanitizer`, extension or `link`/`image`/`html`
 *   renderer of its own (one skips marked's `javascript:` filter). marked honours `sanitize`
 *   (raw HTML escaped, `javascript:` links dropped) up to its version 4; version 5 removed the option, so the
 *   package.json beside the module must ask for a major version below 5. A `sanitize` read from the operator's
 *   configuration (`!config.allowHtml`) counts: letting editors write HTML is then the operator's choice.
 * - markdown-it left with its default `html: false` (raw HTML escaped, `javascript:`/`vbscript:`/`data:` links
 *   refused by its `validateLink`): `md.render(x)` where `md` is bound once to `markdownit()`, `markdownit(
 *   'default' | 'zero', …)` or `markdownit({ … })` with no `html` other than `false`, and never given plugins,
 *   options or rules afterwards (`md.use`, `md.set`, `md.enable`, `md.options`), nor exported (the importer may
 *   give it plugins): a plugin may write its own raw markup. The
 *   `commonmark` preset turns `html` on.
 */
import type { SgNode } from '@ast-grep/napi';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

const MARKED = 'marked';
const MARKDOWN_IT = 'markdown-it';
/** Marked's last major version with the `sanitize` option. */
const LAST_SANITIZING_MARKED = 4;
const FALSY = /^(?:false|0|null|undefined|''|""|``)$/;
// Request data deciding the switch would let a visitor turn sanitizing off.
const REQUEST = /\b(?:req|request|ctx|query|body|params|headers|cookies)\b/;

const unquote = (s: string): string | undefined => /^(['"`])([^'"`$\\]*)\1$/.exec(s.trim())?.[2];

export const callArgs = (call: SgNode): SgNode[] =>
  call
    .field('arguments')
    ?.children()
    .filter((c) => c.isNamed() && kindOf(c) !== 'comment') ?? [];

/**
 * What a name is bound to in `root`, when it is declared exactly once: the declarator's value (or the import
 * statement), with the module it comes from when the value is that module (a CommonJS require of it, a member
 * of that, a default or named import, a destructured require) or a call of it (the markdown-it module called at
 * once). Module names are not written here in import form: the dependency and no-exec tests read source text.
 */
export function bindingOf(root: SgNode, name: string): { spec?: string; value: SgNode } | undefined {
  const exact = `^${escapeRegex(name)}$`;
  const decls = root.findAll({
    rule: {
      any: [
        { kind: 'variable_declarator', has: { field: 'name', regex: exact } },
        {
          kind: 'variable_declarator',
          has: { field: 'name', kind: 'object_pattern', has: { regex: exact } },
        },
        { kind: 'import_statement', has: { stopBy: 'end', kind: 'identifier', regex: exact } },
      ],
    },
  });
  if (decls.length !== 1) return undefined;
  const d = decls[0]!;
  if (kindOf(d) === 'import_statement') return { spec: unquote(d.field('source')?.text() ?? ''), value: d };
  const value = d.field('value');
  if (!value) return undefined;
  let head: SgNode | null | undefined = value;
  while (head && (kindOf(head) === 'member_expression' || kindOf(head) === 'call_expression')) {
    if (kindOf(head) === 'call_expression' && head.field('function')?.text() === 'require')
      return { spec: unquote(callArgs(head)[0]?.text() ?? ''), value };
    head = head.field(kindOf(head) === 'member_expression' ? 'object' : 'function');
  }
  return { value };
}

/** Whether a binding's value is the module itself (required or imported, or a member of that), not a call of it. */
export function isModuleItself(value: SgNode): boolean {
  let v: SgNode | null | undefined = value;
  while (v && kindOf(v) === 'member_expression') v = v.field('object');
  if (!v) return false;
  if (kindOf(v) === 'import_statement') return true;
  return kindOf(v) === 'call_expression' && v.field('function')?.text() === 'require';
}

/** The value an object literal gives `key`; undefined when it names none (or spreads another object). */
function optionOf(obj: SgNode, key: string): SgNode | undefined | 'unknown' {
  for (const c of obj.children()) {
    const k = kindOf(c);
    if (k === 'spread_element' || (k === 'shorthand_property_identifier' && c.text() === key))
      return 'unknown';
    if (k === 'pair' && (unquote(c.field('key')?.text() ?? '') ?? c.field('key')?.text()) === key)
      return c.field('value') ?? 'unknown';
  }
  return undefined;
}

/** Whether an options object turns marked's sanitizing on (true), off or to a function of its own (false). */
function sanitizeIn(obj: SgNode): boolean | undefined {
  if (kindOf(obj) !== 'object') return false;
  if (optionOf(obj, 'sanitizer') !== undefined) return false;
  // An extension of its own writes its own markup, whatever marked escapes.
  if (['extensions', 'walkTokens', 'hooks'].some((k) => optionOf(obj, k) !== undefined)) return false;
  const v = optionOf(obj, 'sanitize');
  if (v === undefined) return undefined;
  if (v === 'unknown') return false;
  return !FALSY.test(v.text().trim()) && !REQUEST.test(v.text());
}

/**
 * Whether the module writes a renderer method of its own for links, images or raw HTML (`r.link = …`,
 * `renderer: { link(href) { … } }`): marked drops `javascript:` targets in its own `link`/`image` renderers
 * (`cleanUrl`), so one of the module's own lets them through however raw HTML is escaped. A renderer that only
 * replaces `code` or `heading` keeps marked's filter.
 */
function replacesUrlRenderer(root: SgNode): boolean {
  const text = root.text();
  return (
    /renderer|Renderer/.test(text) &&
    /(?<![\w$])(?:link|image|html)\s*(?:=(?![=>])|:\s*(?:function\b|\(|[\w$]+\s*=>)|\([^()]*\)\s*\{)/.test(
      text,
    )
  );
}

/** `marked(x)` or `marked.parse(x)` of a module that sets marked up to sanitize (see the module comment). */
function markedSanitizes(
  call: SgNode,
  root: SgNode,
  name: string,
  version: (pkg: string) => number | undefined,
) {
  const major = version(MARKED);
  if (major === undefined || major > LAST_SANITIZING_MARKED) return false;
  const own = callArgs(call)[1];
  if (own && sanitizeIn(own) !== true) return false;
  const setups = root
    .findAll({ rule: { kind: 'call_expression', has: { field: 'function', kind: 'member_expression' } } })
    .filter((c) => {
      const f = c.field('function')!;
      return (
        f.field('object')?.text() === name &&
        /^(?:setOptions|use|options)$/.test(f.field('property')?.text() ?? '')
      );
    })
    .map((c) => (callArgs(c)[0] ? sanitizeIn(callArgs(c)[0]!) : undefined));
  if (setups.some((s) => s === false)) return false;
  if (replacesUrlRenderer(root)) return false;
  return own !== undefined || setups.some((s) => s === true);
}

/** Whether a markdown-it instance is made with `html` off (see the module comment). */
function markdownItEscapes(made: SgNode, root: SgNode, name: string, lib: string): boolean {
  const call = kindOf(made) === 'new_expression' || kindOf(made) === 'call_expression' ? made : undefined;
  if (!call) return false;
  const callee = call.field(kindOf(call) === 'new_expression' ? 'constructor' : 'function')?.text() ?? '';
  if (callee !== lib && !/^require\(\s*['"]markdown-it['"]\s*\)$/.test(callee)) return false;
  const args = callArgs(call);
  if (args.length > 2) return false;
  let opts = args[0];
  if (opts && kindOf(opts) === 'string') {
    if (!/^(?:default|zero)$/.test(unquote(opts.text()) ?? '')) return false;
    opts = args[1];
  } else if (args.length > 1) return false;
  if (opts) {
    if (kindOf(opts) !== 'object') return false;
    const html = optionOf(opts, 'html');
    if (html === 'unknown' || (html && html.text().trim() !== 'false')) return false;
  }
  // Declared with `const`, and never configured after it is made.
  const decl = made.parent();
  if (!decl || kindOf(decl) !== 'variable_declarator' || !/^const\b/.test(decl.parent()?.text() ?? ''))
    return false;
  const n = escapeRegex(name);
  return !(
    new RegExp(
      `(?<![\\w$.])${n}\\s*\\.\\s*(?:use|set|enable|configure|renderer|core|block|inline|options|validateLink|normalizeLink)\\b`,
    ).test(root.text()) || exported(root, name)
  );
}

/**
 * Whether an export (`export { md }`, `export const md`, `module.exports = { md }`, `exports.md = md`) hands
 * the object itself to other modules, which may then give it plugins; a use of one of its members
 * (`md.render(x)` in an exported function) does not.
 */
function exported(root: SgNode, name: string): boolean {
  const exact = `^${escapeRegex(name)}$`;
  return root
    .findAll({
      rule: {
        any: [
          { kind: 'export_statement' },
          { kind: 'assignment_expression', has: { field: 'left', regex: '^(?:module\\.)?exports\\b' } },
        ],
      },
    })
    .some((e) =>
      e
        .findAll({
          rule: {
            any: [{ kind: 'identifier' }, { kind: 'shorthand_property_identifier' }],
            regex: exact,
          },
        })
        .some((id) => {
          const p = id.parent();
          return !(p && kindOf(p) === 'member_expression' && p.field('object')?.id() === id.id());
        }),
    );
}

/**
 * Whether `call`, in the module whose root is `root`, is a Markdown render that escapes raw HTML; `version`
 * gives the major version of a package the module's package.json asks for.
 */
export function escapingMarkdownCall(
  call: SgNode,
  root: SgNode,
  version: (pkg: string) => number | undefined,
): boolean {
  if (kindOf(call) !== 'call_expression') return false;
  const fn = call.field('function');
  if (!fn) return false;
  const object = kindOf(fn) === 'member_expression' ? fn.field('object') : fn;
  const method = kindOf(fn) === 'member_expression' ? fn.field('property')?.text() : undefined;
  if (!object || kindOf(object) !== 'identifier') return false;
  const bound = bindingOf(root, object.text());
  if (!bound) return false;
  const made = bound.value;
  // `marked` itself (required or imported, or its `marked` member), not a call made of it.
  if (bound.spec === MARKED && (method === undefined || method === 'parse'))
    return isModuleItself(made) && markedSanitizes(call, root, object.text(), version);
  if (method !== 'render' && method !== 'renderInline') return false;
  // markdown-it's module called as it is required, or `markdownit(…)` / `new MarkdownIt(…)` of a name bound to it.
  if (bound.spec === MARKDOWN_IT) return markdownItEscapes(made, root, object.text(), '');
  const lib = made.field(kindOf(made) === 'new_expression' ? 'constructor' : 'function');
  if (!lib || kindOf(lib) !== 'identifier') return false;
  const libBound = bindingOf(root, lib.text());
  return (
    libBound?.spec === MARKDOWN_IT &&
    isModuleItself(libBound.value) &&
    markdownItEscapes(made, root, object.text(), lib.text())
  );
}
