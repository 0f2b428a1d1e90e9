/**
 * A field of the object the page's own code makes, read where it is written as markup: `var v_tab =
 * tabs.createTab({ … })` … `el.innerHTML = '<div id="txt_' + v_tab.id + '">'`, where the application's scripts
 * define `createTab` once, returning `var v_tab = { id: p_div + '_tab' + v_index + '_' + Date.now(), … }`. A
 * page's classic scripts share globals without imports, so the one-file reading (fixed-value.ts) cannot see
 * it; here the value is read over the application's JavaScript files, by what a reviewer would check:
 *
 * - every definition of the method by that name in any of the files (a pair, a method, a function, an
 *   assignment) returns an object literal (or a name bound once to one) whose field is fixed, and nothing else
 *   in the files is given that name (no definition: not fixed);
 * - the receiver's first name is one the application's scripts declare or assign (not a library's global);
 * - a parameter of an enclosing function the field is built from (`createTabControl({ p_div })`) is fixed
 *   through every call of that function in the files, and a field of `this` (`this.tabCounter`) through the
 *   object literal the method is a member of;
 * - every assignment of a field so named in the application's own files (not vendored, generated or minified)
 *   gives a fixed value, or writes into an object the function has just made (`el = document.createElement(…);
 *   el.id = p_id`).
 *
 * A field of another such object in a value being read (`'query_result_tabs_' + v_tab.id` handed back as
 * `p_div`) is taken as fixed while it is being proven (co-inductively): the cycle adds no outside text. Not
 * seen: a computed write (`tab[key] = x`), `Object.assign(tab, data)`, and a library loaded from outside the
 * files that defines a method of the same name on the receiver.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { roleFromContent, roleFromPath } from '../../core/file-role.js';
import { appFolderOf, perScanApp } from './app-scope.js';
import { calleeDeclared } from './callee-members.js';
import { sourceForm } from './compiled-calls.js';
import { isFixedValue, returnedValues } from './fixed-value.js';
import { enclosingScope, laterValues, named } from './fixed-writes.js';
import { languageOf, scriptsUnder } from './languages.js';
import type { CodeMatch } from './matches.js';
import { isMinified, MAX_CODE_BYTES } from './minified.js';
import { FUNCTIONS, MAX_ANCESTORS, binding } from './name-binding.js';
import { escapeRegex } from './scope.js';
import { kindOf, nameDotField } from './syntax.js';
import { fieldValue, fresh, functionValue, objectOf, ownMethodCall } from './own-fields-shapes.js';

/** A field read of what a call of `method` returned; `root` is the receiver's first name (or the function's). */
export interface OwnField {
  method: string;
  field: string;
  root: string;
}

const NAME = /^[A-Za-z_$][\w$]{0,100}$/;
const FILES = { files: 4000, bytes: 64 * 1024 * 1024 };

/** `v_tab.id` where `v_tab` is bound once to `….createTab(…)` or `createTab(…)` (see the module comment). */
export function ownFieldOf(member: SgNode): OwnField | undefined {
  const parts = nameDotField(member);
  if (!parts) return undefined;
  const { obj, prop } = parts;
  const b = binding(obj, obj.text());
  if (!b || b.plain !== true || kindOf(b.node) !== 'variable_declarator') return undefined;
  const call = b.node.field('value');
  if (!call || kindOf(call) !== 'call_expression') return undefined;
  if (!b.isConst) {
    // A `var` of the same name that a nested function declares is another variable.
    const scope = enclosingScope(b.node);
    const later = laterValues(b.node, obj.text())?.filter((v) => {
      const d = v.parent();
      return !d || kindOf(d) !== 'variable_declarator' || enclosingScope(d)?.id() === scope?.id();
    });
    if (!scope || scope.kind() === 'program' || later?.length !== 0) return undefined;
  }
  const callee = call.field('function');
  if (callee && kindOf(callee) === 'identifier')
    return { method: callee.text(), field: prop.text(), root: callee.text() };
  if (!callee || kindOf(callee) !== 'member_expression') return undefined;
  const method = callee.field('property')?.text() ?? '';
  let root: SgNode | null = callee.field('object');
  for (let up = 0; root && kindOf(root) === 'member_expression' && up < MAX_ANCESTORS; up++)
    root = root.field('object');
  if (!root || kindOf(root) !== 'identifier' || !NAME.test(method)) return undefined;
  return { method, field: prop.text(), root: root.text() };
}

/**
 * The own fields `value` is fixed but for (each read as fixed while collected), or undefined when it is not
 * fixed even so, or needs none.
 */
