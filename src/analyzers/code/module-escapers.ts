/**
 * A value that is a call of another module's helper which escapes its one argument first
 * (`$('<pre/>').html(utils.fixConsole(text))`, where an AMD module `define(['base/js/utils'], function (utils) …)`
 * is handed the module whose `fixConsole(txt)` begins `txt = _.escape(txt)`): the helper gives back text whose
 * every character from the caller passed through an escaper the rule counts as fixed, then only what the
 * helper's own code adds. The helper's name says nothing (so the rule's name-based escaper list misses it);
 * its module, read through the core like every cross-file read, does.
 *
 * The engine (sync, one file) notes the module and member at a reported match (`moduleCallOf`); the drop runs
 * after, where other modules can be read (`dropModuleEscaped`).
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { posix } from 'node:path';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import { sourceForm } from './compiled-calls.js';
import { languageOf } from './languages.js';
import type { CodeMatch } from './matches.js';
import { FUNCTIONS, MAX_ANCESTORS } from './name-binding.js';
import { kindOf } from './syntax.js';

/** An AMD module id (as `define`/`require` name it) and the member of its module object a value calls. */
export interface ModuleCall {
  id: string;
  member: string;
}

const AMD_CALLEE = /^(?:define|require|requirejs)$/;

function stringText(n: SgNode | undefined): string | undefined {
  if (!n || kindOf(n) !== 'string') return undefined;
  const t = n.text();
  return t.length >= 2 ? t.slice(1, -1) : undefined;
}

/**
 * The module id an AMD factory's parameter `name` is handed, when `fn` is that factory: the function given
 * last to a top-level `define` or AMD `require` call after its dependency array, which holds a string at
 * the parameter's position. A factory that gives the parameter another value is not one.
 */
function amdModuleOf(fn: SgNode, name: string): string | undefined {
  if (kindOf(fn) !== 'function_expression') return undefined;
  const args = fn.parent();
  const call = args?.parent();
  if (!args || kindOf(args) !== 'arguments' || !call || kindOf(call) !== 'call_expression') return undefined;
  if (!AMD_CALLEE.test(call.field('function')?.text() ?? '')) return undefined;
  const given = args.namedChildren().filter((c) => kindOf(c) !== 'comment');
  if (given[given.length - 1]?.id() !== fn.id()) return undefined;
  const deps = given[given.length - 2];
  if (!deps || kindOf(deps) !== 'array') return undefined;
  const params = (fn.field('parameters')?.namedChildren() ?? []).filter((c) => kindOf(c) !== 'comment');
  const at = params.findIndex((p) => kindOf(p) === 'identifier' && p.text() === name);
  if (at < 0 || params.some((p) => kindOf(p) !== 'identifier')) return undefined;
  const body = fn.field('body')?.text() ?? '';
  const escaped = name.replace(/\$/g, '\\$');
  if (new RegExp(`(?:^|[^\\w$.])${escaped}\\s*(?:[-+*/|&]?=(?!=)|\\+\\+|--)`).test(body)) return undefined;
  const items = deps.namedChildren().filter((c) => kindOf(c) !== 'comment');
  return stringText(items[at]);
}

/**
 * The AMD module and member `value` calls when it is one call `mod.member(arg)` (one argument) of a name an
 * AMD factory was handed; undefined otherwise (a local, an import, anything else).
 */
export function moduleCallOf(value: SgNode): ModuleCall | undefined {
  if (kindOf(value) !== 'call_expression') return undefined;
  const callee = value.field('function');
  const args = (value.field('arguments')?.namedChildren() ?? []).filter((c) => kindOf(c) !== 'comment');
  if (!callee || kindOf(callee) !== 'member_expression' || args.length !== 1) return undefined;
  const object = callee.field('object');
  const member = callee.field('property')?.text();
  if (!object || kindOf(object) !== 'identifier' || !member) return undefined;
  const name = object.text();
  const word = new RegExp(`(?:^|[^\\w$])${name.replace(/\$/g, '\\$')}(?:[^\\w$]|$)`);
  let up = 0;
  for (let scope = value.parent(); scope && up++ < MAX_ANCESTORS; scope = scope.parent()) {
    const k = kindOf(scope);
    if (FUNCTIONS.has(k)) {
      const head = scope.field('parameters') ?? scope.field('parameter');
      if (head && word.test(head.text())) {
        const id = amdModuleOf(scope, name);
        return id === undefined ? undefined : { id, member };
      }
    }
    // A nearer declaration of the name (`var utils = …`) is not the factory's parameter.
    for (const child of scope.children()) {
      const ck = kindOf(child);
      if (
        (ck === 'lexical_declaration' || ck === 'variable_declaration' || ck === 'function_declaration') &&
        child.children().some((d) => (d.field('name') ?? d).text() === name)
      )
        return undefined;
    }
  }
  return undefined;
}

/** The path of AMD module `id` seen from `from`: relative to it (`./x`), else the one tree file ending in it. */
function amdPath(from: string, id: string, paths: ReadonlySet<string>): string | undefined {
  if (/^\.\.?\//.test(id)) {
    const p = posix.normalize(posix.join(posix.dirname(from), `${id}.js`));
    return paths.has(p) ? p : undefined;
  }
  if (!/^[\w$.-]+(?:\/[\w$.-]+)+$/.test(id)) return undefined;
  const tail = `/${id}.js`;
  let found: string | undefined;
  for (const p of paths) {
    if (p !== `${id}.js` && !p.endsWith(tail)) continue;
    if (found !== undefined) return undefined;
    found = p;
  }
  return found;
}

