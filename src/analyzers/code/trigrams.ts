/*
 * Which three-character sequences occur in a text, so that most words a text lacks are ruled out without a
 * search of it. Before a matcher is walked, the words its rule needs are looked for in the file's text
 * (match-words.ts): over node_modules some sixty words per text, nearly all absent, and an absent word is
 * a search of the whole text (84,000 searches, 3 GB of text read, 1.2 CPU-s of a 37 CPU-s run). A word
 * occurs only where each of its three-character sequences does, so one of them missing from the text
 * settles it; when all are present the text is searched as before. The sequences are marked in a bit
 * table by their codes (exact for ASCII; other characters share bits, which can only send a word on to
 * the search).
 */

const BITS = 1 << 21;
const table = new Uint32Array(BITS >>> 5);
let tableOf: string | undefined;

/** Below this many characters a search costs less than marking the text's sequences. */
export const TRIGRAMS_FROM_CHARS = 16 * 1024;

const gram = (a: number, b: number, c: number): number => ((a << 14) ^ (b << 7) ^ c) & (BITS - 1);

function mark(text: string): void {
  table.fill(0);
  let a = text.charCodeAt(0);
  let b = text.charCodeAt(1);
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const h = gram(a, b, c);
    table[h >>> 5]! |= 1 << (h & 31);
    a = b;
    b = c;
  }
  tableOf = text;
}

/**
 * False when `word` does not occur in `text` because one of its three-character sequences does not; true
 * says only that a search is needed (always for short texts and words). The table is kept for the last text.
 */
export function mayOccur(text: string, word: string): boolean {
  if (word.length < 3 || text.length < TRIGRAMS_FROM_CHARS) return true;
  if (text !== tableOf) mark(text);
  for (let i = 2; i < word.length; i++) {
    const h = gram(word.charCodeAt(i - 2), word.charCodeAt(i - 1), word.charCodeAt(i));
    if ((table[h >>> 5]! & (1 << (h & 31))) === 0) return false;
  }
  return true;
}
