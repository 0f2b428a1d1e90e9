/**
 * Questions about a module's whole text that the taint engine asks name by name (the `const` copies of a name a
 * guard checks, whether `name.forEach` occurs), answered from one scan of the text instead of one scan per name.
 * On a 1.4 MB bundle each whole-text scan costs milliseconds and hundreds of names are asked (jsperf20's profile:
 * 4.5 of vite's 44 sampled seconds in the `const` scans alone). The answers are the ones the per-name scans gave.
 */

export type Scan<T> = { text: string; value: T };

/** Keeps one answer per key object (a module's FileIndex) for the text it was computed from. */
export function perText<T>(cache: WeakMap<object, Scan<T>>, key: object, text: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit && hit.text === text) return hit.value;
  const value = make();
  cache.set(key, { text, value });
  return value;
}

const COPIES = new WeakMap<object, Scan<Map<string, string[]>>>();

/**
 * Every `const NAME = VALUE` of the text (VALUE a name or a dotted path), as the values by NAME: for each NAME
 * what `text.matchAll(/\bconst\s+NAME\s*=\s*([\w$.]+)/g)` captures. A match of that regex at an offset is a
 * match of the one below there with NAME captured (NAME is the whole word between the spaces and `=`), so every
 * offset is tried (`lastIndex` one past the match's start) and, as `matchAll` does, a NAME's match that starts
 * inside its previous one is left out.
 */
function scanCopies(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const ends = new Map<string, number>();
  const re = /\bconst\s+([\w$]+)\s*=\s*([\w$.]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    re.lastIndex = m.index + 1;
    const name = m[1]!;
    if ((ends.get(name) ?? 0) > m.index) continue;
    ends.set(name, m.index + m[0].length);
    const list = out.get(name);
    if (list) list.push(m[2]!);
    else out.set(name, [m[2]!]);
  }
  return out;
}

/** The values `const name = …` copies into `name` anywhere in `text` (see scanCopies), in text order. */
export function constCopies(key: object, text: string, name: string): readonly string[] {
  return perText(COPIES, key, text, () => scanCopies(text)).get(name) ?? [];
}

const FOR_EACH = new WeakMap<object, Scan<{ at: number[]; asked: Map<string, boolean> }>>();

/** Whether `text` holds `${name}.forEach`, as `text.includes` says, from the offsets of `.forEach` found once. */
export function holdsForEachOf(key: object, text: string, name: string): boolean {
  const scan = perText(FOR_EACH, key, text, () => {
    const at: number[] = [];
    for (let i = text.indexOf('.forEach'); i >= 0; i = text.indexOf('.forEach', i + 1)) at.push(i);
    return { at, asked: new Map<string, boolean>() };
  });
  let answer = scan.asked.get(name);
  if (answer === undefined) {
    answer = scan.at.some((i) => text.endsWith(name, i));
    scan.asked.set(name, answer);
  }
  return answer;
}