export function fixedButOwnFields(
  value: SgNode,
  fixedCall: (call: SgNode) => boolean,
  throughCall: (call: SgNode) => boolean,
  singleAssignment: boolean,
): OwnField[] | undefined {
  const found = new Map<string, OwnField>();
  const ok = isFixedValue(value, fixedCall, throughCall, singleAssignment, undefined, (n) => {
    const f = ownFieldOf(n);
    if (f) found.set(`${f.method}\0${f.field}\0${f.root}`, f);
    return !!f;
  });
  return ok && found.size > 0 ? [...found.values()] : undefined;
}

interface Script {
  path: string;
  text: string;
  own: boolean;
  lang: NonNullable<ReturnType<typeof languageOf>>;
  root?: SgNode;
}

/** Per scan (its set of paths) and application folder: the scripts, and a verifier per rule. */
const scans = new WeakMap<ReadonlySet<string>, Map<string, Promise<Script[] | undefined>>>();
const verifiers = new WeakMap<ReadonlySet<string>, Map<string, Verifier>>();

async function loadScripts(
  ctx: Pick<AnalyzerContext, 'root' | 'paths' | 'readFile'>,
  app: string,
): Promise<Script[] | undefined> {
  const out: Script[] = [];
  let bytes = 0;
  for (const { path, name, lang } of scriptsUnder(ctx.paths, app)) {
    const text = await ctx.readFile(path);
    if (text === undefined || text.length > MAX_CODE_BYTES || isMinified(name, text)) continue;
    bytes += text.length;
    if (out.length >= FILES.files || bytes > FILES.bytes) return undefined;
    const role = roleFromPath(path);
    const own = role !== 'generated' && role !== 'vendored' && roleFromContent(text, path) === undefined;
    out.push({ path, text, own, lang });
  }
  return out;
}

const rootOf = (s: Script): SgNode => (s.root ??= parse(s.lang.lang, sourceForm(s.text)).root());
const wordIn = (text: string, word: string): boolean =>
  new RegExp(`(?:^|[^\\w$])${escapeRegex(word)}(?:[^\\w$]|$)`).test(text);

/** Proves own fields over one application's scripts, for one rule's fixed calls. */
class Verifier {
  private readonly assumed = new Set<string>();
  private readonly done = new Map<string, boolean>();

  constructor(
    private readonly scripts: Script[],
    private readonly fixedCall: (call: SgNode) => boolean,
    private readonly throughCall: (call: SgNode) => boolean,
  ) {}

  /** `check()` under the assumption `key` (a cycle through it holds); kept only when no assumption was open. */
  private proving(key: string, check: () => boolean): boolean {
    if (this.assumed.has(key)) return true;
    const known = this.done.get(key);
    if (known !== undefined) return known;
    const outermost = this.assumed.size === 0;
    this.assumed.add(key);
    let ok = false;
    try {
      ok = check();
    } finally {
      this.assumed.delete(key);
    }
    if (outermost || !ok) this.done.set(key, ok);
    return ok;
  }

  fixed(node: SgNode): boolean {
    return isFixedValue(node, this.fixedCall, this.throughCall, false, undefined, (n) => this.assume(n));
  }

  private assume(n: SgNode): boolean {
    if (kindOf(n) === 'identifier') return this.param(n);
    const f = ownFieldOf(n);
    if (f) return this.field(f);
    const obj = n.field('object');
    return !!obj && kindOf(obj) === 'this' && this.thisField(n);
  }

  private find(word: string, own = false): Script[] {
    return this.scripts.filter((s) => (!own || s.own) && s.text.includes(word) && wordIn(s.text, word));
  }

  field(f: OwnField): boolean {
    return this.proving(`field\0${f.method}\0${f.field}\0${f.root}`, () => {
      const declared = new RegExp(
        `(?:\\b(?:var|let|const|function)\\s+${escapeRegex(f.root)}\\b|(?:^|[^\\w$.])${escapeRegex(f.root)}\\s*=[^=])`,
        'm',
      );
      if (!this.find(f.root).some((s) => declared.test(s.text))) return false;
      const word = escapeRegex(f.method);
      const defs: SgNode[] = [];
      for (const s of this.find(f.method))
        for (const d of rootOf(s).findAll({
          rule: {
            any: [
              { kind: 'pair', has: { field: 'key', regex: `^['"]?${word}['"]?$` } },
              { kind: 'method_definition', has: { field: 'name', regex: `^${word}$` } },
              { kind: 'function_declaration', has: { field: 'name', regex: `^${word}$` } },
              { kind: 'variable_declarator', has: { field: 'name', regex: `^${word}$` } },
              { kind: 'assignment_expression', has: { field: 'left', regex: `(?:^|\\.)${word}$` } },
              { kind: 'shorthand_property_identifier', regex: `^${word}$` },
            ],
          },
        })) {
          const fn = functionValue(d);
          if (!fn) return false;
          defs.push(fn);
        }
      return defs.length > 0 && defs.every((fn) => this.returnsField(fn, f.field)) && this.writers(f.field);
    });
  }

