/**
 * The second half of `code/py-controller-missing-policy`: a Pecan/WSME controller method that changes state
 * and makes no policy check (the rule's match) is reported only when the other controllers of its folder
 * make one. A function of the method's own module that makes the check (`self._search(…)` whose body calls
 * `policy.enforce`) counts as the check. The folder's other Python files are read through the core, like
 * every cross-file read, and only for such matches.
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { FileLanguage } from './languages.js';
import type { CodeMatch } from './matches.js';

const RULE = 'code/py-controller-missing-policy';
const EXPOSED = /\b(?:wsexpose|expose)\(|\.when\(/;
/** A Falcon resource's responder, routed by its name. */
const RESPONDER = /^on_[a-z]+$/;
/** A decorator that makes or names the check (kept in step with the rule's own test). */
const CHECK_DECORATOR = /enforce|authori[sz]|polic|permission|rbac|login_required/i;
/**
 * A call that makes the check, by its callee's text (kept in step with the rule's own test): its last name
 * holds `enforce`, `authorize`, `polic`, `has_perm` or `check_perm`, or is `can`; or the name before it ends in
 * a word that holds `polic` (`self.policy.check`). Read name by name: one pattern over the whole text was
 * quadratic in a long callee (`policpolic…polic.x.y(…)`).
 */
export function checkCallee(text: string): boolean {
  const dot = text.lastIndexOf('.');
  const last = text.slice(dot + 1);
  if (!/^\w+$/.test(last)) return false;
  if (/^can$|enforce|authori[sz]|polic|has_perm|check_perm/i.test(last)) return true;
  let from = dot;
  while (from > 0 && /\w/.test(text[from - 1]!)) from--;
  return dot > 0 && /polic/i.test(text.slice(from, dot));
}
/** At least this many of the folder's other controller classes make the check, and two thirds of them. */
const MIN_CHECKING = 3;

/**
 * The name of the module's own function a call runs: `name(…)`, `self.name(…)`, `cls.name(…)`,
 * `Class.name(…)` or `Class(…).name(…)`; '' for a method of any other value (`body.get(…)`).
 */
function calleeName(call: SgNode): string {
  const m = /^(?:(?:self|cls|[A-Z]\w*(?:\([^()]*\))?)\s*\.\s*)?([A-Za-z_]\w*)$/.exec(
    call.field('function')?.text() ?? '',
  );
  return m?.[1] ?? '';
}

/** The module's own functions a node runs or hands to a call (`validate(self.Schema)`): their names. */
function ownNames(node: SgNode): string[] {
  const out: string[] = [];
  for (const c of calls(node)) {
    out.push(calleeName(c));
    for (const a of c.field('arguments')?.children() ?? []) {
      const m = /^(?:self|cls)\.([A-Za-z_]\w*)$/.exec(a.text());
      if (m?.[1]) out.push(m[1]);
    }
  }
  return out;
}

function calls(node: SgNode): SgNode[] {
  return node.findAll({ rule: { kind: 'call' } });
}

/** The names of the module's functions that make the check, directly or through another such function. */
function checkingFunctions(root: SgNode): Set<string> {
  const fns = root.findAll({ rule: { kind: 'function_definition' } });
  const named = new Map<SgNode, string[]>(fns.map((f) => [f, ownNames(f)]));
  const ok = new Set<string>();
  for (const f of fns) {
    if (calls(f).some((c) => checkCallee(c.field('function')?.text() ?? '')))
      ok.add(f.field('name')?.text() ?? '');
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const f of fns) {
      const name = f.field('name')?.text() ?? '';
      if (ok.has(name) || !named.get(f)?.some((n) => ok.has(n))) continue;
      ok.add(name);
      grew = true;
    }
  }
  return ok;
}

/** A method's decorators (none when `fn` is not decorated). */
function decorators(fn: SgNode): SgNode[] {
  const d = fn.parent();
  return d?.kind() === 'decorated_definition' ? d.children().filter((x) => x.kind() === 'decorator') : [];
}

