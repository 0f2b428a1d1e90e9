import type { SgNode } from '@ast-grep/napi';

/**
 * Node's `console.log`/`info`/`warn`/`error`/`debug`/`trace` format their arguments with `util.format`: an
 * object is written by `util.inspect` (as a later argument, under `%o`/`%O`, and under `%s` when it has no
 * `toString` of its own), which quotes every string in it and escapes its line breaks
 * (`{ a: 'x\ny' }`), and `%j` writes JSON; `String()` of a plain object (older Node's `%s`) is
 * `[object Object]`. So an object literal given whole to `console.*` cannot forge a log line, whatever request
 * values sit in its fields.
 *
 * This finds the arguments of a `console.*` call that are an object literal, or a name the module binds only
 * to object literals: every `const`/`let`/`var` of the name holds one, and nothing else binds or assigns it (no
 * parameter, `=`, destructuring, loop or import of the name anywhere in the file, which also rules out a
 * shadowing name). Not other loggers: winston takes an object's `message` field as the raw message, and a
 * custom format may print any field as is. Not arrays (older Node's `%s` joins their strings raw), not a
 * literal with a spread, a computed key or a method, and not a name whose `toString`, `valueOf` or
 * `inspect` the code sets: `%s` would call it. `known`: the answer per name for this call's tree, which the
 * caller keeps across the calls of one module (each answer is a walk of the whole file).
 */
export function objectLoggedArguments(
  call: SgNode,
  args: SgNode[],
  known = new Map<string, boolean>(),
): Set<number> {
  const out = new Set<number>();
  const callee = call.field('function');
  if (callee?.kind() !== 'member_expression' || callee.field('object')?.text() !== 'console') return out;
  let root: SgNode | undefined;
  for (const arg of args) {
    if (arg.kind() === 'object') {
      if (plainObject(arg)) out.add(arg.id());
    } else if (arg.kind() === 'identifier') {
      const name = arg.text();
      let only = known.get(name);
      if (only === undefined) {
        root ??= call.getRoot().root();
        known.set(name, (only = boundOnlyToObjects(root, name)));
      }
      if (only) out.add(arg.id());
    }
  }
  return out;
}

/** An object literal of plain `key: value` pairs and shorthand names (no spread, computed key or method). */
function plainObject(node: SgNode): boolean {
  return node.namedChildren().every((c) => {
    const k = c.kind();
    if (k === 'comment' || k === 'shorthand_property_identifier') return true;
    if (k !== 'pair') return false;
    const key = c.field('key');
    return (
      key !== null &&
      key.kind() !== 'computed_property_name' &&
      !/^['"]?(?:toString|valueOf|inspect|toJSON|__proto__)['"]?$/.test(key.text())
    );
  });
}

/** Parent kinds under which an identifier binds the name rather than reads it. */
const BINDING_PARENTS = new Set([
  'formal_parameters',
  'required_parameter',
  'optional_parameter',
  'assignment_pattern',
  'object_pattern',
  'array_pattern',
  'pair_pattern',
  'rest_pattern',
  'catch_clause',
  'import_specifier',
  'import_clause',
  'namespace_import',
  'function_declaration',
  'function_expression',
  'generator_function_declaration',
  'class_declaration',
  'class',
  'update_expression',
]);

/** True when every binding of `name` in the module is a declaration holding a plain object literal, and there is one. */
function boundOnlyToObjects(root: SgNode, name: string): boolean {
  let found = false;
  const uses = root.findAll({
    rule: {
      any: [{ kind: 'identifier' }, { kind: 'shorthand_property_identifier_pattern' }],
      regex: `^${name.replace(/\$/g, '\\$')}$`,
    },
  });
  for (const id of uses) {
    if (id.kind() !== 'identifier') return false;
    const parent = id.parent();
    if (!parent) continue;
    const pk: string = String(parent.kind());
    if (pk === 'variable_declarator' && parent.field('name')?.id() === id.id()) {
      const value = parent.field('value');
      if (!value || value.kind() !== 'object' || !plainObject(value)) return false;
      found = true;
      continue;
    }
    if (BINDING_PARENTS.has(pk)) return false;
    if (
      (pk === 'assignment_expression' || pk === 'augmented_assignment_expression') &&
      parent.field('left')?.id() === id.id()
    )
      return false;
    if (pk === 'for_in_statement' && parent.field('left')?.id() === id.id()) return false;
    if (pk === 'arrow_function' && parent.field('parameter')?.id() === id.id()) return false;
    // `name.toString = …` (or valueOf, inspect): `%s` would call it.
    if (pk === 'member_expression' && parent.field('object')?.id() === id.id()) {
      const prop = parent.field('property')?.text() ?? '';
      const write = parent.parent();
      if (
        /^(?:toString|valueOf|inspect|toJSON|__proto__)$/.test(prop) &&
        write?.kind() === 'assignment_expression' &&
        write.field('left')?.id() === parent.id()
      )
        return false;
    }
  }
  return found;
}
