import type { SgNode } from '@ast-grep/napi';

/**
 * Python's `logging` formats a call's further positional arguments into its first one, a `%`-format string
 * (`log.debug("Bad JSON: %r", body)`). A value written with `%r` or `%a` comes out as its repr (a line break
 * is the two characters `\n`), one written with a number's conversion (`%d`, `%x`, `%f`…) as a number (a
 * string there is a formatting error, which logging reports with the repr of its arguments): none can forge a
 * log line. `%s` writes the value as is.
 */

/** One conversion of a `%`-format: its optional `(name)`, flags, width, precision, length and type. */
const CONVERSION = /%(\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)/g;
/** Conversions whose output cannot hold a line break, whatever the argument's text. */
const ESCAPED = new Set(['r', 'a', 'd', 'i', 'o', 'u', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G']);

/**
 * The conversion types of a literal format string in order (`%%` left out), or undefined when it cannot be
 * read: an f-string, a string joined of parts, named placeholders (a mapping argument), or a `*` width that
 * takes an argument of its own.
 */
export function formatConversions(node: SgNode): string[] | undefined {
  if (node.kind() !== 'string') return undefined;
  const text = node.text();
  const prefix = /^[A-Za-z]*/.exec(text)![0];
  if (/[fF]/.test(prefix)) return undefined;
  const out: string[] = [];
  for (const m of text.slice(prefix.length).matchAll(CONVERSION)) {
    if (m[4] === '%') continue;
    if (m[1] !== undefined || m[2] === '*' || m[3] === '*') return undefined;
    out.push(m[4]!);
  }
  return out;
}

/**
 * A format string marked for translation (`_LE('Failed to proxy to %r: %s')`, `_('…')`, `gettext('…')`): the
 * literal inside a gettext marker of one argument. A catalogue's translation keeps the conversions of its
 * message (`msgfmt --check-format` refuses a `python-format` entry whose conversions differ).
 */
const TRANSLATION_MARKER = /^(?:_|_L[EIWC]|u?gettext|u?gettext_lazy|gettext_noop)$/;

function formatLiteral(node: SgNode): SgNode {
  if (node.kind() !== 'call') return node;
  const fn = node.field('function');
  const args = node.field('arguments')?.namedChildren() ?? [];
  if (fn?.kind() !== 'identifier' || !TRANSLATION_MARKER.test(fn.text()) || args.length !== 1) return node;
  return args[0]!;
}

/**
 * The positional arguments of a logging call that its literal format string writes escaped (`%r`, `%a`) or as
 * numbers, by node id: the sink need not check them.
 */
export function escapedLogArguments(call: SgNode, positional: SgNode[]): Set<number> {
  const out = new Set<number>();
  const first = positional[0];
  if (
    !first ||
    call
      .field('arguments')
      ?.namedChildren()
      .some((c) => c.kind() === 'list_splat')
  )
    return out;
  const conversions = formatConversions(formatLiteral(first));
  if (!conversions) return out;
  positional.slice(1).forEach((arg, i) => {
    const c = conversions[i];
    if (c !== undefined && ESCAPED.has(c)) out.add(arg.id());
  });
  return out;
}

/** A format specification whose type writes a number (`:d`, `:>8.2f`, `:x`): a string there raises instead. */
const NUMERIC_SPEC = /^:[^{}]*[bcdoxXneEfFgG%]$/;

/**
 * An f-string a log call writes (`log.warning(f"Not allowing {url!r}")`) whose interpolations are written
 * with `!r`/`!a` (the repr: a line break is the two characters `\n`) or with a number's format: the
 * expressions of its other interpolations, which the sink checks instead of the whole string. Undefined when
 * the node is no f-string or none of its interpolations is escaped (the string is checked as a whole).
 */
export function unescapedFStringParts(node: SgNode): SgNode[] | undefined {
  if (node.kind() !== 'string') return undefined;
  const parts = node.children().filter((c) => c.kind() === 'interpolation');
  if (parts.length === 0) return undefined;
  const raw: SgNode[] = [];
  let escaped = 0;
  for (const part of parts) {
    const conversion = part
      .children()
      .find((c) => c.kind() === 'type_conversion')
      ?.text();
    const spec = part
      .children()
      .find((c) => c.kind() === 'format_specifier')
      ?.text();
    if (conversion === '!r' || conversion === '!a' || (spec !== undefined && NUMERIC_SPEC.test(spec)))
      escaped++;
    else {
      const value = part
        .children()
        .find((c) => c.isNamed() && c.kind() !== 'type_conversion' && c.kind() !== 'format_specifier');
      if (value) raw.push(value);
    }
  }
  return escaped === 0 ? undefined : raw;
}
