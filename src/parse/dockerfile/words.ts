/** One word of an instruction's arguments, split as Docker's shell lexer splits them. */
export interface Word {
  /** The word with quotes removed and escapes applied. */
  value: string;
  /** Offset of the word's first character in the arguments. */
  offset: number;
}

/** Space, tab, line feed, vertical tab, form feed, carriage return. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Splits arguments into words at unquoted whitespace; quotes are removed, the escape character takes
 * the next character literally (inside double quotes only before `"`, `$` and itself, as in Docker).
 * A word is built from slices of `args`, never character by character: a word of megabytes stays flat.
 */
export function dockerWords(args: string, escape = '\\'): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < args.length) {
    while (i < args.length && isSpace(args.charCodeAt(i))) i++;
    if (i >= args.length) break;
    const offset = i;
    const parts: string[] = [];
    let run = i;
    let quote = '';
    const cut = (at: number, skip: number): void => {
      if (at > run) parts.push(args.slice(run, at));
      run = at + skip;
    };
    for (; i < args.length; i++) {
      const c = args[i]!;
      if (quote === "'" || quote === '"') {
        if (c === quote) {
          cut(i, 1);
          quote = '';
        } else if (quote === '"' && c === escape && i + 1 < args.length) {
          // Inside double quotes the escape applies only before `"`, `$` and itself, as in Docker.
          const n = args[i + 1]!;
          if (n === '"' || n === '$' || n === escape) cut(i, 1);
          i++;
        }
      } else if (c === escape && i + 1 < args.length) {
        cut(i, 1);
        i++;
      } else if (c === '"' || c === "'") {
        cut(i, 1);
        quote = c;
      } else if (isSpace(args.charCodeAt(i))) break;
    }
    cut(i, 0);
    words.push({ value: parts.length === 1 ? parts[0]! : parts.join(''), offset });
  }
  return words;
}

/** A `name=value` (or bare `name`) of ENV, ARG or LABEL, with the offset of its name. */
export interface KeyValue {
  name: string;
  /** null for a bare name (`ARG TOKEN`). */
  value: string | null;
  offset: number;
}

/**
 * The properties of ENV or ARG. ENV's legacy form `ENV NAME value with spaces` (no `=` in the first
 * word) sets one variable to the rest of the line.
 */
export function dockerProperties(kind: 'ENV' | 'ARG', args: string, escape = '\\'): KeyValue[] {
  const words = dockerWords(args, escape);
  const first = words[0];
  if (kind === 'ENV' && first && !first.value.includes('=')) {
    const rest = words[1] ? args.slice(words[1].offset).trim() : '';
    const value = dockerWords(rest, escape)
      .map((w) => w.value)
      .join(' ');
    return [{ name: first.value, value: words.length > 1 ? value : null, offset: first.offset }];
  }
  const out: KeyValue[] = [];
  for (const w of words) {
    const eq = w.value.indexOf('=');
    if (eq === 0) continue;
    if (eq < 0) {
      if (kind === 'ARG') out.push({ name: w.value, value: null, offset: w.offset });
      continue;
    }
    out.push({ name: w.value.slice(0, eq), value: w.value.slice(eq + 1), offset: w.offset });
  }
  return out;
}