/** The statements of `block`, comments left out. */
function statements(block: SgNode | null | undefined): SgNode[] {
  return (block?.namedChildren() ?? []).filter((c) => kindOf(c) !== 'comment');
}

/** In a factory's `body`: the function that the object it returns gives under `member`. */
function factoryMember(body: SgNode, member: string): SgNode | undefined {
  const own = statements(body);
  const ret = own.filter((s) => kindOf(s) === 'return_statement').pop();
  let object = ret?.namedChildren()[0];
  const local = (name: string, kinds: readonly string[]): SgNode | undefined => {
    for (const s of own) {
      const k = kindOf(s);
      if (k === 'function_declaration' && kinds.includes(k) && s.field('name')?.text() === name) return s;
      if (k !== 'variable_declaration' && k !== 'lexical_declaration') continue;
      for (const d of s.namedChildren())
        if (kindOf(d) === 'variable_declarator' && d.field('name')?.text() === name) {
          const v = d.field('value');
          if (v && kinds.includes(kindOf(v))) return v;
        }
    }
    return undefined;
  };
  if (object && kindOf(object) === 'identifier') object = local(object.text(), ['object']);
  if (!object || kindOf(object) !== 'object') return undefined;
  for (const p of object.namedChildren()) {
    const pk = kindOf(p);
    if (pk === 'shorthand_property_identifier' && p.text() === member)
      return local(member, ['function_declaration', 'function_expression']);
    if (
      pk !== 'pair' ||
      p
        .field('key')
        ?.text()
        .replace(/^['"]|['"]$/g, '') !== member
    )
      continue;
    const v = p.field('value');
    if (!v) return undefined;
    if (kindOf(v) === 'function_expression') return v;
    return kindOf(v) === 'identifier'
      ? local(v.text(), ['function_declaration', 'function_expression'])
      : undefined;
  }
  return undefined;
}

const ESCAPER = /(?:^|\.)[\w$]*(?:escape|Escape|sanitiz|Sanitiz|encode|Encode|filterXSS)[\w$]*$/;
// After escaping, a helper that gives the markup back (an entity turned into `<`, a decoder) undoes it.
const UNDOES = /unescape|decode|&lt;|&#0*60;|&#x0*3c;|innerText|textContent/i;

/**
 * Whether `fn` has one parameter and begins by replacing it with (or returning) a call `escapes` accepts that
 * is given the parameter: `function fixConsole(txt) { txt = _.escape(txt); … return txt; }`.
 */
export function escapesFirst(fn: SgNode, escapes: (call: SgNode) => boolean): boolean {
  const params = (fn.field('parameters')?.namedChildren() ?? []).filter((c) => kindOf(c) !== 'comment');
  const param = params[0];
  if (params.length !== 1 || !param || kindOf(param) !== 'identifier') return false;
  const body = fn.field('body');
  const first = statements(body)[0];
  if (!body || !first || UNDOES.test(body.text())) return false;
  const name = param.text();
  let call: SgNode | undefined;
  if (kindOf(first) === 'return_statement') call = first.namedChildren()[0];
  else if (kindOf(first) === 'expression_statement') {
    const a = first.namedChildren()[0];
    if (a && kindOf(a) === 'assignment_expression' && a.field('left')?.text() === name)
      call = a.field('right') ?? undefined;
  }
  // An escaper by its name as well as by the rule's fixed calls (which also hold translations and renders).
  const callee = call && kindOf(call) === 'call_expression' ? (call.field('function')?.text() ?? '') : '';
  if (!call || !ESCAPER.test(callee) || !escapes(call)) return false;
  const args = (call.field('arguments')?.namedChildren() ?? []).filter((c) => kindOf(c) !== 'comment');
  return args.length >= 1 && args[0]?.text() === name;
}

/** `matches` without those whose value is a call of another module's helper that escapes first. */
export async function dropModuleEscaped(
  matches: CodeMatch[],
  file: SourceFile,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<CodeMatch[]> {
  const pending = matches.filter(
    (m) => m.moduleCall !== undefined && m.path === undefined && m.rule.unlessFixed,
  );
  if (pending.length === 0) return matches;
  const roots = new Map<string, Promise<SgNode | undefined>>();
  const rootOf = (path: string): Promise<SgNode | undefined> => {
    let r = roots.get(path);
    if (!r) {
      r = ctx.readFile(path).then((text) => {
        const l = languageOf(path.slice(path.lastIndexOf('.') + 1));
        return text !== undefined && l && l.family !== 'python'
          ? parse(l.lang, sourceForm(text)).root()
          : undefined;
      });
      roots.set(path, r);
    }
    return r;
  };
  const drop = new Set<CodeMatch>();
  for (const m of pending) {
    const { id, member } = m.moduleCall!;
    const path = amdPath(file.path, id, ctx.paths);
    const root = path === undefined ? undefined : await rootOf(path);
    if (!root) continue;
    const calls = m.rule.unlessFixed?.calls ?? [];
    const escapes = (call: SgNode): boolean => calls.some((c) => call.matches(c));
    // The module's own factory: the function given last to its top-level `define(…)`.
    const define = statements(root).find(
      (s) => kindOf(s) === 'expression_statement' && /^define\s*\(/.test(s.text()),
    );
    const given = (define?.namedChildren()[0]?.field('arguments')?.namedChildren() ?? []).filter(
      (c) => kindOf(c) !== 'comment',
    );
    const factory = given[given.length - 1];
    const body = factory && kindOf(factory) === 'function_expression' ? factory.field('body') : null;
    const fn = body ? factoryMember(body, member) : undefined;
    if (fn && escapesFirst(fn, escapes)) drop.add(m);
  }
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}