  private returnsField(fn: SgNode, field: string): boolean {
    const values = returnedValues(fn);
    return (
      !!values &&
      values.every((v) => {
        const obj = objectOf(v);
        const fv = obj && fieldValue(obj, field);
        return (fv === null || (!!fv && this.fixed(fv))) && this.literalWrites(obj!, field);
      })
    );
  }

  /** Every assignment of a field named `field` in the application's own files (see the module comment). */
  private writers(field: string): boolean {
    const left = `\\.${escapeRegex(field)}$`;
    // `tab['id'] = x` is the same write.
    const keyed = `\\[\\s*['"\`]${escapeRegex(field)}['"\`]\\s*\\]$`;
    for (const s of this.find(field, true)) {
      for (const a of rootOf(s).findAll({
        rule: {
          any: [{ kind: 'assignment_expression' }, { kind: 'augmented_assignment_expression' }],
          has: { field: 'left', regex: `(?:${left})|(?:${keyed})` },
        },
      })) {
        const l = a.field('left');
        const obj = l?.field('object');
        const v = a.field('right');
        const k = l && kindOf(l);
        if (
          k !== 'subscript_expression' &&
          (k !== 'member_expression' || l?.field('property')?.text() !== field)
        )
          continue;
        if (!v || !obj || !(fresh(obj) || this.fixed(v))) return false;
      }
    }
    return true;
  }

  /** Writes of `field` into the name an object literal is bound to (`v_tab.id = reply.id; return v_tab`). */
  private literalWrites(obj: SgNode, field: string): boolean {
    const d = obj.parent();
    const name = d && kindOf(d) === 'variable_declarator' ? d.field('name')?.text() : undefined;
    if (!name) return true;
    const f = escapeRegex(field);
    const left = `^${escapeRegex(name)}(?:\\.${f}|\\[\\s*['"\`]${f}['"\`]\\s*\\])$`;
    return (enclosingScope(d!) ?? obj.getRoot().root())
      .findAll({
        rule: {
          any: [{ kind: 'assignment_expression' }, { kind: 'augmented_assignment_expression' }],
          has: { field: 'left', regex: left },
        },
      })
      .every((a) => {
        const v = a.field('right');
        return !!v && this.fixed(v);
      });
  }

