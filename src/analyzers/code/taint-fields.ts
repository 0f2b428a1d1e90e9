/**
 * Field-sensitive reads of objects built in place: reading `x.f` cannot observe a write to `x.g`, and
 * `{ f: a, g: b }.f` is `a`. This keeps a request value stored in one field of an options object
 * (`args.repoPath = req.body.path`) from tainting another field that a sink reads (`spawn(bin, args.commands)`).
 */
import type { SgNode } from '@ast-grep/napi';
import type { Definition } from './scope.js';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';

const NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * A constant property key (`'f'`, `"f"`, a member's `.f`, an object literal's `f:`). A bare name is a key only
 * after a dot or as a JavaScript literal's key: in a subscript (`x[f]`) or a Python dictionary (`{f: v}`) it is
 * a variable, whose value may be any field's name.
 */
function keyText(n: SgNode | null | undefined, member = false): string | undefined {
  if (!n) return undefined;
  const t = n.text();
  const k = kindOf(n);
  if (NAME.test(t) && (k === 'property_identifier' || (member && k === 'identifier'))) return t;
  const m = /^(['"])([\w$-]{1,64})\1$/.exec(t);
  return m?.[2];
}

/** The property read at `use` when it is the object of `use.f` or `use['f']`, else undefined. */
export function fieldRead(syn: Syntax, use: SgNode): string | undefined {
  const p = use.parent();
  if (!p) return undefined;
  const k = kindOf(p);
  if (syn.member.has(k) && p.field(syn.memberObject)?.id() === use.id())
    return keyText(p.field(syn.memberProperty), true);
  if (syn.subscript.has(k) && p.field(syn.subscriptObject)?.id() === use.id())
    return keyText(p.field(k === 'subscript' ? 'subscript' : 'index'));
  return undefined;
}

/**
 * The field each definition writes (null: none), kept with the definition: definitions are kept per file and
 * node (definitions.ts), and a name written thousands of times (`exports.f = …`) had each of its writes
 * asked again, four native calls each, at every use of it the taint engine evaluated.
 */
const WRITTEN = new WeakMap<Definition, string | null>();

/** The field a definition writes (`x.f = v`, `x['f'] = v`), or undefined for any other definition. */
export function fieldWritten(syn: Syntax, d: Definition): string | undefined {
  if (d.kind !== 'add') return undefined;
  const kept = WRITTEN.get(d);
  if (kept !== undefined) return kept ?? undefined;
  const f = writtenField(syn, d.node);
  WRITTEN.set(d, f ?? null);
  return f;
}

function writtenField(syn: Syntax, node: SgNode): string | undefined {
  const target = node.parent();
  const assign = target?.parent();
  if (!target || !assign || !/assignment/.test(kindOf(assign))) return undefined;
  if (assign.field('left')?.id() !== target.id()) return undefined;
  return fieldRead(syn, node);
}

/**
 * What an object literal holds under `prop`: `{ node }` for a pair with that key (or a shorthand
 * property), `{ spread }` for the spreads that may supply it, or undefined when `obj` is no object literal.
 */
export function literalField(obj: SgNode, prop: string): { node?: SgNode; spreads: SgNode[] } | undefined {
  const k = kindOf(obj);
  if (k !== 'object' && k !== 'dictionary') return undefined;
  const spreads: SgNode[] = [];
  let node: SgNode | undefined;
  for (const c of obj.namedChildren()) {
    const ck = kindOf(c);
    if (ck === 'pair') {
      const key = keyText(c.field('key'));
      if (key === prop) node = c.field('value') ?? undefined;
      // A computed key (`{ [k]: v }`, Python's `{k: v}`) may be `prop`: its value may supply it, as a spread may.
      else if (key === undefined && !/^(?:string|number|integer|float)$/.test(kindOf(c.field('key') ?? c)))
        spreads.push(c.field('value') ?? c);
    } else if (ck === 'shorthand_property_identifier' && c.text() === prop) node = c;
    else if (ck === 'spread_element' || ck === 'dictionary_splat') spreads.push(c);
  }
  return node ? { node, spreads } : { spreads };
}

/** The property a member or subscript expression of kind `kind` reads, as an access-path suffix (`.x`, `[]`). */
export function accessSuffix(node: SgNode, kind: string, syn: Syntax): string {
  if (syn.member.has(kind)) return `.${node.field(syn.memberProperty)?.text() ?? ''}`;
  const idx = node.field(kind === 'subscript' ? 'subscript' : 'index');
  const lit = idx ? /^(['"])([\w$-]{1,64})\1$/.exec(idx.text()) : null;
  return lit ? `.${lit[2]}` : '[]';
}
