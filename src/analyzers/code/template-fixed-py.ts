/**
 * Two more values the settings stage (template-settings-py.ts) reads as the program's own text, and the
 * template loop that hands such values out one by one:
 * - a translation of fixed text, `_("…")`, `gettext_lazy("…")`, `pgettext("context", "…")`, where the module
 *   imports that name from Django's, Flask-Babel's or the standard library's translation module: the text is
 *   the program's and its translations are the package's own catalogues, as the package's other files are
 *   (template-shipped-py.ts); `ngettext` (a count chooses the form) and a name the module binds any other way
 *   are not read;
 * - a list or tuple of such values;
 * - `self.X` in a method of a class whose body binds `X` once, to such a value, when no Python file of the
 *   project binds `X` otherwise: no other class body (a subclass may override it), no `.X = …`, no `setattr`
 *   naming it, no method or property named `X`;
 * - a Jinja or Django loop variable, `{% for line in descriptions %}{{ line|safe }}`: its values are the items
 *   of the sequence the loop walks, so the output is the program's text when every value the Python gives
 *   `descriptions` is a list of it. Only the innermost loop binding the name around the output counts, over a
 *   bare template variable; any other binding of the name in the template (`{% set %}`, `{% with %}`, a macro
 *   parameter) keeps the finding.
 */
import type { SgNode } from '@ast-grep/napi';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

// The modules whose gettext family returns a catalogue's translation of its fixed argument.
const TRANSLATION_MODULE = /^(?:django\.utils\.translation|flask_babel|flask_babelex|gettext)$/;
// Functions of those modules whose every argument is message text (`pgettext`'s first is a context, also text).
const TRANSLATION_FUNCTION = /^(?:u?gettext(?:_lazy|_noop)?|lazy_gettext|pgettext(?:_lazy)?)$/;
const IMPORT_FROM = /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm;

/** The names a module binds to a translation function of a translation module (`_`, `gettext_lazy`…). */
export function translationNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(IMPORT_FROM)) {
    if (!TRANSLATION_MODULE.test(m[1]!)) continue;
    const list = m[2]!.replace(/#[^\n]*/g, '').replace(/[()\\]/g, ' ');
    for (const part of list.split(',')) {
      const p = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (p && TRANSLATION_FUNCTION.test(p[1]!)) out.add(p[2] ?? p[1]!);
    }
  }
  return out;
}

const isPlainString = (n: SgNode): boolean =>
  kindOf(n) === 'string' && !n.children().some((c) => kindOf(c) === 'interpolation');
// `'…' '…'`: literals written side by side are one literal.
const isLiteralText = (n: SgNode): boolean =>
  isPlainString(n) || (kindOf(n) === 'concatenated_string' && n.namedChildren().every(isPlainString));

/** `_("…")`: a call of a translation name (translationNames) whose arguments are all plain literals. */
export function isTranslatedText(call: SgNode, names: ReadonlySet<string>): boolean {
  if (kindOf(call) !== 'call') return false;
  const f = call.field('function');
  if (!f || kindOf(f) !== 'identifier' || !names.has(f.text())) return false;
  const args = call
    .field('arguments')
    ?.namedChildren()
    .filter((a) => kindOf(a) !== 'comment');
  return !!args && args.length > 0 && args.every(isLiteralText);
}

/** The class whose method holds `n` (`self.x` in `def get(self)` of `class V:`), or undefined. */
function methodClass(n: SgNode): SgNode | undefined {
  for (let p = n.parent(); p; p = p.parent()) {
    if (kindOf(p) !== 'function_definition') continue;
    const body = p.parent();
    const holder = body && kindOf(body) === 'block' ? body.parent() : null;
    const outer = holder && kindOf(holder) === 'decorated_definition' ? holder.parent()?.parent() : holder;
    return outer && kindOf(outer) === 'class_definition' ? outer : undefined;
  }
  return undefined;
}

/** The values a class body binds to `name` at its own level (`name = value`). */
export function classBodyValues(cls: SgNode, name: string): SgNode[] {
  const out: SgNode[] = [];
  for (const st of cls.field('body')?.namedChildren() ?? []) {
    if (kindOf(st) !== 'expression_statement') continue;
    const a = st.namedChildren()[0];
    if (!a || kindOf(a) !== 'assignment') continue;
    if (a.field('left')?.text() === name) {
      const v = a.field('right');
      if (v) out.push(v);
    }
  }
  return out;
}

