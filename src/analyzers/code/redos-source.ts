/**
 * The regular expression a syntax node writes, for the ReDoS check: a JavaScript regex literal, or a
 * string literal given to `RegExp`/`re.compile` with the flags written beside it. Anything built at run
 * time, or written in a form read here only approximately (f-strings, concatenation), gives undefined,
 * so it is never reported.
 */
import type { SgNode } from '@ast-grep/napi';
import { catastrophicBacktracking, type RedosVerdict } from './redos.js';

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v' };

/**
 * A string literal's body with its escapes read by `escape(letter, rest)`, which gives the text and how many
 * more characters it used, or undefined for an escape read only approximately (then the whole is undefined).
 */
function unescape(
  body: string,
  escape: (letter: string, rest: string) => [string, number] | undefined,
): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      out += body[i];
      continue;
    }
    const n = body[++i];
    const read = n === undefined ? undefined : escape(n, body.slice(i + 1));
    if (!read) return undefined;
    out += read[0];
    i += read[1];
  }
  return out;
}

/** A JavaScript escape: `\n`, `\x41`, `\u0041`, `\0`, a line continuation, or the character itself. */
function jsEscape(n: string, rest: string): [string, number] | undefined {
  if (n in SIMPLE) return [SIMPLE[n]!, 0];
  if (n === 'x' || n === 'u') {
    const m = (n === 'x' ? /^[0-9a-fA-F]{2}/ : /^[0-9a-fA-F]{4}/).exec(rest);
    return m ? [String.fromCharCode(parseInt(m[0], 16)), m[0].length] : undefined;
  }
  if (n === '0' && !/^\d/.test(rest)) return ['\0', 0];
  if (/\d/.test(n)) return undefined;
  return [n === '\n' ? '' : n, 0];
}

/** A Python escape; an unknown one stays as written, backslash and all (`'\d'` is the regex `\d`). */
function pythonEscape(n: string): [string, number] | undefined {
  if (n === '\\' || n === "'" || n === '"') return [n, 0];
  if (n === 'a') return ['\x07', 0];
  if (n in SIMPLE) return [SIMPLE[n]!, 0];
  if (n === '\n') return ['', 0];
  if (/[xuUN0-7]/.test(n)) return undefined;
  return [`\\${n}`, 0];
}

/** The value of a JavaScript string literal's body, or undefined for an escape read only approximately. */
const jsString = (body: string): string | undefined => unescape(body, jsEscape);

/** The value of a Python string literal (with its prefix and quotes), or undefined. */
function pythonString(text: string): string | undefined {
  const m = /^([rRbBuU]{0,2})('''|"""|'|")([\s\S]*)\2$/.exec(text);
  if (!m) return undefined;
  return /r/i.test(m[1]!) ? m[3]! : unescape(m[3]!, pythonEscape);
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
