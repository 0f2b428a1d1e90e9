import type { SgNode } from '@ast-grep/napi';
import { NodeMemo } from './node-memo.js';

/**
 * Characters a value must not carry into a sink of each class. A `replace`/`re.sub` counts as a
 * sanitizer only when it provably removes (or replaces with harmless text) every one of them; classes
 * without an entry (redirects, SSRF, NoSQL objects) are never cleaned by a character replacement.
 */
export const METACHARACTERS: Readonly<Record<string, string>> = {
  html: `<>"'`,
  sql: `'"\\;-#/*()= \t\n`,
  shell: ';&|$`<>()\'"\\ \t\n*?[]{}~',
  path: './\\',
  code: '\'"`;()[]{}+-*/.,$\\<>=%#@!&|^~: \t\n',
  ldap: '*()\\&|=!<>~\0',
  xpath: `'"[]()/=@*|`,
  log: '\r\n',
  header: '\r\n',
  // A regular expression: every character that is not itself (groups, quantifiers, classes, anchors).
  regex: '\\^$.|?*+()[]{}',
};

/** The characters that end a path's name (Windows takes either). */
const SEPARATORS = '/\\';

/** The sink class of a rule, from its CWE ids (undefined: no character replacement cleans it). */
export function sinkClassOf(cwe: readonly number[]): string | undefined {
  const has = (...ids: number[]): boolean => ids.some((c) => cwe.includes(c));
  if (has(79, 80, 83)) return 'html';
  if (has(89, 564)) return 'sql';
  if (has(78, 77)) return 'shell';
  // Program arguments without a shell: where a value stands and how it starts matter (taint-argv.ts).
  if (has(88)) return 'argv';
  if (has(22, 23, 36, 73)) return 'path';
  if (has(94, 95, 96, 1336)) return 'code';
  if (has(90)) return 'ldap';
  if (has(643)) return 'xpath';
  if (has(117)) return 'log';
  if (has(113)) return 'header';
  if (has(601)) return 'redirect';
  // An outgoing request's URL: no character replacement cleans it; a literal `?` before the data does (taint-redirect.ts).
  if (has(918)) return 'ssrf';
  if (has(1333, 730)) return 'regex';
  return undefined;
}

/** A character class of a regex as a membership test, or undefined when it is not a plain class. */
export function classTest(body: string): ((c: string) => boolean) | undefined {
  const pred = (s: string): ((c: string) => boolean) | undefined => {
    const tests: ((c: string) => boolean)[] = [];
    // A range to a character written by its code (`[ -\u007e]`) is not read.
    if (/-\\[ux]/.test(s)) return undefined;
    for (let i = 0; i < s.length; i++) {
      let c = s[i]!;
      if (c === '\\') {
        const e = s[++i];
        if (e === undefined) return undefined;
        // `\uXXXX` and `\xXX`: the character with that code.
        const hex =
          e === 'u'
            ? /^[0-9a-fA-F]{4}/.exec(s.slice(i + 1))
            : e === 'x'
              ? /^[0-9a-fA-F]{2}/.exec(s.slice(i + 1))
              : null;
        if (hex) {
          const code = String.fromCharCode(parseInt(hex[0], 16));
          i += hex[0].length;
          // A range from such a character is not read: its end is not a plain character here.
          if (s[i + 1] === '-' && i + 2 < s.length) return undefined;
          tests.push((x) => x === code);
          continue;
        }
        const named: Record<string, (x: string) => boolean> = {
          w: (x) => /\w/.test(x),
          W: (x) => /\W/.test(x),
          d: (x) => /\d/.test(x),
          D: (x) => /\D/.test(x),
          s: (x) => /\s/.test(x),
          S: (x) => /\S/.test(x),
        };
        const n = named[e];
        if (n) {
          tests.push(n);
          continue;
        }
        c = ({ n: '\n', r: '\r', t: '\t', 0: '\0' } as Record<string, string>)[e] ?? e;
        if (/[a-zA-Z1-9]/.test(e) && !'nrt'.includes(e)) return undefined;
      }
      if (s[i + 1] === '-' && i + 2 < s.length && s[i + 2] !== '\\') {
        const lo = c.charCodeAt(0);
        const hi = s.charCodeAt(i + 2);
        i += 2;
        tests.push((x) => x.charCodeAt(0) >= lo && x.charCodeAt(0) <= hi);
        continue;
      }
      const lit = c;
      tests.push((x) => x === lit);
    }
    return (x) => tests.some((t) => t(x));
  };
  const m = /^\[(\^?)(.*)\]([+*]|\{1,\})?$/s.exec(body);
  if (m) {
    const inner = pred(m[2] ?? '');
    if (!inner) return undefined;
    return m[1] === '^' ? (x) => !inner(x) : inner;
  }
  // A single character or escape, optionally repeated: /</g, /\W+/g, /\r?\n/ is not one.
  const single = /^(\\.|[^\\[\]()|?*+.{}^$])([+*])?$/s.exec(body);
  return single ? pred(single[1] ?? '') : undefined;
}

