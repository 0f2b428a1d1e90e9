import type { MetricsResponse } from '../../server/metrics/types.js';
import { metricsSections, type Section } from './sections.js';

/** Terminal control characters and pipes would break a table; names come from other people's input. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function table(s: Section): string {
  const rows = [s.headers, ...s.rows].map((r) => r.map(clean));
  const width = s.headers.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(width[i]!))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), width.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** `--format table`: aligned plain-text tables for a terminal. */
export function metricsTable(m: MetricsResponse): string {
  return (
    metricsSections(m)
      .map((s) => `${s.title}\n${s.note ? `${clean(s.note)}\n` : ''}\n${table(s)}\n`)
      .join('\n') + '\n'
  );
}

function md(s: string): string {
  return clean(s).replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`);
}

/** `--format markdown`: GitHub-flavoured tables for a pull request or a chat. */
export function metricsMarkdown(m: MetricsResponse): string {
  return metricsSections(m)
    .map((s) =>
      [
        `### ${md(s.title)}`,
        ...(s.note ? ['', md(s.note)] : []),
        '',
        `| ${s.headers.map(md).join(' | ')} |`,
        `|${s.headers.map(() => ' --- ').join('|')}|`,
        ...s.rows.map((r) => `| ${r.map(md).join(' | ')} |`),
        '',
      ].join('\n'),
    )
    .join('\n');
}
