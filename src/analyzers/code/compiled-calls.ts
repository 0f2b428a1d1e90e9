/**
 * The source form of the CommonJS that TypeScript (tsc) and Babel emit for ES imports, so that every rule,
 * source, sanitizer, guard and cross-file summary reads compiled code as it reads what was written:
 *
 * - `(0, child_process_1.exec)(cmd)` is a call of `child_process_1.exec` (the `0,` only drops `this`);
 * - `__importDefault(require("./x"))`, `_interopRequireDefault(require("./x"))`, `__importStar(…)`,
 *   `_interopRequireWildcard(…)` and esbuild's `__toESM(…)` are the module `require("./x")` gives;
 * - `x_1.default`, where `x_1` holds a default-import wrapper, is what `import x from "./x"` binds, the module
 *   itself (its whole export, as an ES default import of a file of the tree is read in imports.ts);
 * - a package's module under the compiler's name (`fs_1`, Babel's `_fs`) is the name written (`fs`), which
 *   the rules name.
 *
 * The rewrite keeps every character's offset: what is dropped becomes spaces (line breaks stay), so lines,
 * columns and snippets taken from the original text stay right. Only the tree is built from this form.
 */

const ID = String.raw`[A-Za-z_$][\w$]*`;

/** `(0, a.b)(` or `(0, a.b.c)(`: the callee of an indirect call, the member path in group 1. */
const INDIRECT = new RegExp(String.raw`\(0,(\s*)(${ID}(?:\.${ID})+)(\s*)\)(?=\s*\()`, 'g');

/** A word before `(` that makes it a parenthesised expression, not the arguments of a call. */
const KEYWORD_BEFORE =
  /(?:^|[^\w$.])(?:return|typeof|void|await|yield|case|in|of|delete|throw|else|do|new)[ \t]*$/;

/** A call of an interop helper on `require("./x")`, with an optional second flag argument (`, 1`, `, true`). */
const HELPER_CALL = new RegExp(
  String.raw`\b(__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|__toESM)(\s*\(\s*)(require\s*\(\s*(?:'[^'\n]*'|"[^"\n]*")\s*\))(\s*(?:,\s*!?[\w$.]+\s*)?\))`,
  'g',
);

/** What may precede a helper's name: `name = ` (its result's name), then `tslib_1.` (the helper's module). */
const HELPER_BEFORE = new RegExp(String.raw`(?:(${ID})(\s*=\s*))?((?:${ID}\s*\.\s*)?)$`);

/** The helpers whose result's `.default` is the module itself (an ES default import). */
const DEFAULT_HELPERS = new Set(['__importDefault', '_interopRequireDefault', '__toESM']);

/** Spaces in place of `s`, keeping its line breaks. */
const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');

/**
 * `kept` with `before` and `after` dropped around it: as spaces before it when they are on its line, so the
 * node's own text (a callee `a.b`, a member path) has no spaces a rule or a summary would have to read past.
 */
const within = (before: string, kept: string, after: string): string =>
  /[\r\n]/.test(before + after) ? blank(before) + kept + blank(after) : blank(before + after) + kept;

/**
 * True when the `(` at `at` in `text` follows a callee on its line (`f(0, x.y)(z)` calls `f`: no indirect
 * call). A word on an earlier line is taken to end its statement, as compilers end theirs with `;`; it is
 * often a comment's.
 */
function followsCallee(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 16), at);
  return /[\w$)\]][ \t]*$/.test(before) && !KEYWORD_BEFORE.test(before);
}

/** `(0, a.b)(…)` read as `a.b(…)`. */
function directCalls(text: string): string {
  return text.replace(INDIRECT, (m: string, lead: string, callee: string, trail: string, at: number) =>
    followsCallee(text, at) ? m : within(`(0,${lead}`, callee, `${trail})`),
  );
}

/** The interop helpers read as the `require` they wrap; `x.default` read as `x` for a default import's `x`. */
function unwrappedImports(text: string): string {
  const defaults = new Set<string>();
  // The search starts at the helper's name (a pattern that starts with an optional name would be tried at
  // every offset); what precedes it is read from the text before.
  let out = '';
  let done = 0;
  for (const m of text.matchAll(HELPER_CALL)) {
    const [whole, helperName = '', open = '', req = '', close = ''] = m;
    const at = m.index;
    const before = HELPER_BEFORE.exec(text.slice(Math.max(done, at - 120), at));
    const [, name, , owner = ''] = before ?? [];
    if (name !== undefined && DEFAULT_HELPERS.has(helperName)) defaults.add(name);
    const start = at - owner.length;
    out += text.slice(done, start) + within(owner + helperName + open, req, close);
    done = at + whole.length;
  }
  out += text.slice(done);
  if (defaults.size === 0) return out;
  const names = [...defaults].map((n) => n.replace(/\$/g, '\\$')).join('|');
  return out.replace(new RegExp(String.raw`(?<![\w$.])(${names})\.default(?![\w$])`, 'g'), '        $1');
}