/** Whether a method makes the check, itself, by a decorator or through `checkers`. */
function makesCheck(fn: SgNode, checkers: ReadonlySet<string>): boolean {
  if (decorators(fn).some((d) => CHECK_DECORATOR.test(d.text()))) return true;
  if (calls(fn).some((c) => checkCallee(c.field('function')?.text() ?? ''))) return true;
  return ownNames(fn).some((n) => checkers.has(n));
}

/** A statement of a method's own body that refuses every call: `raise …`, `pecan.abort(405)`. */
function switchedOff(s: SgNode): boolean {
  if (s.kind() === 'raise_statement') return true;
  const call = s.kind() === 'expression_statement' ? s.child(0) : null;
  return call?.kind() === 'call' && /(?:^|\.)abort$/.test(call.field('function')?.text() ?? '');
}

/**
 * A class's exposed methods that answer requests (Pecan/WSME-exposed or routed ones, Falcon's `on_…`
 * responders): not a routing hook, not one switched off.
 */
function exposedMethods(cls: SgNode): SgNode[] {
  const out: SgNode[] = [];
  for (const d of cls.field('body')?.children() ?? []) {
    const fn = d.kind() === 'decorated_definition' ? d.field('definition') : d;
    if (fn?.kind() !== 'function_definition') continue;
    const name = fn.field('name')?.text() ?? '_';
    if (!RESPONDER.test(name) && !decorators(fn).some((x) => EXPOSED.test(x.text()))) continue;
    if (name.startsWith('_')) continue;
    if (fn.field('body')?.children().some(switchedOff)) continue;
    out.push(fn);
  }
  return out;
}

interface Tally {
  checking: number;
  controllers: number;
}

/** The controller classes of one module (but `skip`) and how many make the check in every exposed method. */
function tally(root: SgNode, skip?: SgNode): Tally {
  const checkers = checkingFunctions(root);
  const t: Tally = { checking: 0, controllers: 0 };
  for (const cls of root.findAll({ rule: { kind: 'class_definition' } })) {
    if (skip && cls.id() === skip.id()) continue;
    const methods = exposedMethods(cls);
    if (methods.length === 0) continue;
    t.controllers += 1;
    if (methods.every((m) => makesCheck(m, checkers))) t.checking += 1;
  }
  return t;
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** `matches` without the rule's matches whose method reaches a check, or whose folder's controllers make none. */
export async function keepUncheckedControllers(
  matches: CodeMatch[],
  file: SourceFile,
  lang: FileLanguage,
  ctx: Pick<AnalyzerContext, 'paths' | 'readFile'>,
): Promise<CodeMatch[]> {
  const pending = matches.filter((m) => m.rule.id === RULE && m.path === undefined);
  if (pending.length === 0 || lang.family !== 'python') return matches;
  const root = parse(lang.lang, file.text).root();
  const checkers = checkingFunctions(root);
  const folder = folderOf(file.path);
  const others: SgNode[] = [];
  for (const p of ctx.paths) {
    if (p === file.path || !p.endsWith('.py') || folderOf(p) !== folder) continue;
    const text = await ctx.readFile(p).catch(() => undefined);
    if (text !== undefined && (EXPOSED.test(text) || /\bdef on_[a-z]+\(/.test(text)))
      others.push(parse(lang.lang, text).root());
  }
  const drop = new Set<CodeMatch>();
  for (const m of pending) {
    const fn = root
      .findAll({ rule: { kind: 'function_definition' } })
      .find((f) => f.range().start.line === m.line - 1 && f.range().start.column === m.column - 1);
    const cls = fn?.ancestors().find((a) => a.kind() === 'class_definition');
    if (!fn || makesCheck(fn, checkers)) {
      drop.add(m);
      continue;
    }
    const t = tally(root, cls);
    for (const o of others) {
      const u = tally(o);
      t.checking += u.checking;
      t.controllers += u.controllers;
    }
    if (t.checking < MIN_CHECKING || 3 * t.checking < 2 * t.controllers) drop.add(m);
  }
  return drop.size === 0 ? matches : matches.filter((m) => !drop.has(m));
}