function stringContent(n: SgNode | undefined, python: boolean): string | undefined {
  if (!n || n.kind() !== 'string') return undefined;
  if (n.namedChildren().some((c) => c.kind() === 'template_substitution' || c.kind() === 'interpolation'))
    return undefined;
  const t = n.text();
  const m = /^([rRbBuU]*)(['"]{1,3})([\s\S]*)\2$/.exec(t);
  if (!m) return undefined;
  const raw = /[rR]/.test(m[1] ?? '');
  const body = m[3] ?? '';
  if (raw) return body;
  return body.replace(/\\(.)/g, (_, c: string) =>
    python && c === '\\' ? '\\' : (({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c] ?? `\\${c}`),
  );
}

/** One replacement step: which characters it removes, and whether what it puts in is harmless. */
interface Step {
  removes: (c: string) => boolean;
  insert: string;
}

/** The answers of boundRegex for one tree: the names some declarator binds to a regex literal, and each name asked. */
interface RegexBindings {
  declared: Set<string>;
  byName: Map<string, SgNode | undefined>;
}

/** Per file (keyed by the taint engine's index of the file, which lives as long as its tree): its RegexBindings. */
const bindingsOf = new WeakMap<object, RegexBindings>();

/**
 * The regex literal a name is bound to once and never assigned again (`const INVALID_NAME_RE = /[\\/:*?]+/g` at
 * the top of the file, then `name.replace(INVALID_NAME_RE, '')`), else undefined. Each answer is kept per file
 * (`file`: an object that lives as long as the file's tree), and a name no declarator binds to a regex literal
 * is answered without searching the tree: a bundle asks about the same names at many calls, and each search
 * walked the whole tree twice.
 */
function boundRegex(name: SgNode, file: object | undefined): SgNode | undefined {
  const text = name.text();
  if (name.kind() !== 'identifier' || !/^[\w$]+$/.test(text)) return undefined;
  const root = name.getRoot().root();
  let b = file === undefined ? undefined : bindingsOf.get(file);
  if (file !== undefined && b === undefined) {
    const declared = new Set<string>();
    for (const d of root.findAll({
      rule: { kind: 'variable_declarator', has: { field: 'value', kind: 'regex' } },
    })) {
      const n = d.field('name');
      if (n) declared.add(n.text());
    }
    bindingsOf.set(file, (b = { declared, byName: new Map() }));
  }
  // Only a name bound to a regex literal by some declarator can be bound to one by its only declarator.
  if (b && !b.declared.has(text)) return undefined;
  if (b?.byName.has(text)) return b.byName.get(text);
  const exact = `^${text.replace(/\$/g, '\\$')}$`;
  const bound = root.findAll({ rule: { kind: 'variable_declarator', has: { field: 'name', regex: exact } } });
  const value = bound.length === 1 ? bound[0]?.field('value') : undefined;
  let out: SgNode | undefined;
  if (value?.kind() === 'regex') {
    const assigned = root.find({
      rule: {
        any: [{ kind: 'assignment_expression' }, { kind: 'augmented_assignment_expression' }],
        has: { field: 'left', kind: 'identifier', regex: exact },
      },
    });
    out = assigned ? undefined : value;
  }
  b?.byName.set(text, out);
  return out;
}

function jsStep(call: SgNode, file: object | undefined): { step: Step; receiver: SgNode | null } | undefined {
  const callee = call.field('function');
  const method = callee?.kind() === 'member_expression' ? callee.field('property')?.text() : undefined;
  if (method !== 'replace' && method !== 'replaceAll') return undefined;
  const [pat, rep] = call.field('arguments')?.namedChildren() ?? [];
  const insert = stringContent(rep, false);
  if (!pat || insert === undefined || insert.includes('$')) return undefined;
  let removes: ((c: string) => boolean) | undefined;
  const re = pat.kind() === 'regex' ? pat : boundRegex(pat, file);
  if (re) {
    const flags = re.field('flags')?.text() ?? '';
    if (!flags.includes('g')) return undefined;
    removes = classTest(re.field('pattern')?.text() ?? '');
  } else if (method === 'replaceAll') {
    const lit = stringContent(pat, false);
    if (lit?.length === 1) removes = (c) => c === lit;
  }
  return removes ? { step: { removes, insert }, receiver: callee?.field('object') ?? null } : undefined;
}

function pyStep(call: SgNode): Step | undefined {
  if (call.field('function')?.text() !== 're.sub') return undefined;
  const args = call.field('arguments')?.namedChildren() ?? [];
  // A count (4th argument or count=) replaces only the first occurrences.
  if (args.length > 3 && args[3]?.kind() !== 'keyword_argument') return undefined;
  if (args.some((a) => a.kind() === 'keyword_argument' && a.field('name')?.text() === 'count'))
    return undefined;
  const pattern = stringContent(args[0], true);
  const insert = stringContent(args[1], true);
  if (pattern === undefined || insert === undefined || insert.includes('\\')) return undefined;
  const removes = classTest(pattern);
  return removes ? { removes, insert } : undefined;
}

/**
 * True when `call` is a replacement (or a chain of them) that provably leaves none of the sink class's
 * metacharacters: a global character-class removal such as `s.replace(/[^\w-]/g, '')`,
 * `re.sub(r'[<>"\']', '', s)`, or an escaping chain that replaces each of them with harmless text. `file`, an
 * object kept for as long as the call's tree (the file's index), keeps what is learnt of the tree's names.
 */
export function replacementSanitizes(
  call: SgNode,
  sinkClass: string | undefined,
  python: boolean,
  file?: object,
): boolean {
  if (file === undefined) return sanitizes(call, sinkClass, python, undefined);
  // Every rule's evaluator, and the check asked for all of them, asks it of the same calls: kept per file,
  // sink class and call (the tree alone decides it; no taint step is spent here).
  let memo = KEPT.get(sinkClass);
  if (!memo) KEPT.set(sinkClass, (memo = new NodeMemo<boolean>()));
  return memo.of(file, call, () => sanitizes(call, sinkClass, python, file));
}

/** replacementSanitizes' answers by sink class (each kept per file and call). */
const KEPT = new Map<string | undefined, NodeMemo<boolean>>();

function sanitizes(
  call: SgNode,
  sinkClass: string | undefined,
  python: boolean,
  file: object | undefined,
): boolean {
  const meta = sinkClass === undefined ? undefined : METACHARACTERS[sinkClass];
  if (!meta) return false;
  const steps: Step[] = [];
  if (python) {
    const s = pyStep(call);
    if (s) steps.push(s);
  } else {
    let cur: SgNode | null = call;
    for (let i = 0; i < 16 && cur?.kind() === 'call_expression'; i++) {
      const s = jsStep(cur, file);
      if (!s) break;
      steps.push(s.step);
      cur = s.receiver;
    }
  }
  if (steps.length === 0) return false;
  // A path without '/' and '\\' is one name in the folder it is joined to, what `path.basename` (a sanitizer of
  // the path rules) leaves: the dots it may keep stay in that one name.
  const needed = sinkClass === 'path' ? SEPARATORS : meta;
  // What a later step inserts must itself be harmless; an entity like `&lt;` is.
  if (steps.some((s) => [...s.insert].some((c) => needed.includes(c)))) return false;
  return [...needed].every((c) => steps.some((s) => s.removes(c)));
}