/** `require("fs")` at the start of a text: the module in group 1. */
const REQUIRE_CALL = /^require\s*\(\s*['"]([^'"\n]+)['"]\s*\)/;

/** `const fs_1 = ` or `var _fs = ` at the end of a text: the name in group 1. */
const DECLARED_AS = new RegExp(String.raw`\b(?:const|let|var)\s+(${ID})\s*=\s*$`);

/** `const fs_1 = require("fs")` or `var _fs = require("fs")` (after unwrapping): each name and its module. */
function requireDeclarations(text: string): [string, string][] {
  const out: [string, string][] = [];
  // From each `require` outward: a pattern that starts with `const|let|var` is tried at every word.
  for (let i = text.indexOf('require'); i !== -1; i = text.indexOf('require', i + 7)) {
    const spec = REQUIRE_CALL.exec(text.slice(i, i + 260))?.[1];
    const name = spec === undefined ? undefined : DECLARED_AS.exec(text.slice(Math.max(0, i - 100), i))?.[1];
    if (spec !== undefined && name !== undefined) out.push([name, spec]);
  }
  return out;
}

/** True when `text` declares `name` (`const name`, `function name`, `class name`, `import name`). */
function declares(text: string, name: string): boolean {
  const before = /\b(?:const|let|var|function|class|import)\s+$/;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + name.length)) {
    if (/^[\w$]/.test(text.charAt(i + name.length))) continue;
    if (before.test(text.slice(Math.max(0, i - 12), i))) return true;
  }
  return false;
}

/** A cheap look for a compiler's module name before any is read: `fs_1 =` or `var _fs =`. */
const COMPILER_NAMED = /(?:_\d+|\bvar _[\w$]+)\s*=\s*require\b/;

/** Letters and digits only, lower case: `fs-extra`, `fs_extra` and `fsExtra` are one name. */
const squashed = (s: string): string => s.replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/**
 * The name the code was written with for the name a compiler gave a package's module: tsc names `fs` `fs_1`
 * (`_2` for a second), Babel `_fs` (`_fs2`), each from the package's last path segment. Undefined when the
 * name is not one of those, or the written name is declared in the text anyway (it would read as two things).
 */
function writtenName(text: string, name: string, spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/')) return undefined;
  const base = /^(.+)_\d+$/.exec(name)?.[1] ?? /^_(.+?)\d*$/.exec(name)?.[1];
  const segment =
    spec
      .replace(/^node:/, '')
      .split('/')
      .pop() ?? '';
  if (base === undefined || !/^[A-Za-z_$][\w$]*$/.test(base) || squashed(base) !== squashed(segment))
    return undefined;
  return declares(text, base) ? undefined : base;
}

/**
 * The compiler's names of packages' modules read as the names written (`fs_1.readFile` as `fs.readFile`), so
 * that a rule naming `fs` or `child_process` reads compiled code as it reads the source. The written name is
 * shorter; the characters it frees become spaces before it.
 */
function writtenModuleNames(text: string): string {
  const renames = new Map<string, string>();
  for (const [name, spec] of requireDeclarations(text)) {
    const written = writtenName(text, name, spec);
    if (written !== undefined && !renames.has(name)) renames.set(name, written);
  }
  if (renames.size === 0) return text;
  const compiled = [...renames.keys()].map((n) => n.replace(/\$/g, '\\$')).join('|');
  return text.replace(new RegExp(String.raw`(?<![\w$.])(?:${compiled})(?![\w$])`, 'g'), (name: string) => {
    const written = renames.get(name) ?? name;
    return ' '.repeat(name.length - written.length) + written;
  });
}

/** The text with compiled call shapes in their source form, of the same length; the text itself when it has none. */
export function sourceForm(text: string): string {
  const indirect = text.includes('(0,');
  const wrapped = text.includes('__import') || text.includes('_interopRequire') || text.includes('__toESM');
  if (!indirect && !wrapped && !COMPILER_NAMED.test(text)) return text;
  let out = indirect ? directCalls(text) : text;
  if (wrapped) out = unwrappedImports(out);
  return out.includes('require') ? writtenModuleNames(out) : out;
}
