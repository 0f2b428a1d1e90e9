import { compareSemver, parseSemver } from './semver.js';

/** One desugared comparator: `>=1.2.3`, `<2.0.0-0`. */
interface Comparator {
  op: '>=' | '<' | '<=' | '>' | '=';
  version: string;
}

// A partial version as ranges write it: `1`, `1.2`, `1.x`, `1.2.*`, `v1.2.3-beta.1`.
const PARTIAL =
  /^v?(\d{1,16}|[xX*])(?:\.(\d{1,16}|[xX*]))?(?:\.(\d{1,16}|[xX*]))?(?:-([0-9A-Za-z.-]{1,100}))?(?:\+[0-9A-Za-z.-]{0,100})?$/;
const COMPARATOR = /^(\^|~>?|>=|<=|>|<|=)?\s*(\S+)$/;
const MAX_RANGE = 1000;

type Parts = [number | undefined, number | undefined, number | undefined, string | undefined];

function partial(text: string): Parts | undefined {
  const m = PARTIAL.exec(text);
  if (!m) return undefined;
  const num = (s: string | undefined): number | undefined =>
    s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s);
  const a = num(m[1]);
  const b = a === undefined ? undefined : num(m[2]);
  const c = b === undefined ? undefined : num(m[3]);
  return [a, b, c, c === undefined ? undefined : m[4]];
}

const v = (a: number, b: number, c: number, pre?: string): string => `${a}.${b}.${c}${pre ? `-${pre}` : ''}`;

/** Desugars one comparator as npm's `semver` does (caret, tilde, x-ranges, partial bounds). */
function desugar(op: string, p: Parts): Comparator[] | undefined {
  const [a, b, c, pre] = p;
  if (a === undefined) return op === '<' || op === '>' ? [{ op: '<', version: '0.0.0-0' }] : [];
  const lo = v(a, b ?? 0, c ?? 0, pre);
  switch (op) {
    case '^': {
      const hi =
        a > 0 || b === undefined
          ? v(a + 1, 0, 0, '0')
          : b > 0 || c === undefined
            ? v(0, b + 1, 0, '0')
            : v(0, 0, c + 1, '0');
      return [
        { op: '>=', version: lo },
        { op: '<', version: hi },
      ];
    }
    case '~':
    case '~>':
      return [
        { op: '>=', version: lo },
        { op: '<', version: b === undefined ? v(a + 1, 0, 0, '0') : v(a, b + 1, 0, '0') },
      ];
    case '>':
      if (c !== undefined) return [{ op: '>', version: lo }];
      return [{ op: '>=', version: b === undefined ? v(a + 1, 0, 0) : v(a, b + 1, 0) }];
    case '>=':
      return [{ op: '>=', version: lo }];
    case '<':
      return [{ op: '<', version: c !== undefined ? lo : v(a, b ?? 0, 0, '0') }];
    case '<=':
      if (c !== undefined) return [{ op: '<=', version: lo }];
      return [{ op: '<', version: b === undefined ? v(a + 1, 0, 0, '0') : v(a, b + 1, 0, '0') }];
    default:
      if (c !== undefined) return [{ op: '=', version: lo }];
      return desugar('~', p);
  }
}

function holds(version: string, k: Comparator): boolean {
  const d = compareSemver(version, k.version);
  return k.op === '='
    ? d === 0
    : k.op === '>='
      ? d >= 0
      : k.op === '>'
        ? d > 0
        : k.op === '<'
          ? d < 0
          : d <= 0;
}

/** The comparator sets of a range (`a b || c`), or undefined when the text is not an npm semver range. */
function parseRange(range: string): Comparator[][] | undefined {
  if (range.length > MAX_RANGE) return undefined;
  const sets: Comparator[][] = [];
  for (const alt of range.split('||')) {
    const text = alt.trim();
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    let set: Comparator[] | undefined = [];
    if (hyphen) {
      const from = partial(hyphen[1]!);
      const to = partial(hyphen[2]!);
      if (!from || !to) return undefined;
      set = [...(desugar('>=', from) ?? []), ...(desugar('<=', to) ?? [])];
    } else {
      // `>= 1.2` is one comparator: glue operators to their version before splitting on spaces.
      for (const token of text
        .replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1')
        .split(/\s+/)
        .filter(Boolean)) {
        const m = COMPARATOR.exec(token);
        const p = m ? partial(m[2]!) : undefined;
        const ks = p ? desugar(m![1] ?? '', p) : undefined;
        if (!ks) return undefined;
        set.push(...ks);
      }
    }
    sets.push(set);
  }
  return sets;
}

/**
 * True when an installed version satisfies an npm range, false when it does not, undefined when the
 * declaration is not a semver range (a git URL, a tag such as `latest`, `file:`, `workspace:`).
 * A prerelease satisfies only a set that names a prerelease of the same x.y.z, as npm decides.
 */
export function satisfiesNpmRange(version: string, range: string): boolean | undefined {
  const parsed = parseSemver(version);
  const sets = parseRange(range.trim() === '' ? '*' : range);
  if (!parsed || !sets) return undefined;
  const core = parsed.release.join('.');
  return sets.some(
    (set) =>
      set.every((k) => holds(version, k)) &&
      (parsed.pre.length === 0 ||
        set.some((k) => {
          const kp = parseSemver(k.version);
          return kp !== undefined && kp.pre.length > 0 && kp.pre[0] !== '0' && kp.release.join('.') === core;
        })),
  );
}

/**
 * True when an npm range admits some version below `bound` (a release, `5.0.0`), false when every version it
 * admits is `bound` or later (`^5.0.0`, `>=5`, `5.x || ^6`), undefined when the declaration is not a semver range.
 * Read from each comparator set's lower bound: a set with no `>=`, `>` or `=` starts at 0.0.0.
 */
export function npmRangeAdmitsBelow(range: string, bound: string): boolean | undefined {
  const sets = parseRange(range.trim() === '' ? '*' : range);
  if (!sets) return undefined;
  return sets.some((set) => {
    let low = '0.0.0-0';
    for (const k of set)
      if ((k.op === '>=' || k.op === '>' || k.op === '=') && compareSemver(k.version, low) > 0)
        low = k.version;
    return compareSemver(low, bound) < 0;
  });
}
