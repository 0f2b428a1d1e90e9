/**
 * Text a Python package ships, given to a template as a value (template-settings-py.ts asks this of each value
 * the project's Python gives a template variable): a report generator inlining its own stylesheet and scripts,
 * `static_css="\n".join(parts)` where the function fills `parts` only with fixed text and the contents of files
 * under the module's own folder at paths of literals. The package's files are the program's own text, as
 * fixed strings are (the JavaScript side reads `fs.readFileSync(path.join(__dirname, 'app.js'))` the same way,
 * template-compiled-text.ts). Read as such, within the function holding the value:
 * - fixed text, `+` of such text, `SEP.join(L)` with a fixed separator and a list `L` of such text;
 * - `F.read()` of a handle `with open(P) as F` (or `F = open(P)`) opened to read, `open(P).read()`,
 *   `P.read_text()`, `P.read_bytes().decode()`, and `pkgutil.get_data(__name__, "static/x.css")` (the
 *   package's own resource by its documented API), where `P` is the module's folder (`os.path.dirname(__file__)`,
 *   also of `abspath`/`realpath`; `Path(__file__).parent`, also after `resolve()`/`absolute()`) joined
 *   (`os.path.join`, pathlib's `/`) with literal names, none `..` nor absolute;
 * - a local name every binding of which (`x = v`, `for x in L`) is one of those; a list name may otherwise only
 *   be filled (`L.append(t)`, `L.extend([…])`, `L.insert(i, t)`), looped over or joined: handed to anything
 *   else it may be filled with anything. A loop variable takes the values of a list of literals.
 * A parameter, a `global`, a path with any other part (a configured theme's name, the working directory, the
 * request's value) or a file opened to write keeps the value unproven, and template-settings-py.ts reads no
 * shipped text at all in a project that writes into a module's folder (writesOwnFolder).
 */
import type { SgNode } from '@ast-grep/napi';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';

const FIXED = new Set(['integer', 'float', 'true', 'false', 'none']);
// Deep enough for a report's parts list built in a loop; a chain longer than this is not read.
const MAX_DEPTH = 12;

const isPlainString = (n: SgNode): boolean =>
  kindOf(n) === 'string' && !n.children().some((c) => kindOf(c) === 'interpolation');

