import type { SgNode } from '@ast-grep/napi';
import type { LoadedModule, ProjectView } from './project.js';
import { exportedFunctionName } from './whole-export.js';
import { accessPath } from './sources.js';
import { kindOf, syntaxOf } from './syntax.js';
import { contains } from './taint-support.js';

/** A call that reaches a function of a loaded module. */
export interface CallTarget {
  module: LoadedModule;
  fn: SgNode;
  name: string;
}

/** The functions each call reaches, per analysed file's view: keyed by whether `local`, call id and module. */
const KEPT = new WeakMap<ProjectView, Map<string, readonly CallTarget[]>>();

/**
 * The functions a call in module `m` reaches through an import (and, with `local`, in `m` itself). The same
 * for every taint rule, so kept per view (the analysed file and what it imports): each rule's evaluators ask
 * of the same calls, and each answer reads the callee's nodes through the parser. It spends no taint steps.
 */
export function callTargets(
  view: ProjectView,
  m: LoadedModule,
  call: SgNode,
  local: boolean,
): readonly CallTarget[] {
  let kept = KEPT.get(view);
  if (!kept) KEPT.set(view, (kept = new Map<string, readonly CallTarget[]>()));
  const key = `${local ? 1 : 0}${call.id()}\0${m.path}`;
  let t = kept.get(key);
  if (!t) kept.set(key, (t = findTargets(view, m, call, local)));
  return t;
}

function findTargets(view: ProjectView, m: LoadedModule, call: SgNode, local: boolean): CallTarget[] {
  const python = view.entry.lang.family === 'python';
  const syn = syntaxOf(view.entry.lang.family);
  const callee = call.field(syn.callFunction);
  if (!callee) return [];
  const k = kindOf(callee);
  let module: LoadedModule | undefined;
  let name: string | undefined;
  if (syn.identifiers.has(k)) {
    const b = m.imports.names.get(callee.text());
    if (b && b.name !== null) {
      module = view.modules.get(b.module);
      name = b.name;
    } else if (b) {
      // The module object called as a function: the function it exports as a whole (`module.exports = git`).
      module = view.modules.get(b.module);
      name = module && (module.lang.family === 'python' ? undefined : exportedFunctionName(module.text));
    } else if (!b) {
      name = callee.text();
      module = m.imports.wildcards
        .map((w) => view.modules.get(w))
        .find((w) => w && w.index.functionsNamed(w.root, syn, python, callee.text()).length > 0);
      if (!module && local) module = m;
    }
  } else if (syn.member.has(k)) {
    const obj = callee.field(syn.memberObject);
    name = callee.field(syn.memberProperty)?.text();
    const path = obj ? accessPath(obj, syn) : undefined;
    const b = path === undefined ? undefined : m.imports.names.get(path);
    if (b) module = view.modules.get(b.module);
  }
  if (!module || name === undefined) return [];
  const target = module;
  const fns = target.index.functionsNamed(target.root, syn, python, name);
  return fns.filter((fn) => !contains(fn, call) || target !== m).map((fn) => ({ module: target, fn, name }));
}
