import { regexNeeds } from './regex-needs.js';
import type { RegexNeeds } from './regex-needs.js';

/*
 * What text a JavaScript regex (a source label's trigger, a rule's prefilter, `re2`'s objects included, which
 * take the same source) needs, read with regex-needs.ts' reader of ast-grep's regexes: a text holding none
 * of one of the lists cannot pass the test, so the test need not be run on it (text-facts.ts). Most of those
 * tests begin with a look-behind or `\}\s*` that no literal search can skip to, and run over every text.
 *
 * The two syntaxes agree on what the reader takes from a source: literals, escaped punctuation, `\d \w \s \b`
 * and their negations, `\n \r \t \f \v`, classes, `.`, anchors, groups, alternation and repetition. Where they
 * differ, the source is not read: any other escape of a letter or digit (`\a` is a bell to the reader and `a`
 * to JavaScript; `\x{41}`, `\u`, back-references), a class holding an unescaped `[` (a nested class to the
 * reader) or opening with `]` (`[]` and `[^]` end there in JavaScript, not in the reader), and flags other
 * than `u`, `s` and `m` (`i` folds case another way, `g` and `y` keep state between tests). Look-arounds are
 * taken out first: they match no text of their own, so whatever the regex matches, it matches without them,
 * and a literal the rest needs is still needed.
 */

const SAME_ESCAPES = new Set('dDwWsSbBnrtfv');

/** The source of `re` without its look-arounds, or undefined when it is not read (see above). */
export function withoutLookarounds(re: string): string | undefined {
  let out = '';
  let depth = 0;
  // The nesting of the groups open at each look-around being left out; -1: none.
  let dropFrom = -1;
  for (let i = 0; i < re.length; i++) {
    const c = re[i] as string;
    let token = c;
    if (c === '\\') {
      const e = re[i + 1];
      if (e === undefined) return undefined;
      if (/[0-9A-Za-z]/.test(e) && !SAME_ESCAPES.has(e)) return undefined;
      token = c + e;
      i++;
    } else if (c === '[') {
      let j = i + 1;
      if (re[j] === '^') j++;
      if (re[j] === ']') return undefined;
      for (; j < re.length && re[j] !== ']'; j++) {
        if (re[j] === '[') return undefined;
        if (re[j] === '\\') {
          const e = re[j + 1];
          if (e === undefined) return undefined;
          if (/[0-9A-Za-z]/.test(e) && !SAME_ESCAPES.has(e)) return undefined;
          j++;
        }
      }
      if (j >= re.length) return undefined;
      token = re.slice(i, j + 1);
      i = j;
    } else if (c === '(') {
      const look = /^\(\?<?[=!]/.test(re.slice(i, i + 4));
      if (look && dropFrom < 0) dropFrom = depth;
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth < 0) return undefined;
      if (depth === dropFrom) {
        dropFrom = -1;
        // A repeated look-around (allowed by JavaScript): left out, its count would fall on the atom before.
        if (/^[*+?{]/.test(re.slice(i + 1, i + 2))) return undefined;
        continue;
      }
    }
    if (dropFrom < 0) out += token;
  }
  return depth === 0 ? out : undefined;
}

/**
 * The literals a text must hold for `test` to pass (RegexNeeds, case-sensitive only); empty when nothing is
 * read, or the test is no regex.
 */
export function textNeeds(test: { source?: unknown; flags?: unknown }): RegexNeeds {
  if (typeof test.source !== 'string' || typeof test.flags !== 'string') return [];
  if (!/^[usm]*$/.test(test.flags)) return [];
  const src = withoutLookarounds(test.source);
  if (src === undefined) return [];
  // Every literal of a source without the `i` flag is case-sensitive; a list holding another is not used.
  return regexNeeds(src).filter((set) => set.every((lit) => !lit.startsWith('\0')));
}
