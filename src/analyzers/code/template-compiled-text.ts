/**
 * Two more shapes of a template compiled in code (template-compiled.ts), both seen in packages that serve one
 * page of their own (a status monitor's dashboard):
 * - the template's text read into a constant first, then compiled (`const html = fs.readFileSync(path.join(
 *   __dirname, 'public/index.html')).toString()`, `const render = Handlebars.compile(html)`);
 * - the compiled function called with a constant bound to an object literal (`render(data)`), whose members the
 *   program may set afterwards (`data.results = results`), each such write one more value of that member.
 * And one more value that is the program's own: a read of a file of the package itself, at a path of literals
 * under the module's folder (`fs.readFileSync(path.join(__dirname, 'public/app.js'))`); a path with anything
 * else in it (a configured theme's name, a request's value) is not.
 */
import type { SgNode } from '@ast-grep/napi';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

const argsOf = (call: SgNode): SgNode[] =>
  call
    .field('arguments')
    ?.children()
    .filter((c) => c.isNamed() && kindOf(c) !== 'comment') ?? [];

/** Every identifier (or shorthand property) named `name` in `scope`. */
function usesOf(scope: SgNode, name: string): SgNode[] {
  const exact = `^${escapeRegex(name)}$`;
  return scope.findAll({
    rule: {
      any: [
        { kind: 'identifier', regex: exact },
        { kind: 'shorthand_property_identifier', regex: exact },
      ],
    },
  });
}

/**
 * For `const text = …read of the template…`, the declarator of the one `const F = x.compile…(text)` that uses
 * the constant, when that is its only use; undefined otherwise.
 */
export function compileOfText(decl: SgNode): SgNode | undefined {
  const id = decl.field('name');
  const stmt = decl.parent();
  const scope = stmt?.parent();
  if (!id || !stmt || !scope || kindOf(id) !== 'identifier' || !/^const\b/.test(stmt.text()))
    return undefined;
  const uses = usesOf(scope, id.text()).filter((u) => u.id() !== id.id());
  const use = uses[0];
  if (uses.length !== 1 || !use) return undefined;
  const call = use.parent()?.parent();
  if (
    !call ||
    kindOf(call) !== 'call_expression' ||
    argsOf(call).length !== 1 ||
    argsOf(call)[0]?.id() !== use.id()
  )
    return undefined;
  if (!/compile/i.test(call.field('function')?.text() ?? '')) return undefined;
  const next = call.parent();
  return next && kindOf(next) === 'variable_declarator' && next.field('value')?.id() === call.id()
    ? next
    : undefined;
}

/** The data a compiled template is called with: an object literal, and later writes of its members. */
export interface CallData {
  obj: SgNode;
  writes: Map<string, SgNode[]>;
}

/**
 * The object a `const` named by the call's argument `id` is bound to in a scope around the call, with the
 * writes of its members (`data.k = v`); undefined when the constant is used in any other way there than those
 * and as the argument of a call of the same compiled function `compiled` (passed elsewhere, written by a
 * computed key, spread, merged into).
 */
export function boundData(id: SgNode, compiled: string): CallData | undefined {
  for (let scope = id.parent(); scope; scope = scope.parent()) {
    if (kindOf(scope) !== 'statement_block' && kindOf(scope) !== 'program') continue;
    const exact = `^${escapeRegex(id.text())}$`;
    const decl = scope
      .findAll({ rule: { kind: 'variable_declarator', has: { field: 'name', regex: exact } } })
      .find((d) => kindOf(d.field('name')!) === 'identifier');
    if (!decl) continue;
    const value = decl.field('value');
    const stmt = decl.parent();
    if (!value || kindOf(value) !== 'object' || !stmt || !/^const\b/.test(stmt.text())) return undefined;
    const writes = new Map<string, SgNode[]>();
    for (const use of usesOf(scope, id.text())) {
      if (use.id() === id.id() || use.id() === decl.field('name')?.id()) continue;
      const call = use.parent()?.parent();
      if (
        call &&
        kindOf(call) === 'call_expression' &&
        call.field('function')?.text() === compiled &&
        argsOf(call).length === 1 &&
        argsOf(call)[0]?.id() === use.id()
      )
        continue;
      const member = use.parent();
      const assign = member?.parent();
      const key = member?.field('property');
      if (
        !member ||
        !assign ||
        !key ||
        kindOf(member) !== 'member_expression' ||
        member.field('object')?.id() !== use.id() ||
        kindOf(key) !== 'property_identifier' ||
        kindOf(assign) !== 'assignment_expression' ||
        assign.field('left')?.id() !== member.id()
      )
        return undefined;
      const v = assign.field('right');
      if (!v) return undefined;
      writes.set(key.text(), [...(writes.get(key.text()) ?? []), v]);
    }
    return { obj: value, writes };
  }
  return undefined;
}

const STRING = /^(['"])[^'"\\]*\1$/;
// A literal that climbs out of the module's folder may name any file of the machine (an uploads folder).
const CLIMBS = /(?:^|[\\/'"])\.\.(?:[\\/'"]|$)/;

/** Whether a path expression is the module's folder joined with literals only. */
function ownPath(p: SgNode): boolean {
  if (kindOf(p) === 'template_string')
    return /^`\$\{__dirname\}[^$`]*`$/.test(p.text()) && !CLIMBS.test(p.text().replace(/`/g, "'"));
  if (
    kindOf(p) !== 'call_expression' ||
    !/^(?:path\.)?(?:join|resolve)$/.test(p.field('function')?.text() ?? '')
  )
    return false;
  const [dir, ...rest] = argsOf(p);
  return (
    dir?.text() === '__dirname' &&
    rest.length > 0 &&
    rest.every((a) => STRING.test(a.text()) && !CLIMBS.test(a.text()))
  );
}

/**
 * Whether a call reads a file of the package itself (`fs.readFileSync(path.join(__dirname, 'app.js'), 'utf8')`,
 * also followed by `.toString()`): text the program ships, not data.
 */
export function readsOwnFile(call: SgNode): boolean {
  let c = call;
  const fn = c.field('function');
  if (fn && kindOf(fn) === 'member_expression' && fn.field('property')?.text() === 'toString') {
    const inner = fn.field('object');
    if (!inner || kindOf(inner) !== 'call_expression') return false;
    c = inner;
  }
  if (!/^(?:fs\.)?readFileSync$/.test(c.field('function')?.text() ?? '')) return false;
  const [p, ...rest] = argsOf(c);
  return !!p && ownPath(p) && rest.every((a) => STRING.test(a.text()));
}

/**
 * Whether a string is a module's specifier: the string given to `require` or to `import()`, or an import or
 * export's source.
 */
export function isModuleSpecifier(s: SgNode): boolean {
  const parent = s.parent();
  if (!parent) return false;
  const kind = kindOf(parent);
  if (kind === 'import_statement' || kind === 'export_statement')
    return parent.field('source')?.id() === s.id();
  const call = parent.parent();
  return (
    kind === 'arguments' &&
    !!call &&
    kindOf(call) === 'call_expression' &&
    /^(?:require|import)$/.test(call.field('function')?.text() ?? '') &&
    argsOf(call).length === 1
  );
}