function literal(n: SgNode): string | undefined {
  if (!isPlainString(n)) return undefined;
  return /^[rRuUbB]*(['"]{1,3})([\s\S]*)\1$/.exec(n.text())?.[2];
}

const argsOf = (call: SgNode): SgNode[] =>
  call
    .field('arguments')
    ?.namedChildren()
    .filter((c) => kindOf(c) !== 'comment') ?? [];

/** The function body (or module) a node's names are local to. */
function scopeOf(n: SgNode): SgNode | undefined {
  for (let p = n.parent(); p; p = p.parent())
    if (kindOf(p) === 'function_definition' || kindOf(p) === 'module') return p;
  return undefined;
}

/** How a name occurs in its scope: what binds it, and the other occurrences. */
interface Occurrences {
  values: SgNode[];
  loops: SgNode[];
  handles: SgNode[];
  uses: SgNode[];
  other: boolean;
}

function occurrences(scope: SgNode, name: string): Occurrences {
  const out: Occurrences = { values: [], loops: [], handles: [], uses: [], other: false };
  const ids = scope.findAll({ rule: { kind: 'identifier', regex: `^${escapeRegex(name)}$` } });
  for (const id of ids) {
    const up = id.parent();
    const uk = up ? kindOf(up) : '';
    if (uk === 'assignment' && up!.field('left')?.id() === id.id()) {
      const v = up!.field('right');
      if (v) out.values.push(v);
      else out.other = true;
    } else if (uk === 'for_statement' && up!.field('left')?.id() === id.id()) {
      const it = up!.field('right');
      if (it) out.loops.push(it);
      else out.other = true;
    } else if (uk === 'as_pattern_target') {
      const call = up!.parent()?.namedChildren()[0];
      if (call && kindOf(up!.parent()!) === 'as_pattern') out.handles.push(call);
      else out.other = true;
    } else if (uk === 'attribute' && up!.field('attribute')?.id() === id.id()) {
      // `o.name` is another thing's attribute, not this local.
      continue;
    } else if (uk === 'keyword_argument' && up!.field('name')?.id() === id.id()) continue;
    else if (
      [
        'parameters',
        'default_parameter',
        'typed_parameter',
        'typed_default_parameter',
        'global_statement',
        'nonlocal_statement',
        'augmented_assignment',
        'pattern_list',
        'tuple_pattern',
        'list_pattern',
        'for_in_clause',
        'named_expression',
        'import_from_statement',
        'aliased_import',
        'dotted_name',
        'function_definition',
        'class_definition',
      ].includes(uk)
    )
      out.other = true;
    else out.uses.push(id);
  }
  return out;
}

/**
 * The occurrences of a name where it is bound: the function around it, or, when the function binds it nowhere,
 * the module (a constant such as `HERE = os.path.dirname(__file__)`; every binding anywhere in the module
 * counts then, a function's own included).
 */
function resolve(id: SgNode): Occurrences | undefined {
  const scope = scopeOf(id);
  if (!scope) return undefined;
  const o = occurrences(scope, id.text());
  if (o.other || o.values.length + o.loops.length + o.handles.length > 0 || kindOf(scope) === 'module')
    return o;
  const root = scope.getRoot().root();
  return occurrences(root, id.text());
}

/** The reader of the shipped text, with the names it has already entered (a cycle proves nothing). */
class Reader {
  private depth = 0;

  private within<T>(f: () => T, fallback: T): T {
    if (this.depth >= MAX_DEPTH) return fallback;
    this.depth++;
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  /** Whether `v` is text the program or its package ships. */
  text(v: SgNode): boolean {
    return this.within(() => this.textNow(v), false);
  }

  private textNow(v: SgNode): boolean {
    const k = kindOf(v);
    if (FIXED.has(k) || isPlainString(v)) return true;
    if (k === 'concatenated_string') return v.namedChildren().every(isPlainString);
    if (k === 'parenthesized_expression') return v.namedChildren().every((c) => this.text(c));
    if (k === 'binary_operator')
      return (
        v.field('operator')?.text() === '+' &&
        !!v.field('left') &&
        !!v.field('right') &&
        this.text(v.field('left')!) &&
        this.text(v.field('right')!)
      );
    if (k === 'identifier') return this.localText(v);
    if (k !== 'call') return false;
    const f = v.field('function');
    if (!f) return false;
    if (kindOf(f) === 'attribute') {
      const method = f.field('attribute')?.text();
      const obj = f.field('object');
      const args = argsOf(v);
      if (!obj) return false;
      // `"\n".join(parts)`
      if (method === 'join' && isPlainString(obj)) return args.length === 1 && this.list(args[0]!);
      // `handle.read()`, `open(P).read()`, `P.read_text()`
      if (method === 'read' && args.length === 0) return this.readHandle(obj);
      if (method === 'read_text') return this.path(obj) && args.every(fixedArg);
      if (method === 'decode') return args.every(fixedArg) && this.bytes(obj);
    }
    return this.resource(v);
  }

  /** `pkgutil.get_data(__name__, "static/x.css")`: the package's own resource. */
  private resource(v: SgNode): boolean {
    const f = v.field('function')?.text() ?? '';
    const [pkg, name, ...rest] = argsOf(v);
    return (
      /^(?:pkgutil\.)?get_data$/.test(f) &&
      !!pkg &&
      /^__(?:name|package)__$/.test(pkg.text()) &&
      !!name &&
      safePart(literal(name)) &&
      rest.length === 0
    );
  }

  private bytes(v: SgNode): boolean {
    if (kindOf(v) !== 'call') return false;
    const f = v.field('function');
    if (f && kindOf(f) === 'attribute' && f.field('attribute')?.text() === 'read_bytes')
      return argsOf(v).length === 0 && this.path(f.field('object')!);
    if (f && kindOf(f) === 'attribute' && f.field('attribute')?.text() === 'read')
      return argsOf(v).length === 0 && this.readHandle(f.field('object')!);
    return this.resource(v);
  }

  /** A local every binding of which is shipped text, or a loop variable over a list of it. */
  private localText(id: SgNode): boolean {
    const o = resolve(id);
    if (!o) return false;
    if (o.other || o.handles.length > 0 || o.values.length + o.loops.length === 0) return false;
    return o.values.every((v) => this.text(v)) && o.loops.every((it) => this.list(it));
  }

  /** A list (or tuple) of shipped text: written in place, or a local filled only with such text. */
  list(v: SgNode): boolean {
    return this.within(() => this.listNow(v), false);
  }

  private listNow(v: SgNode): boolean {
    const k = kindOf(v);
    if (k === 'list' || k === 'tuple') return v.namedChildren().every((c) => this.text(c));
    if (k !== 'identifier') return false;
    const o = resolve(v);
    if (!o) return false;
    if (o.other || o.handles.length > 0 || o.values.length === 0 || o.loops.length > 0) return false;
    if (!o.values.every((x) => this.list(x))) return false;
    return o.uses.every((u) => this.listUse(u));
  }

  /** A use of a list name that fills it with shipped text, loops over it or joins it; nothing else. */
  private listUse(u: SgNode): boolean {
    const up = u.parent();
    if (!up) return false;
    const uk = kindOf(up);
    if (uk === 'for_statement' && up.field('right')?.id() === u.id()) return true;
    if (uk === 'attribute' && up.field('object')?.id() === u.id()) {
      const call = up.parent();
      const method = up.field('attribute')?.text();
      if (!call || kindOf(call) !== 'call' || call.field('function')?.id() !== up.id()) return false;
      const args = argsOf(call);
      if (method === 'append') return args.length === 1 && this.text(args[0]!);
      if (method === 'insert') return args.length === 2 && this.text(args[1]!);
      if (method === 'extend') return args.length === 1 && this.list(args[0]!);
      return false;
    }
    if (uk === 'argument_list') {
      const call = up.parent();
      const f = call?.field('function');
      return (
        !!f &&
        kindOf(f) === 'attribute' &&
        f.field('attribute')?.text() === 'join' &&
        isPlainString(f.field('object')!) &&
        argsOf(call!).length === 1
      );
    }
    return false;
  }

  /** A file object opened to read a file of the package: `with open(P) as F`'s `F`, `F = open(P)`, `open(P)`. */
  private readHandle(v: SgNode): boolean {
    if (kindOf(v) === 'call') return this.opensOwn(v);
    if (kindOf(v) !== 'identifier') return false;
    const o = resolve(v);
    if (!o) return false;
    if (o.other || o.loops.length > 0) return false;
    const opens = [...o.handles, ...o.values];
    return opens.length > 0 && opens.every((c) => kindOf(c) === 'call' && this.opensOwn(c));
  }

  private opensOwn(call: SgNode): boolean {
    const f = call.field('function');
    if (!f) return false;
    const args = argsOf(call);
    const positional = args.filter((a) => kindOf(a) !== 'keyword_argument');
    const mode = [
      positional[1],
      args
        .find((a) => kindOf(a) === 'keyword_argument' && a.field('name')?.text() === 'mode')
        ?.field('value'),
    ].find((m): m is SgNode => !!m);
    // Opened to read only: a mode that writes or appends may be the program's output file.
    if (mode && !/^[rbt]*$/.test(literal(mode) ?? 'w')) return false;
    const fn = f.text();
    if (fn === 'open' || fn === 'io.open' || fn === 'codecs.open')
      return !!positional[0] && this.path(positional[0]) && positional.length <= 2;
    // `P.open()`
    if (kindOf(f) === 'attribute' && f.field('attribute')?.text() === 'open')
      return this.path(f.field('object')!) && positional.length <= 1;
    return false;
  }

  /** A path under the module's folder made of literal names only (also the folder itself). */
  path(v: SgNode): boolean {
    return this.within(() => this.pathNow(v), false);
  }

  private pathNow(v: SgNode): boolean {
    const k = kindOf(v);
    if (k === 'parenthesized_expression') {
      const inner = v.namedChildren();
      return inner.length === 1 && this.path(inner[0]!);
    }
    if (k === 'identifier') {
      const o = resolve(v);
      if (!o) return false;
      if (o.other || o.handles.length > 0 || o.loops.length > 0 || o.values.length === 0) return false;
      return o.values.every((x) => this.path(x));
    }
    if (k === 'binary_operator')
      return (
        v.field('operator')?.text() === '/' && this.path(v.field('left')!) && this.part(v.field('right')!)
      );
    if (k === 'attribute') {
      // `Path(__file__).parent`, `Path(__file__).resolve().parent`
      const obj = v.field('object');
      return v.field('attribute')?.text() === 'parent' && !!obj && isFileRef(obj);
    }
    if (k !== 'call') return false;
    const f = v.field('function');
    const fn = f?.text() ?? '';
    const args = argsOf(v);
    if (/^(?:os\.path\.)?dirname$/.test(fn)) return args.length === 1 && isFileText(args[0]!);
    if (/^(?:os\.path\.)?join$/.test(fn)) {
      const [dir, ...rest] = args;
      return !!dir && rest.length > 0 && this.path(dir) && rest.every((a) => this.part(a));
    }
    // `folder.absolute()`, `.resolve()` of a path already the package's.
    if (f && kindOf(f) === 'attribute' && /^(?:absolute|resolve)$/.test(f.field('attribute')?.text() ?? ''))
      return args.length === 0 && this.path(f.field('object')!);
    return false;
  }

  /** A path part: a literal name, or a loop variable over literal names, none climbing out or absolute. */
  private part(v: SgNode): boolean {
    if (isPlainString(v)) return safePart(literal(v));
    if (kindOf(v) !== 'identifier') return false;
    const o = resolve(v);
    if (!o) return false;
    if (o.other || o.handles.length > 0 || o.values.length + o.loops.length === 0) return false;
    return o.values.every((x) => this.part(x)) && o.loops.every((it) => this.literalParts(it));
  }

  private literalParts(v: SgNode): boolean {
    return this.within(() => {
      const k = kindOf(v);
      if (k === 'list' || k === 'tuple') return v.namedChildren().every((c) => safePart(literal(c)));
      if (k !== 'identifier') return false;
      const o = resolve(v);
      if (!o) return false;
      if (o.other || o.handles.length > 0 || o.loops.length > 0 || o.values.length === 0) return false;
      return (
        o.values.every((x) => this.literalParts(x)) &&
        o.uses.every((u) => kindOf(u.parent()!) === 'for_statement')
      );
    }, false);
  }
}

/** An argument that is a literal, by position or keyword (`encoding="utf8"`). */
function fixedArg(a: SgNode): boolean {
  return isPlainString(kindOf(a) === 'keyword_argument' ? (a.field('value') ?? a) : a);
}

/** A literal path part that stays under the folder: no `..` segment, not absolute, no drive. */
function safePart(s: string | undefined): boolean {
  return s !== undefined && !/^[\\/]|^[A-Za-z]:|(?:^|[\\/])\.\.(?:[\\/]|$)/.test(s);
}

/** `__file__`, or `os.path.abspath(__file__)` / `realpath`. */
function isFileText(v: SgNode): boolean {
  if (v.text() === '__file__') return true;
  if (kindOf(v) !== 'call') return false;
  const args = argsOf(v);
  return (
    /^(?:os\.path\.)?(?:abspath|realpath)$/.test(v.field('function')?.text() ?? '') &&
    args.length === 1 &&
    args[0]!.text() === '__file__'
  );
}

/** `Path(__file__)`, also after `.resolve()` / `.absolute()`. */
function isFileRef(v: SgNode): boolean {
  if (kindOf(v) !== 'call') return false;
  const f = v.field('function');
  const args = argsOf(v);
  if (/^(?:pathlib\.)?Path$/.test(f?.text() ?? '')) return args.length === 1 && isFileText(args[0]!);
  return (
    !!f &&
    kindOf(f) === 'attribute' &&
    /^(?:absolute|resolve)$/.test(f.field('attribute')?.text() ?? '') &&
    args.length === 0 &&
    isFileRef(f.field('object')!)
  );
}

/** Whether a value is fixed text or text of files the package ships (see the module comment). */
export function shippedText(v: SgNode): boolean {
  return new Reader().text(v);
}

// A binding of a name to a path under a module's folder (`HERE = os.path.dirname(__file__)`,
// `BASE_DIR = Path(__file__).resolve().parent`, `self.root = os.path.join(HERE, "static")`).
const BINDING = /^[ \t]*(?:self\.)?(\w+)[ \t]*(?::[^=\n]+)?=(?!=)([^\n]*)/gm;
// Calls that write the file named by (some of) their arguments; the first of a copy or move is its source.
const WRITE_FUNCTION = /^(?:shutil\.(?:copy2?|copyfile|copytree|move)|os\.(?:rename|replace|link|symlink))$/;
// Methods that write the file named by their receiver (pathlib) or, for `save`, by their arguments.
const WRITE_PATH_METHOD = /^(?:write_text|write_bytes|touch|symlink_to|hardlink_to)$/;

/** `names` grown by every binding in `texts` of a name `accept`s to text naming one of them, to a fixed point. */
function grow(names: Set<string>, texts: readonly string[], accept: (name: string) => boolean): Set<string> {
  for (let grew = true; grew;) {
    grew = false;
    const word = new RegExp(`\\b(?:${[...names].map(escapeRegex).join('|')})\\b`);
    for (const text of texts)
      for (const m of text.matchAll(BINDING))
        if (!names.has(m[1]!) && accept(m[1]!) && word.test(m[2]!)) {
          names.add(m[1]!);
          grew = true;
        }
  }
  return names;
}

/**
 * The names that mean a module's own folder anywhere in the project: `__file__`, Flask's `root_path`,
 * `static_folder` and `template_folder` (the package's folder and its parts), and every upper-case constant
 * bound, in any module, to text naming one of those (Django's `BASE_DIR`, read as `settings.BASE_DIR`). A
 * lower-case name (`path`, `here`) means the folder only in the module that binds it (writesOwnFolder).
 */
export function ownFolderNames(texts: Iterable<string>): Set<string> {
  const seed = new Set(['__file__', 'root_path', 'static_folder', 'template_folder']);
  return grow(seed, [...texts], (n) => /^[A-Z][A-Z0-9_]*$/.test(n));
}

/**
 * Whether a module writes a file at a path that names a module's own folder (ownFolderNames, and any name the
 * module itself binds to text naming one, `HERE = os.path.dirname(__file__)`): `open(P, "w")` (also
 * `codecs.open`, `aiofiles.open`; any mode that writes, or a mode that is not a literal), `os.open(P, flags)`
 * with flags that write or are not spelled out, `upload.save(P)`, `P.write_text(t)`, a copy or move to `P`.
 * The package's files are then not only its own text: a handler may have written them (an uploaded stylesheet
 * saved over the shipped one), so template-settings-py.ts reads no shipped text in that project.
 */
export function writesOwnFolder(root: SgNode, names: ReadonlySet<string>): boolean {
  const own = grow(new Set(names), [root.text()], () => true);
  const word = new RegExp(`\\b(?:${[...own].map(escapeRegex).join('|')})\\b`);
  const names_ = (ns: SgNode[]): boolean => ns.some((n) => word.test(n.text()));
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const f = call.field('function');
    if (!f) continue;
    const fn = f.text();
    const args = argsOf(call);
    if (fn === 'os.open') {
      // Flags that write, or flags not spelled out (`os.open(P, flags)`).
      const flags = args[1]?.text() ?? '';
      const readOnly =
        /^(?:os\.O_\w+[\s|]*)+$/.test(flags) && !/O_(?:WRONLY|RDWR|CREAT|APPEND|TRUNC)/.test(flags);
      if (!readOnly && args[0] && names_([args[0]])) return true;
    } else if (/^(?:io\.|codecs\.|aiofiles\.)?open$/.test(fn)) {
      const mode =
        args
          .find((a) => kindOf(a) === 'keyword_argument' && a.field('name')?.text() === 'mode')
          ?.field('value') ?? (args[1] && kindOf(args[1]) !== 'keyword_argument' ? args[1] : undefined);
      const m = mode ? literal(mode) : 'r';
      if ((m === undefined || /[wax+]/.test(m)) && args[0] && names_([args[0]])) return true;
    } else if (WRITE_FUNCTION.test(fn)) {
      if (names_(args.slice(1))) return true;
    } else if (kindOf(f) === 'attribute') {
      const method = f.field('attribute')?.text() ?? '';
      const receiver = f.field('object');
      if (method === 'save' && names_(args)) return true;
      if (method === 'open' && receiver && names_([receiver])) {
        const m = args[0] ? literal(args[0]) : 'r';
        if (m === undefined || /[wax+]/.test(m)) return true;
      }
      if (WRITE_PATH_METHOD.test(method) && receiver && names_([receiver])) return true;
    }
  }
  return false;
}
