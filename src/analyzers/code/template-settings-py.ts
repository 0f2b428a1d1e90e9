/**
 * A Jinja or Django template's `{{ name|safe }}` where every value the project's Python gives the template
 * variable `name` is the operator's configuration: Tornado's application settings (`self.settings["x"]` in a
 * module that imports tornado), Flask's `app.config["X"]`/`current_app.config["X"]` (a module that imports
 * flask), Django's `settings.X` (a module that imports `django.conf.settings`), read under a fixed key, or fixed
 * text. What passes the variable is found by its name wherever the Python names it: a keyword argument
 * (`render_template("admin.html", api_page_limit=self.settings["api_page_default_limit"])`, `dict(name=…)`), a
 * dict key (`{"name": …}`), a subscript write (`ns["name"] = …`) or `setattr(o, "name", …)`; at least one must be
 * seen, and every one must be configuration, text the package ships (its own files read from its folder:
 * template-shipped-py.ts) or translated fixed text, a list of it, a class attribute bound only to it
 * (template-fixed-py.ts, which also decides a loop variable by the sequence it walks). Markup a deployment configures is HTML by design, written by
 * whoever can already change the server's settings (a banner, a login page's extra markup). The finding stays
 * when any template binds the name itself (`{% set %}`, `{% for %}`, `{% with %}`, a macro's parameter, an
 * import), when any other use of the name as a string could give it a value (`ns.setdefault("name", v)`), and
 * when a module that assigns a local of that name passes `locals()` or `vars()` anywhere. A per-user or
 * per-object settings object (`user.settings["signature"]`) is data, not configuration, and so is a setting
 * read with a default that is not configuration (`.get("X", request.args.get("x"))`) or one a module writes
 * from anything else (`self.settings["banner"] = self.get_body_argument("t")`, `app.config.update(X=…)`,
 * `setattr(settings, "X", …)`), and none is when a request-reading function anywhere writes the configuration
 * under names it computes (settingsWrittenByRequest: `app.config[k] = v` over `request.form`). A
 * template tag giving the name a value (`{% include "x.html" with name=… %}`, `{% with … as name %}`) keeps it.
 * Nothing is left out when a request-reading function may give templates names by keys it computes (a mapping
 * spliced, merged or written under a computed key: template-splice-py.ts). What it gives up: such a mapping
 * built where the request is not read, and JavaScript code rendering the same template.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';
import {
  attributeBoundOtherwise,
  classBodyValues,
  isTranslatedText,
  loopSequence,
  selfAttribute,
  translationNames,
  withoutLoopHeads,
} from './template-fixed-py.js';
import { ownFolderNames, shippedText, writesOwnFolder } from './template-shipped-py.js';
import { safeOutputsToReview } from './template-escaped-items.js';
import type { Corpus } from './template-escaped-items.js';
import { lineStarts, withoutOutputsAt } from './templates.js';
import { REQUEST_TEXT, requestSplice } from './template-splice-py.js';

const NAME = /^[A-Za-z_]\w*$/;
const FIXED = new Set(['integer', 'float', 'true', 'false', 'none']);

/** The configuration objects a module may read, by what it imports. */
function configObjects(text: string): Set<string> {
  const out = new Set<string>();
  if (/^\s*(?:from\s+tornado\b|import\s+tornado\b)/m.test(text))
    out.add('self.settings').add('self.application.settings');
  if (/^\s*(?:from\s+flask\b|import\s+flask\b)/m.test(text))
    out.add('app.config').add('current_app.config').add('flask.current_app.config');
  if (/^\s*from\s+django\.conf\s+import\s+(?:[^\n]*,\s*)?settings\b/m.test(text)) out.add('settings');
  if (/^\s*import\s+django\.conf\b/m.test(text)) out.add('django.conf.settings');
  return out;
}

