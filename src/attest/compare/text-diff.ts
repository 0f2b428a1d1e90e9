/** A unified diff of two texts (3 lines of context), bounded: big inputs fall back to a plain notice. */
export function unifiedDiff(a: string, b: string, nameA: string, nameB: string, maxLines: number): string {
  const x = a.split('\n');
  const y = b.split('\n');
  if (x.length > maxLines || y.length > maxLines)
    return `(${x.length} and ${y.length} lines: too long to diff)\n`;
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf])
    suf++;
  const mx = x.slice(pre, x.length - suf);
  const my = y.slice(pre, y.length - suf);
  // ops over the differing middle: ' ' kept, '-' only in a, '+' only in b.
  let ops: [string, string][];
  if (mx.length * my.length <= 4_000_000) {
    const n = mx.length;
    const m = my.length;
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * (m + 1) + j] =
          mx[i] === my[j]
            ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
            : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    ops = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && mx[i] === my[j]) {
        ops.push([' ', mx[i++]!]);
        j++;
      } else if (i < n && (j >= m || lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
        ops.push(['-', mx[i++]!]);
      } else ops.push(['+', my[j++]!]);
    }
  } else {
    ops = [...mx.map((l): [string, string] => ['-', l]), ...my.map((l): [string, string] => ['+', l])];
  }
  const all: [string, string][] = [
    ...x.slice(Math.max(0, pre - 3), pre).map((l): [string, string] => [' ', l]),
    ...ops,
    ...x.slice(x.length - suf, x.length - suf + 3).map((l): [string, string] => [' ', l]),
  ];
  const startA = Math.max(0, pre - 3) + 1;
  const lenA = all.filter(([o]) => o !== '+').length;
  const lenB = all.filter(([o]) => o !== '-').length;
  const lines = [`--- ${nameA}`, `+++ ${nameB}`, `@@ -${startA},${lenA} +${startA},${lenB} @@`];
  for (const [o, l] of all) lines.push(`${o}${l}`);
  return `${lines.join('\n')}\n`;
}

/** The lines that differ, each side: what the hints look at. */
export function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const ca = new Map<string, number>();
  for (const l of a.split('\n')) ca.set(l, (ca.get(l) ?? 0) + 1);
  const added: string[] = [];
  for (const l of b.split('\n')) {
    const n = ca.get(l) ?? 0;
    if (n > 0) ca.set(l, n - 1);
    else added.push(l);
  }
  const removed = [...ca].flatMap(([l, n]) => Array<string>(n).fill(l));
  return { removed, added };
}