/**
 * `self.X` read in a method: the class and the attribute's name, when `self` is the method's first
 * parameter's usual name and `X` a plain attribute.
 */
export function selfAttribute(v: SgNode): { cls: SgNode; name: string } | undefined {
  if (kindOf(v) !== 'attribute' || v.field('object')?.text() !== 'self') return undefined;
  const name = v.field('attribute')?.text();
  const cls = methodClass(v);
  return name && cls ? { cls, name } : undefined;
}

/**
 * Whether a module binds the attribute `name` other than by one class-body assignment whose value `fixed`
 * accepts: an attribute write `o.name = …` (also augmented or as a loop target), `setattr(o, "name", …)`, a
 * method or property `def name`, a class-body binding or a keyword argument `name=…` (`as_view(name=…)`)
 * `fixed` refuses.
 */
export function attributeBoundOtherwise(
  root: SgNode,
  text: string,
  name: string,
  fixed: (v: SgNode) => boolean,
): boolean {
  if (!text.includes(name)) return false;
  const word = `^${escapeRegex(name)}$`;
  for (const id of root.findAll({ rule: { kind: 'identifier', regex: word } })) {
    const up = id.parent();
    if (!up) continue;
    const uk = kindOf(up);
    if (uk === 'function_definition' && up.field('name')?.id() === id.id()) return true;
    // Django's `View.as_view(X=…)` sets a class attribute per instance from its keyword arguments.
    if (uk === 'keyword_argument' && up.field('name')?.id() === id.id() && !fixed(up.field('value')!))
      return true;
    if (uk === 'attribute' && up.field('attribute')?.id() === id.id()) {
      const top = up.parent();
      const tk = top ? kindOf(top) : '';
      if (
        (tk === 'assignment' || tk === 'augmented_assignment' || tk === 'for_statement') &&
        top!.field('left')?.id() === up.id()
      )
        return true;
      if (['pattern_list', 'tuple_pattern', 'list_pattern'].includes(tk)) return true;
    }
    if (uk === 'assignment' && up.field('left')?.id() === id.id()) {
      const st = up.parent();
      const body = st && kindOf(st) === 'expression_statement' ? st.parent() : null;
      const cls = body && kindOf(body) === 'block' ? body.parent() : null;
      if (cls && kindOf(cls) === 'class_definition' && !fixed(up.field('right')!)) return true;
    }
  }
  const quoted = new RegExp(`setattr\\([^,]*,\\s*(['"])${escapeRegex(name)}\\1`);
  return quoted.test(text);
}

const FOR_TAG = /\{%-?\s*(for|endfor)\b([^%]*?)-?%\}/g;
const FOR_HEAD = /^\s*([\w\s,()]+?)\s+in\s+([\s\S]+?)\s*$/;

/**
 * The sequence the innermost `{% for … %}` around `offset` walks, when that loop binds `name` alone
 * (`{% for line in descriptions %}`) over a bare variable; undefined otherwise (no loop binds it, the loop
 * unpacks, or walks an expression: `items.values()`, `a|sort`, `x.y`).
 */
export function loopSequence(text: string, offset: number, name: string): string | undefined {
  const stack: { vars: string[]; seq: string }[] = [];
  for (const m of text.matchAll(FOR_TAG)) {
    if (m.index >= offset) break;
    if (m[1] === 'endfor') {
      stack.pop();
      continue;
    }
    const head = FOR_HEAD.exec(m[2]!);
    const vars = head ? head[1]!.split(/[\s,()]+/).filter(Boolean) : [];
    stack.push({ vars, seq: head ? head[2]!.replace(/\s+recursive$/, '') : '' });
  }
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i]!;
    if (!frame.vars.includes(name)) continue;
    return frame.vars.length === 1 && /^[A-Za-z_]\w*$/.test(frame.seq) ? frame.seq : undefined;
  }
  return undefined;
}

/** The template's text without the `{% for name in … %}` heads binding `name` alone (to look for other bindings). */
export function withoutLoopHeads(text: string, name: string): string {
  const head = new RegExp(`\\{%-?\\s*for\\s+${escapeRegex(name)}\\s+in\\b[^%]*%\\}`, 'g');
  return text.replace(head, '');
}
