/**
 * The names a JavaScript/TypeScript file binds to a module with `require` (`const child = …`) or as a
 * default or namespace import (`import * as proc from …`, with or without `node:`). Read from the text with one
 * regular expression per module, so a rule can ask "is this receiver that module?" without walking the tree
 * at every candidate (a rule's `boundTo`).
 */
const cache = new Map<string, RegExp>();

function bindingPattern(module: string): RegExp {
  let re = cache.get(module);
  if (!re) {
    const name = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const spec = `['"\`](?:node:)?${name}['"\`]`;
    re = new RegExp(
      `(?:\\b(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*require\\(\\s*${spec}\\s*\\))` +
        `|(?:\\bimport\\s+(?:\\*\\s+as\\s+)?([A-Za-z_$][\\w$]*)\\s+from\\s*${spec})` +
        // A minified `,child=` and the module's `require` inside a longer declaration.
        `|(?:[,;]\\s*([A-Za-z_$][\\w$]*)\\s*=\\s*require\\(\\s*${spec}\\s*\\))`,
      'g',
    );
    cache.set(module, re);
  }
  return re;
}

/** Every name the text binds to one of `modules` (as `require` results or default/namespace imports). */
export function namesBoundTo(text: string, modules: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const module of modules) {
    if (!text.includes(module)) continue;
    const re = bindingPattern(module);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) names.add((m[1] ?? m[2] ?? m[3])!);
  }
  return names;
}

const FUNCTION =
  /^(function_declaration|function_expression|function|arrow_function|method_definition|generator_function_declaration)$/;

/**
 * Whether a function around `node` declares `name` as something other than a binding of the module (`const
 * child = /^(\w+)/` inside a function that calls `child.exec(text)`): the call is then not the module's. A
 * declaration anywhere in such a function counts, which can only keep a finding out.
 */
export function shadowedAt(
  node: { parent(): unknown; kind(): unknown; text(): string },
  name: string,
  modules: readonly string[],
): boolean {
  const id = name.replace(/[$]/g, '\\$');
  const decl = new RegExp(`\\b(?:const|let|var)\\s+${id}\\s*=\\s*([^;\\n]*)`, 'g');
  for (let n = node.parent() as typeof node | null; n; n = n.parent() as typeof node | null) {
    if (!FUNCTION.test(String(n.kind()))) continue;
    const text = n.text();
    decl.lastIndex = 0;
    for (let m = decl.exec(text); m; m = decl.exec(text))
      if (!modules.some((mod) => m[1]!.includes('require') && m[1]!.includes(mod))) return true;
  }
  return false;
}
