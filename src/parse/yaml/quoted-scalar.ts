/** Pieces of the block-subset YAML reader (block-tree.ts) that stand alone: its bail-out and quoted scalars. */

/** Thrown inside the reader when the text leaves the subset; never escapes `blockDocs`. */
export const UNSURE = new Error('YAML outside the block subset');
export function unsure(): never {
  throw UNSURE;
}

const SQUOTE = 39;
const DQUOTE = 34;

/** Escapes of a double-quoted scalar read here, by the character after the backslash. */
const ESCAPES = new Map([...'\\"/tn'].map((c) => [c.charCodeAt(0), c === 't' ? '\t' : c === 'n' ? '\n' : c]));

/**
 * A quoted scalar starting at `pos` that ends before `le` (the end of its line); returns its value and the
 * offset after the closing quote, or throws UNSURE (a multi-line scalar, an escape yaml must decode).
 */
export function quotedScalar(t: string, pos: number, le: number): [string, number] {
  const q = t.charCodeAt(pos);
  if (q === DQUOTE) {
    let out = '';
    let from = pos + 1;
    for (;;) {
      const close = t.indexOf('"', from);
      if (close < 0 || close > le) unsure();
      // Looked for before the closing quote only: a search of the rest of the file per scalar was n².
      const rel = t.slice(from, close).indexOf('\\');
      if (rel < 0) return [out + t.slice(from, close), close + 1];
      const slash = from + rel;
      // The common one-character escapes (a regex's `\\.`, a quote, a tab); yaml decodes the others.
      const e = ESCAPES.get(t.charCodeAt(slash + 1));
      if (e === undefined) unsure();
      out += t.slice(from, slash) + e;
      from = slash + 2;
    }
  }
  let out = '';
  let from = pos + 1;
  for (;;) {
    const close = t.indexOf("'", from);
    if (close < 0 || close > le) unsure();
    out += t.slice(from, close);
    if (t.charCodeAt(close + 1) !== SQUOTE) return [out, close + 1];
    out += "'";
    from = close + 2;
  }
}
