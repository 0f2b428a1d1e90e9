import type { CompareReport, DiffNode } from './compare.js';

const MAX_DIFF_LINES = 40;

/** The report as a person reads it: a verdict, the counts, then the tree of differences with diffs. */
export function renderCompare(r: CompareReport, safe: (s: string) => string = (s) => s): string {
  const s = r.summary;
  const lines = [
    `${r.same ? 'SAME' : 'DIFFERENT'}: ${safe(r.a)} and ${safe(r.b)}`,
    `${s.compared} compared: ${s.same} same, ${s.different} different, ${s.onlyInA} only in A, ${s.onlyInB} only in B`,
  ];
  if (r.hints.length > 0) lines.push(`looks like: ${r.hints.join(', ')}`);
  for (const u of r.unsafeNames)
    lines.push(`unsafe member name in ${u.side.toUpperCase()}: ${safe(u.path)} (${u.reason})`);
  const walk = (n: DiffNode, indent: string): void => {
    const mark = n.status === 'only-in-a' ? '-' : n.status === 'only-in-b' ? '+' : '~';
    const where = n.status === 'only-in-a' ? ' only in A' : n.status === 'only-in-b' ? ' only in B' : '';
    const extra = [
      n.kind === 'file' ? '' : n.kind,
      n.note ?? '',
      n.hints ? `looks like: ${n.hints.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    if (n.path !== '.') lines.push(`${indent}${mark} ${safe(n.path)}${where}${extra ? `  (${extra})` : ''}`);
    if (n.diff) {
      const d = n.diff.trimEnd().split('\n');
      for (const l of d.slice(0, MAX_DIFF_LINES)) lines.push(`${indent}    ${safe(l)}`);
      if (d.length > MAX_DIFF_LINES)
        lines.push(`${indent}    … ${d.length - MAX_DIFF_LINES} more diff lines in the JSON report`);
    }
    for (const c of n.children ?? []) walk(c, n.path === '.' ? indent : `${indent}  `);
  };
  if (r.differences) walk(r.differences, '');
  return `${lines.join('\n')}\n`;
}
