/**
 * The regular expression a syntax node writes, for the ReDoS check: a JavaScript regex literal, or a
 * string literal given to `RegExp`/`re.compile` with the flags written beside it. Anything built at run
 * time, or written in a form read here only approximately (f-strings, concatenation), gives undefined,
 * so it is never reported.
 */
import type { SgNode } from '@ast-grep/napi';
import { catastrophicBacktracking, type RedosVerdict } from './redos.js';

const JS_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v' };

/** The value of a JavaScript string literal's body, or undefined for an escape read only approximately. */
function jsString(body: string): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n === undefined) return undefined;
    if (n in JS_ESCAPES) out += JS_ESCAPES[n];
    else if (n === 'x' || n === 'u') {
      const m =
        n === 'x' ? /^[0-9a-fA-F]{2}/.exec(body.slice(i + 1)) : /^[0-9a-fA-F]{4}/.exec(body.slice(i + 1));
      if (!m) return undefined;
      out += String.fromCharCode(parseInt(m[0], 16));
      i += m[0].length;
    } else if (n === '0' && !/\d/.test(body[i + 1] ?? '')) out += '\0';
    else if (/\d/.test(n)) return undefined;
    else if (n !== '\n') out += n;
  }
  return out;
}

/** The value of a Python string literal (with its prefix and quotes), or undefined. */
function pythonString(text: string): string | undefined {
  const m = /^([rRbBuU]{0,2})('''|"""|'|")([\s\S]*)\2$/.exec(text);
  if (!m) return undefined;
  const raw = /r/i.test(m[1]!);
  const body = m[3]!;
  if (raw) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n === undefined) return undefined;
    if (n === '\\' || n === "'" || n === '"') out += n;
    else if (n in JS_ESCAPES || n === 'a') out += n === 'a' ? '\x07' : JS_ESCAPES[n];
    else if (n === '\n') continue;
    else if (/[xuUN0-7]/.test(n)) return undefined;
    // An unknown escape stays as written, backslash and all (`'\d'` is the regex `\d`).
    else out += `\\${n}`;
  }
  return out;
}

/** Python's `re` flags written as `re.I | re.IGNORECASE | …`, as the letters the checker reads. */
function pythonFlags(nodes: SgNode[]): string {
  const text = nodes.map((n) => n.text()).join(' ');
  let flags = '';
  if (/\b(re\.)?(X|VERBOSE)\b/.test(text)) flags += 'x';
  if (/\b(re\.)?(I|IGNORECASE)\b/.test(text)) flags += 'i';
  if (/\b(re\.)?(S|DOTALL)\b/.test(text)) flags += 's';
  if (/\b(re\.)?(M|MULTILINE)\b/.test(text)) flags += 'm';
  return flags;
}

/** The pattern and flags a node writes, with the language's syntax, or undefined when not fixed text. */
export function regexOfNode(
  node: SgNode,
  flagsNode: SgNode | null,
  python: boolean,
): { pattern: string; flags: string } | undefined {
  const kind = node.kind() as string;
  if (python) {
    if (kind !== 'string' || node.children().some((c) => (c.kind() as string) === 'interpolation'))
      return undefined;
    const pattern = pythonString(node.text());
    // The flags may be any later argument (`re.match(p, s, re.VERBOSE)`, `flags=re.I`): read them all.
    const args = node.parent();
    const later =
      args?.kind() === 'argument_list'
        ? args.children().filter((c) => c.isNamed() && c.range().start.index > node.range().start.index)
        : [];
    const flags = pythonFlags(later.length > 0 ? later : flagsNode ? [flagsNode] : []);
    return pattern === undefined || flags === undefined ? undefined : { pattern, flags };
  }
  if (kind === 'regex')
    return { pattern: node.field('pattern')?.text() ?? '', flags: node.field('flags')?.text() ?? '' };
  if (kind !== 'string') return undefined;
  const pattern = jsString(node.text().slice(1, -1));
  const flagText = flagsNode?.text();
  const flags =
    flagText === undefined ? '' : /^['"][dgimsuvy]*['"]$/.test(flagText) ? flagText.slice(1, -1) : undefined;
  return pattern === undefined || flags === undefined ? undefined : { pattern, flags };
}

/** The ReDoS verdict for a node, cached by pattern (one bundle repeats the same expressions). */
const cache = new Map<string, RedosVerdict | null>();
export function backtrackingOf(
  node: SgNode,
  flagsNode: SgNode | null,
  python: boolean,
): RedosVerdict | undefined {
  const re = regexOfNode(node, flagsNode, python);
  if (!re) return undefined;
  const key = `${python ? 'py' : 'js'}/${re.flags}/${re.pattern}`;
  let v = cache.get(key);
  if (v === undefined) {
    v = catastrophicBacktracking(re.pattern, re.flags, python ? 'python' : 'js') ?? null;
    if (cache.size > 5000) cache.clear();
    cache.set(key, v);
  }
  return v ?? undefined;
}
