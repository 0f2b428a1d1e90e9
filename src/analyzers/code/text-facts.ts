import RE2 from 're2';
import type { RegexNeeds } from './regex-needs.js';
import type { TextTest } from './sources.js';
import { textNeeds } from './text-needs.js';

/*
 * Rules' trigger words and source triggers are tested on the analysed file and on every module it imports,
 * once per rule: the same word (`query`, `exec`) is looked for in the same text by several rules, and an
 * imported module (Fastify's own `fastify.js` for each of its hundred test files) by every file importing
 * it. Each answer is kept per text, for the texts seen last.
 */

const KEEP = 64;
const facts = new Map<string, Map<string | TextTest, boolean>>();

function factsOf(text: string): Map<string | TextTest, boolean> {
  let f = facts.get(text);
  if (f) return f;
  f = new Map();
  facts.set(text, f);
  if (facts.size > KEEP) facts.delete(facts.keys().next().value as string);
  return f;
}

/**
 * Which of many words occur in a text, with one regex pass instead of one `includes` per word (4–7× less
 * time for the rules' two hundred trigger words). The pass looks ahead at every position for the longest
 * word starting there; a word that starts where a longer one does is its prefix, so every occurrence of
 * every word is seen either itself or as the prefix of what was found.
 */
export class WordIndex {
  private readonly words: Set<string>;
  private readonly scan: RegExp | undefined;
  private readonly seen = new Map<string, Set<string>>();

  constructor(words: Iterable<string>) {
    this.words = new Set([...words].filter((w) => w !== ''));
    const sorted = [...this.words].sort((a, b) => b.length - a.length);
    const alts = sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.scan = alts.length === 0 ? undefined : new RegExp(`(?=(${alts.join('|')}))`, 'g');
  }

  /** The words of the index that occur in `text` (remembered for the last texts asked about). */
  present(text: string): Set<string> {
    const hit = this.seen.get(text);
    if (hit) return hit;
    const out = new Set<string>();
    if (this.scan) {
      for (const m of text.matchAll(this.scan)) {
        const found = m[1] ?? '';
        if (out.has(found)) continue;
        for (let n = 1; n <= found.length; n++) {
          const w = found.slice(0, n);
          if (this.words.has(w)) out.add(w);
        }
      }
    }
    this.seen.set(text, out);
    if (this.seen.size > KEEP) this.seen.delete(this.seen.keys().next().value as string);
    return out;
  }

  /** `text.includes(word)`: from the one pass when the word is in the index. */
  has(text: string, word: string): boolean {
    if (word === '') return true;
    if (this.words.has(word)) return this.present(text).has(word);
    const f = factsOf(text);
    let v = f.get(word);
    if (v === undefined) f.set(word, (v = text.includes(word)));
    return v;
  }
}

/*
 * re2 matches UTF-8: handed a string, it encodes the whole string again at every call (a file's text is
 * tested against some ten source triggers and prefilters, its imported modules' texts in turn). Handed the
 * bytes, it reads them as they are, so each text is encoded once (ten times less time on undici's fetch).
 */
const encoded = new Map<string, Buffer>();

function bytesOf(text: string): Buffer {
  let b = encoded.get(text);
  if (!b) {
    encoded.set(text, (b = Buffer.from(text, 'utf8')));
    if (encoded.size > KEEP) encoded.delete(encoded.keys().next().value as string);
  }
  return b;
}

/** `test.test(text)`, remembered (the test must not keep state between calls, as a `g` regex does). */
export function passes(text: string, test: TextTest): boolean {
  const f = factsOf(text);
  let v = f.get(test);
  if (v === undefined)
    f.set(
      test,
      (v = holdsNeeds(text, test) && (test instanceof RE2 ? test.test(bytesOf(text)) : test.test(text))),
    );
  return v;
}

/** Each test's needed literals (text-needs.ts), read once. */
const needs = new WeakMap<TextTest, RegexNeeds>();

/**
 * False when the text lacks a literal the test needs, so the test cannot pass: a search for one word costs a
 * fraction of the regex's pass over the text. Only the lists of one literal are searched (`req` of
 * `(?:req|request)…`): a list of several costs a search of the text for each absent one, more than the regex
 * (measured over node_modules' texts: with every list 17% more time than the regex alone, with these 7% less;
 * perf57).
 */
function holdsNeeds(text: string, test: TextTest): boolean {
  let n = needs.get(test);
  if (!n) needs.set(test, (n = textNeeds(test as { source?: unknown; flags?: unknown })));
  return n.every((set) => set.length > 1 || text.includes(set[0] as string));
}