  /** `this.q` in a method of an object literal: the literal's `q`, and every assignment of a field `q`. */
  private thisField(n: SgNode): boolean {
    const q = n.field('property')?.text() ?? '';
    let fn: SgNode | null = n.parent();
    for (let up = 0; fn && up < MAX_ANCESTORS; up++, fn = fn.parent())
      if (FUNCTIONS.has(kindOf(fn)) && kindOf(fn) !== 'arrow_function') break;
    const home = fn && (kindOf(fn) === 'method_definition' ? fn : fn.parent());
    const obj =
      home && (kindOf(home) === 'pair' || kindOf(home) === 'method_definition') ? home.parent() : null;
    if (!obj || kindOf(obj) !== 'object' || !NAME.test(q)) return false;
    // `this` is that object only when the method is called on it: not `.m.call(other)`, `.bind`, or `f = x.m`.
    const m = kindOf(home!) === 'pair' ? home!.field('key') : home!.field('name');
    const mname = m?.text().replace(/^(['"])(.*)\1$/, '$2') ?? '';
    if (!NAME.test(mname) || this.find(mname).some((s) => this.readAsValue(s, mname))) return false;
    // Keyed by place and text, not by node id: the trees are parsed again for each file's matches.
    const at = obj.range();
    const place = `${at.start.index}:${at.end.index}:${obj.text().slice(0, 200)}`;
    return this.proving(`this\0${place}\0${q}`, () => {
      const v = fieldValue(obj, q);
      return (
        v !== undefined && (v === null || this.fixed(v)) && this.writers(q) && this.literalWrites(obj, q)
      );
    });
  }

  /** Whether `s` reads the member `name` other than to call it or to define it (`.m.call(x)`, `f = o.m`). */
  private readAsValue(s: Script, name: string): boolean {
    return rootOf(s)
      .findAll({ rule: { kind: 'property_identifier', regex: `^${escapeRegex(name)}$` } })
      .some((p) => {
        const member = p.parent();
        if (!member || kindOf(member) !== 'member_expression') return false;
        const up = member.parent();
        if (up && kindOf(up) === 'call_expression' && up.field('function')?.id() === member.id())
          return false;
        return !(up && kindOf(up) === 'assignment_expression' && up.field('left')?.id() === member.id());
      });
  }

  /**
   * A parameter of a named function, through every call of it in the application's files; at least one (a
   * function no script calls is called from elsewhere: a page's inline handler, a server-written script).
   */
  private param(n: SgNode): boolean {
    const name = n.text();
    let fn: SgNode | null = n.parent();
    let at = -1;
    let key: string | undefined;
    let dflt: SgNode | null | undefined;
    for (let up = 0; fn && up < MAX_ANCESTORS; up++, fn = fn.parent()) {
      if (!FUNCTIONS.has(kindOf(fn))) continue;
      const params = named(fn.field('parameters')).filter((p) => kindOf(p) !== 'comment');
      at = params.findIndex((p) => p.text() === name);
      if (at < 0)
        at = params.findIndex((p) => {
          if (kindOf(p) !== 'object_pattern') return false;
          for (const c of named(p)) {
            if (kindOf(c) === 'shorthand_property_identifier_pattern' && c.text() === name) key = name;
            else if (kindOf(c) === 'object_assignment_pattern' && c.field('left')?.text() === name) {
              key = name;
              dflt = c.field('right');
            }
          }
          return key !== undefined;
        });
      if (at >= 0 || wordIn(fn.field('parameters')?.text() ?? '', name)) break;
    }
    if (!fn || at < 0 || kindOf(fn) !== 'function_declaration') return false;
    const fname = fn.field('name')?.text() ?? '';
    const body = fn.field('body');
    if (!NAME.test(fname) || !body) return false;
    const written = body.find({
      rule: { kind: 'assignment_expression', has: { field: 'left', regex: `^${escapeRegex(name)}$` } },
    });
    if (written || (dflt && !this.fixed(dflt))) return false;
    let calls = 0;
    return this.proving(`param\0${fname}\0${at}\0${name}`, () => {
      calls = 0;
      const every = this.find(fname).every((s) =>
        rootOf(s)
          // Also as a property (`window.createTabControl(x)`, `{ createTabControl }`): a call not read here.
          .findAll({
            rule: {
              any: [
                { kind: 'identifier' },
                { kind: 'property_identifier' },
                { kind: 'shorthand_property_identifier' },
              ],
              regex: `^${escapeRegex(fname)}$`,
            },
          })
          .every((ref) => {
            if (kindOf(ref) === 'property_identifier') return ownMethodCall(ref);
            const call = ref.parent();
            if (call?.field('name')?.id() === ref.id()) return kindOf(call) === 'function_declaration';
            if (!call || kindOf(call) !== 'call_expression' || call.field('function')?.id() !== ref.id())
              return false;
            calls++;
            const args = named(call.field('arguments')).filter((a) => kindOf(a) !== 'comment');
            if (args.some((a) => kindOf(a) === 'spread_element')) return false;
            const arg = args[at];
            if (!arg) return true;
            if (key === undefined) return this.fixed(arg);
            // A fixed value that is not an object literal (`createTabControl('tabs_' + id)`, an old signature)
            // gives the destructured name a fixed field or undefined.
            if (kindOf(arg) !== 'object') return this.fixed(arg);
            const v = fieldValue(arg, key);
            return v === null || (!!v && this.fixed(v));
          }),
      );
      return every && calls > 0;
    });
  }
}

/** `matches` without those whose value is fixed but for own fields this application's scripts prove fixed. */
export async function dropOwnFields(
  matches: CodeMatch[],
  file: SourceFile,
  ctx: Pick<AnalyzerContext, 'root' | 'paths' | 'readFile'>,
): Promise<CodeMatch[]> {
  const pending = matches.filter((m) => m.ownFields !== undefined && m.rule.unlessFixed);
  if (pending.length === 0) return matches;
  const app = appFolderOf(file.path, ctx.paths);
  const scripts = await perScanApp(scans, ctx.paths, app, () => loadScripts(ctx, app));
  if (!scripts) return matches;
  const drop = new Set<CodeMatch>();
  for (const m of pending) {
    const fx = m.rule.unlessFixed!;
    const vkey = `${app}\0${m.rule.id}`;
    let byRule = verifiers.get(ctx.paths);
    if (!byRule) verifiers.set(ctx.paths, (byRule = new Map<string, Verifier>()));
    let v = byRule.get(vkey);
    if (!v) {
      v = new Verifier(
        scripts,
        (call) => fx.calls.some((c) => call.matches(c)) || calleeDeclared(call, fx.callees),
        (call) => fx.through.some((c) => call.matches(c)),
      );
      byRule.set(vkey, v);
    }
    const verifier = v;
    if (m.ownFields!.every((f) => verifier.field(f))) drop.add(m);
  }
  // The parsed trees are not kept from one file's matches to the next (a large application's trees would stay
  // in memory for the whole scan); the texts and the verifiers' answers are.
  for (const sc of scripts) sc.root = undefined;
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}