/**
 * The names a module may write its configuration through: configObjects, the Flask application bound or
 * imported under another name (`application = Flask(__name__)`, `from .views import app as application`),
 * Django's settings imported as another name, and a local bound to one of them (`config = current_app.config`).
 * Only writes are read through these: a read must still name the object itself.
 */
function writtenObjects(text: string): Set<string> {
  const out = configObjects(text);
  if (out.size === 0) return out;
  if (out.has('app.config'))
    for (const m of text.matchAll(
      /^[ \t]*(\w+)[ \t]*=[ \t]*(?:flask\.)?Flask\(|\bimport\b[^\n]*?\bapp\s+as\s+(\w+)/gm,
    ))
      out.add(`${m[1] ?? m[2]}.config`);
  if (out.has('settings'))
    for (const m of text.matchAll(/^\s*from\s+django\.conf\s+import\b[^\n]*?\bsettings\s+as\s+(\w+)/gm))
      out.add(m[1]!);
  for (let grew = true; grew;) {
    grew = false;
    for (const m of text.matchAll(/^[ \t]*(\w+)[ \t]*=[ \t]*([\w.]+)[ \t]*(?:#.*)?$/gm))
      if (out.has(m[2]!) && !out.has(m[1]!)) {
        out.add(m[1]!);
        grew = true;
      }
  }
  return out;
}

const isPlainString = (n: SgNode): boolean =>
  kindOf(n) === 'string' && !n.children().some((c) => kindOf(c) === 'interpolation');

/** The text of a plain string literal without its quotes and prefix, or undefined. */
function stringValue(n: SgNode): string | undefined {
  if (!isPlainString(n)) return undefined;
  const m = /^[rRuUbB]*(['"]{1,3})([\s\S]*)\1$/.exec(n.text());
  return m?.[2];
}

/**
 * What else a module's values may be read through (template-fixed-py.ts): the names it imports for
 * translation, and whether the project binds a class attribute only to fixed text.
 */
interface Fixed {
  translations: ReadonlySet<string>;
  classAttribute: (name: string) => boolean;
  /** Whether the package's own files count as its text: not when the project writes into its folder. */
  shipped: boolean;
}

/**
 * Fixed text (also translated, a list or tuple of it, a class attribute bound only to it), or a read of a
 * configuration object under a fixed key (see the module comment).
 */
function configured(v: SgNode, objects: ReadonlySet<string>, keys?: Set<string>, fx?: Fixed): boolean {
  const k = kindOf(v);
  if (FIXED.has(k) || isPlainString(v)) return true;
  if (k === 'concatenated_string') return v.namedChildren().every(isPlainString);
  if (k === 'parenthesized_expression' || k === 'list' || k === 'tuple')
    return v
      .namedChildren()
      .filter((c) => kindOf(c) !== 'comment')
      .every((c) => configured(c, objects, keys, fx));
  if (fx && isTranslatedText(v, fx.translations)) return true;
  const own = fx ? selfAttribute(v) : undefined;
  if (own) {
    const values = classBodyValues(own.cls, own.name);
    if (values.length === 1 && configured(values[0]!, objects, keys, fx) && fx!.classAttribute(own.name))
      return true;
  }
  if (k === 'subscript') {
    const key = v.field('subscript');
    const ok = objects.has(v.field('value')?.text() ?? '') && !!key && isPlainString(key);
    if (ok) keys?.add(stringValue(key)!);
    return ok;
  }
  if (k === 'call') {
    const f = v.field('function');
    const [first, ...rest] = v.field('arguments')?.namedChildren() ?? [];
    // `.get("KEY", default)`: the default is the value while the setting is unset, so it must be configured too
    // (`.get("NOTICE", request.args.get("notice"))` gives the request's text by default).
    const ok =
      !!f &&
      kindOf(f) === 'attribute' &&
      f.field('attribute')?.text() === 'get' &&
      objects.has(f.field('object')?.text() ?? '') &&
      !!first &&
      isPlainString(first) &&
      rest.every((a) => kindOf(a) !== 'comment' && configured(a, objects, keys));
    if (ok) keys?.add(stringValue(first)!);
    return ok || ((fx?.shipped ?? true) && shippedText(v));
  }
  // Django's `settings.BANNER_HTML`: an upper-case setting of the settings module.
  const attr = v.field('attribute')?.text() ?? '';
  const ok =
    k === 'attribute' && objects.has(v.field('object')?.text() ?? '') && /^[A-Z][A-Z0-9_]*$/.test(attr);
  if (ok) keys?.add(attr);
  // Text the package ships (its own stylesheet inlined in a report) is the program's, as fixed text is.
  return ok || ((fx?.shipped ?? true) && shippedText(v));
}

/**
 * What one module gives the template variable `name`: 'none' (it names it nowhere a value could be given),
 * 'config' (every value it gives is configuration, at least one), or 'other'.
 */
function moduleWrites(
  root: SgNode,
  text: string,
  name: string,
  keys: Set<string>,
  fx: Fixed,
): 'none' | 'config' | 'other' {
  const objects = configObjects(text);
  let seen = false;
  const word = `^${escapeRegex(name)}$`;
  for (const id of root.findAll({ rule: { kind: 'identifier', regex: word } })) {
    const up = id.parent();
    if (up && kindOf(up) === 'keyword_argument' && up.field('name')?.id() === id.id()) {
      const v = up.field('value');
      if (!v || !configured(v, objects, keys, fx)) return 'other';
      seen = true;
    }
  }
  // A local of that name in a module that hands its locals to something (`render(…, locals())`).
  if (
    /\b(?:locals|vars)\(\s*\)/.test(text) &&
    new RegExp(`(?:^|[^\\w.])${escapeRegex(name)}\\s*=`).test(text)
  )
    return 'other';
  for (const s of root.findAll({ rule: { kind: 'string' } })) {
    if (stringValue(s) !== name) continue;
    const up = s.parent();
    const uk = up ? kindOf(up) : '';
    if (uk === 'pair' && up!.field('key')?.id() === s.id()) {
      const v = up!.field('value');
      if (!v || !configured(v, objects, keys, fx)) return 'other';
      seen = true;
    } else if (uk === 'subscript' && up!.field('subscript')?.id() === s.id()) {
      const assign = up!.parent();
      if (assign && kindOf(assign) === 'assignment' && assign.field('left')?.id() === up!.id()) {
        const v = assign.field('right');
        if (!v || !configured(v, objects, keys, fx)) return 'other';
        seen = true;
      } else if (assign && ['augmented_assignment', 'pattern_list', 'tuple_pattern'].includes(kindOf(assign)))
        return 'other';
    } else if (uk === 'argument_list') {
      const call = up!.parent();
      const callee = call?.field('function');
      const args = up!.namedChildren();
      if (callee?.text() === 'setattr' && args[1]?.id() === s.id()) {
        const v = args[2];
        if (!v || !configured(v, objects, keys, fx)) return 'other';
        seen = true;
      } else if (!(callee && kindOf(callee) === 'attribute' && callee.field('attribute')?.text() === 'get'))
        return 'other';
    } else if (uk !== 'comparison_operator') return 'other';
  }
  return seen ? 'config' : 'none';
}

/**
 * Whether a template binds `name` itself: `{% set %}`, a loop variable, a macro parameter, an import, or any tag
 * that gives it a value by `name=` or `as name` (`{% with %}`, Django's `{% include "x.html" with name=… %}`,
 * `{% with request.GET.x as name %}`, `{% url … as name %}`, `{% blocktrans with name=… %}`).
 */
function boundInTemplate(text: string, name: string): boolean {
  if (!text.includes(name)) return false;
  const n = escapeRegex(name);
  return new RegExp(
    String.raw`\{%-?\s*(?:set\s+(?:[\w\s,]*,\s*)?${n}\b|for\s+(?:[\w\s,()]*[\s,(])?${n}\b[\w\s,()]*\bin\b|macro\s+\w+\s*\([^)]*\b${n}\b|(?:import|from)\b[^%]*\b${n}\b|[^%]*?(?:[^\w.]${n}\s*=(?!=)|\bas\s+${n}\b))`,
  ).test(text);
}

/**
 * Whether a module writes the setting `key` of one of its configuration objects from anything but configuration:
 * `self.settings["banner_html"] = self.get_body_argument("text")`, `app.config.update(MOTD=request.form["t"])`,
 * `settings.BANNER = …`, or an `update` of the object from the request. A setting a handler writes at run time
 * from what a user sent is that user's text, whatever the reads of it look like.
 */
function writtenOtherwise(root: SgNode, text: string, key: string): boolean {
  const objects = writtenObjects(text);
  if (objects.size === 0) return false;
  const isObject = (n: SgNode | null): boolean => !!n && objects.has(n.text());
  for (const a of root.findAll({
    rule: { any: [{ kind: 'assignment' }, { kind: 'augmented_assignment' }] },
  })) {
    const left = a.field('left');
    if (!left) continue;
    const lk = kindOf(left);
    const hit =
      (lk === 'subscript' &&
        isObject(left.field('value')) &&
        stringValue(left.field('subscript')!) === key) ||
      (lk === 'attribute' && isObject(left.field('object')) && left.field('attribute')?.text() === key);
    if (!hit) continue;
    const right = a.field('right');
    if (kindOf(a) === 'augmented_assignment' || !right || !configured(right, objects)) return true;
  }
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const f = call.field('function');
    // `setattr(settings, "BANNER_HTML", v)`: the attribute write in another form.
    if (f?.text() === 'setattr') {
      const [obj, name, value] = call.field('arguments')?.namedChildren() ?? [];
      if (
        isObject(obj ?? null) &&
        name &&
        stringValue(name) === key &&
        !(value && configured(value, objects))
      )
        return true;
      continue;
    }
    if (!f || kindOf(f) !== 'attribute' || !isObject(f.field('object'))) continue;
    const method = f.field('attribute')?.text();
    const args = call.field('arguments')?.namedChildren() ?? [];
    if (method === 'setdefault') {
      if (args[0] && stringValue(args[0]) === key && !(args[1] && configured(args[1], objects))) return true;
    } else if (method === 'update' || method === 'from_mapping') {
      for (const arg of args) {
        const ak = kindOf(arg);
        if (ak === 'keyword_argument') {
          if (arg.field('name')?.text() === key && !configured(arg.field('value')!, objects)) return true;
        } else if (ak === 'dictionary') {
          for (const pair of arg.namedChildren())
            if (
              kindOf(pair) === 'pair' &&
              stringValue(pair.field('key')!) === key &&
              !configured(pair.field('value')!, objects)
            )
              return true;
        } else if (REQUEST_TEXT.test(arg.text())) return true;
      }
    }
  }
  return false;
}

/**
 * Whether a function of the module that reads the request writes its configuration under names the program
 * does not spell: a computed key (`app.config[key] = value` in a loop over `request.form`), `setattr(settings,
 * name, value)` with a computed name, or a merge of a mapping whose keys are not all literals
 * (`app.config.update(data)`, `from_mapping(**data)`, `self.settings |= data`, `setdefault(k, v)`). Every setting
 * may then hold what a user sent, so no read of one is the operator's alone. A write outside such a function
 * (defaults filled from the environment at start-up) does not count.
 */
export function settingsWrittenByRequest(root: SgNode, text: string): boolean {
  const objects = writtenObjects(text);
  if (objects.size === 0) return false;
  const isObject = (n: SgNode | null | undefined): boolean => !!n && objects.has(n.text());
  const literalKeyed = (a: SgNode): boolean =>
    kindOf(a) === 'keyword_argument' ||
    (kindOf(a) === 'dictionary' &&
      a
        .namedChildren()
        .every((p) => kindOf(p) === 'comment' || (kindOf(p) === 'pair' && isPlainString(p.field('key')!))));
  for (const fn of root.findAll({ rule: { kind: 'function_definition' } })) {
    if (!REQUEST_TEXT.test(fn.text())) continue;
    for (const a of fn.findAll({
      rule: { any: [{ kind: 'assignment' }, { kind: 'augmented_assignment' }] },
    })) {
      const left = a.field('left');
      if (!left) continue;
      if (kindOf(a) === 'augmented_assignment' && isObject(left)) return true;
      const key = kindOf(left) === 'subscript' ? left.field('subscript') : undefined;
      if (key && isObject(left.field('value')) && !isPlainString(key)) return true;
    }
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      const f = call.field('function');
      const args = (call.field('arguments')?.namedChildren() ?? []).filter((x) => kindOf(x) !== 'comment');
      if (f?.text() === 'setattr') {
        if (isObject(args[0]) && args[1] && !isPlainString(args[1])) return true;
        continue;
      }
      if (!f || kindOf(f) !== 'attribute' || !isObject(f.field('object'))) continue;
      const method = f.field('attribute')?.text();
      if ((method === 'update' || method === 'from_mapping') && !args.every(literalKeyed)) return true;
      if (method === 'setdefault' && args[0] && !isPlainString(args[0])) return true;
    }
  }
  return false;
}

// Per scan's corpus: each name already decided, shared by all its templates; each module parsed once.
const decided = new WeakMap<Corpus, Map<string, boolean>>();
const roots = new WeakMap<Corpus, Map<string, SgNode>>();

function rootOf(c: Corpus, path: string, text: string): SgNode {
  let m = roots.get(c);
  if (!m) roots.set(c, (m = new Map<string, SgNode>()));
  let r = m.get(path);
  if (!r) m.set(path, (r = parse('python', text).root()));
  return r;
}

// Per scan's corpus: whether some module writes a file into a module's own folder (template-shipped-py.ts).
const written = new WeakMap<Corpus, boolean>();
const WRITES =
  /\b(?:open|save|write_text|write_bytes|touch|copy2?|copyfile|copytree|move|rename|replace|link|symlink(?:_to)?|hardlink_to)\(/;

function packageWritten(c: Corpus): boolean {
  let w = written.get(c);
  if (w === undefined) {
    const names = ownFolderNames(c.python.values());
    const word = new RegExp(`\\b(?:${[...names].map(escapeRegex).join('|')})\\b`);
    w = [...c.python].some(
      ([path, text]) => WRITES.test(text) && word.test(text) && writesOwnFolder(rootOf(c, path, text), names),
    );
    written.set(c, w);
  }
  return w;
}

// Per scan's corpus: each class attribute already decided (see classAttributeFixed).
const attributes = new WeakMap<Corpus, Map<string, boolean>>();

/**
 * Whether no Python file of the project binds the attribute `name` other than by a class-body assignment of
 * fixed text (template-fixed-py.ts's attributeBoundOtherwise): a subclass's override, a write, a property.
 */
function classAttributeFixed(c: Corpus, name: string): boolean {
  let m = attributes.get(c);
  if (!m) attributes.set(c, (m = new Map<string, boolean>()));
  let ok = m.get(name);
  if (ok !== undefined) return ok;
  m.set(name, false); // a class attribute defined through itself is not read
  ok = true;
  for (const [path, text] of c.python) {
    if (!text.includes(name)) continue;
    const objects = configObjects(text);
    const fx: Fixed = {
      translations: translationNames(text),
      classAttribute: () => false,
      shipped: !packageWritten(c),
    };
    if (
      attributeBoundOtherwise(rootOf(c, path, text), text, name, (v) => configured(v, objects, undefined, fx))
    ) {
      ok = false;
      break;
    }
  }
  m.set(name, ok);
  return ok;
}

// Per scan's corpus: whether some module may give a template any name from the request (template-splice-py.ts).
const spliced = new WeakMap<Corpus, boolean>();
// Per scan's corpus: whether some request-reading function writes settings under computed names.
const settingsWritten = new WeakMap<Corpus, boolean>();

function settingsFromRequest(c: Corpus): boolean {
  let w = settingsWritten.get(c);
  if (w === undefined) {
    w = [...c.python].some(
      ([path, text]) => REQUEST_TEXT.test(text) && settingsWrittenByRequest(rootOf(c, path, text), text),
    );
    settingsWritten.set(c, w);
  }
  return w;
}

function requestSpliced(c: Corpus): boolean {
  let s = spliced.get(c);
  if (s === undefined) {
    s = [...c.python].some(([path, text]) => {
      if (
        !REQUEST_TEXT.test(text) ||
        (!text.includes('**') && !/\.(?:update|setdefault)\(|\[[^\]'"]+\]\s*=/.test(text))
      )
        return false;
      const objects = configObjects(text);
      return requestSplice(rootOf(c, path, text), (v) => configured(v, objects));
    });
    spliced.set(c, s);
  }
  return s;
}

function settingsOnly(c: Corpus, name: string): boolean {
  if ([...c.templates.values()].some((t) => boundInTemplate(t, name))) return false;
  let seen = false;
  const keys = new Set<string>();
  for (const [path, text] of c.python) {
    if (!text.includes(name)) continue;
    const fx: Fixed = {
      translations: translationNames(text),
      classAttribute: (attr) => classAttributeFixed(c, attr),
      shipped: !packageWritten(c),
    };
    const w = moduleWrites(rootOf(c, path, text), text, name, keys, fx);
    if (w === 'other') return false;
    if (w === 'config') seen = true;
  }
  if (!seen || requestSpliced(c)) return false;
  if (keys.size > 0 && settingsFromRequest(c)) return false;
  // Every setting read must be one no handler writes from elsewhere (see writtenOtherwise).
  for (const key of keys)
    for (const [path, text] of c.python)
      if (text.includes(key) && writtenOtherwise(rootOf(c, path, text), text, key)) return false;
  return true;
}

/**
 * `findings` of a Jinja or Django template without the unescaped outputs of a variable that the project's
 * Python only ever gives the operator's configuration or the program's own text (see the module comment), or
 * of a loop variable walking such a variable (`{% for line in descriptions %}`, template-fixed-py.ts). A
 * finding stands for every output of its expression in the file (byExpression), so an output is dropped only
 * when all the outputs of its expression are.
 */
export async function withoutSettingsValues(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  const review = await safeOutputsToReview(findings, file, ctx, NAME, true);
  if (!review) return findings;
  const { outputs, corpus: c } = review;
  let known = decided.get(c);
  if (!known) decided.set(c, (known = new Map<string, boolean>()));
  const starts = lineStarts(file.text);
  const cleared = (o: (typeof outputs)[number]): boolean => {
    const offset = (starts[o.line - 1] ?? 0) + o.column - 1;
    const seq = loopSequence(file.text, offset, o.expr);
    // A loop variable is decided by the sequence it walks, unless the template binds the name otherwise too.
    const key =
      seq !== undefined && !boundInTemplate(withoutLoopHeads(file.text, o.expr), o.expr) ? seq : o.expr;
    let ok = known.get(key);
    if (ok === undefined) known.set(key, (ok = settingsOnly(c, key)));
    return ok;
  };
  const verdicts = outputs.map((o) => ({ o, ok: cleared(o) }));
  const dropped = verdicts
    .filter(({ o, ok }) => ok && verdicts.every((w) => w.o.expr !== o.expr || w.ok))
    .map(({ o }) => o);
  return withoutOutputsAt(findings, dropped);
}
