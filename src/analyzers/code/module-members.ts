/**
 * Which module function a JavaScript/TypeScript callee is, however the file reaches it: `fs.readFile`,
 * `require('node:fs').readFile`, `fsp.readFile` with `fsp` bound to `fs/promises`, `fs.promises` or
 * `require('fs').promises`, a renamed or destructured import (`import { readFile as rf } from 'fs'`,
 * `const { readFile: rf } = require('fs')`, `const one = require('fs').readFile`). The bindings are read from
 * the file's declarations and imports once; a name the file binds to two different things is ambiguous and
 * resolves to nothing, so a finding is never kept on a guess (a rule's `calleeIn`).
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';

/** A module path: the module's name segments (`fs`, `promises`), then the members read from it. */
type Path = readonly string[];
/** A name bound to something other than a module or one of its members. */
const OTHER: Path = ['?'];
/** Members read after a module's name: more than any rule's function needs (`fs.promises.readFile`). */
const MAX_MEMBERS = 8;

const same = (a: Path, b: Path): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

/** `'node:fs/promises'` → `['fs', 'promises']`; a relative module is not a package's. */
function modulePath(spec: string): Path | undefined {
  const s = spec.replace(/^['"`]|['"`]$/g, '').replace(/^node:/, '');
  if (s === '' || s.startsWith('.') || s.startsWith('/')) return undefined;
  return s.split('/');
}

const named = (n: SgNode | null | undefined): SgNode[] =>
  (n?.children() ?? []).filter((c) => c.isNamed() && kindOf(c) !== 'comment');

/** The bindings of one file, and the module function a callee resolves to. */
export class ModuleMembers {
  private readonly bindings = new Map<string, Path[]>();

  constructor(root: SgNode) {
    const decls = root.findAll({
      rule: { any: [{ kind: 'variable_declarator' }, { kind: 'import_statement' }] },
    });
    // In the order of the text: a declaration reads the names bound before it (`const fsp = fs.promises`).
    for (const d of decls) {
      if (kindOf(d) === 'import_statement') this.readImport(d);
      else this.readDeclarator(d);
    }
  }

  private bind(name: string, path: Path): void {
    const list = this.bindings.get(name);
    if (!list) this.bindings.set(name, [path]);
    else if (!list.some((p) => same(p, path))) list.push(path);
  }

  private readImport(stmt: SgNode): void {
    const source = stmt.field('source');
    const mod = source ? modulePath(source.text()) : undefined;
    const clause = stmt.children().find((c) => kindOf(c) === 'import_clause');
    for (const part of named(clause)) {
      const k = kindOf(part);
      if (k === 'identifier') this.bind(part.text(), mod ?? OTHER);
      else if (k === 'namespace_import') {
        const id = named(part).find((c) => kindOf(c) === 'identifier');
        if (id) this.bind(id.text(), mod ?? OTHER);
      } else if (k === 'named_imports') {
        for (const spec of named(part)) {
          if (kindOf(spec) !== 'import_specifier') continue;
          const name = spec.field('name')?.text();
          const local = spec.field('alias')?.text() ?? name;
          if (name && local) this.bind(local, mod ? [...mod, name] : OTHER);
        }
      }
    }
  }

  private readDeclarator(d: SgNode): void {
    const id = d.field('name');
    const value = d.field('value');
    if (!id) return;
    const path = value ? this.pathOf(value) : undefined;
    if (kindOf(id) === 'identifier') {
      this.bind(id.text(), path ?? OTHER);
      return;
    }
    if (kindOf(id) !== 'object_pattern') return;
    for (const p of named(id)) {
      const k = kindOf(p);
      if (k === 'shorthand_property_identifier_pattern')
        this.bind(p.text(), path ? [...path, p.text()] : OTHER);
      else if (k === 'pair_pattern') {
        const key = p.field('key');
        let local = p.field('value');
        if (local && kindOf(local) === 'assignment_pattern') local = local.field('left');
        if (!key || !local || kindOf(local) !== 'identifier') continue;
        const member = kindOf(key) === 'property_identifier' ? key.text() : undefined;
        this.bind(local.text(), path && member ? [...path, member] : OTHER);
      } else if (k === 'object_assignment_pattern') {
        const left = p.field('left');
        if (left) this.bind(left.text(), path ? [...path, left.text()] : OTHER);
      }
    }
  }

  /**
   * The module path an expression reads, when the file's bindings tell it unambiguously. A chain is read from
   * its end down to its base, without recursion: one longer than any module member a rule names resolves
   * to nothing (and a generated chain thousands deep does not overflow the stack).
   */
  pathOf(e: SgNode): Path | undefined {
    const members: string[] = [];
    for (let n: SgNode | undefined = e; n;) {
      const k = kindOf(n);
      if (k === 'parenthesized_expression') n = named(n)[0];
      else if (k === 'member_expression') {
        const prop = n.field('property');
        if (!prop || kindOf(prop) !== 'property_identifier' || members.length >= MAX_MEMBERS)
          return undefined;
        members.push(prop.text());
        n = n.field('object') ?? undefined;
      } else return this.basePath(n)?.concat(members.reverse());
    }
    return undefined;
  }

  /** The module path a chain's base reads: a name the file binds, or `require('module')`. */
  private basePath(e: SgNode): Path | undefined {
    const k = kindOf(e);
    if (k === 'identifier') {
      const list = this.bindings.get(e.text());
      return list?.length === 1 && list[0] !== OTHER ? list[0] : undefined;
    }
    if (k === 'call_expression' && e.field('function')?.text() === 'require') {
      const args = named(e.field('arguments'));
      const a = args[0];
      return args.length === 1 && a && kindOf(a) === 'string' ? modulePath(a.text()) : undefined;
    }
    return undefined;
  }

  /**
   * True when `callee` is one of `functions` of one of `modules` (`fs.promises.readFile` and
   * `fs/promises`'s `readFile` count as `fs`'s).
   */
  calls(callee: SgNode, modules: readonly string[], functions: readonly string[]): boolean {
    const path = this.pathOf(callee);
    if (!path || path.length < 2 || !modules.includes(path[0]!)) return false;
    const rest = path.slice(1).filter((s, i) => !(s === 'promises' && i === 0));
    return rest.length === 1 && functions.includes(rest[0]!);
  }
}
