import type { DurationStats, MetricsResponse } from '../../server/metrics/types.js';

/** One titled table of the metrics report; every format (table, markdown, html) renders these. */
export interface Section {
  title: string;
  note?: string;
  headers: string[];
  rows: string[][];
  /** Per row, per cell: a severity that colours the cell in HTML (the text states it too). */
  levels?: (string | null)[][];
}

const days = (d: number | null): string => (d === null ? '–' : `${d < 10 ? d.toFixed(2) : d.toFixed(1)} d`);
const pct = (r: number | null): string => (r === null ? '–' : `${(r * 100).toFixed(1)}%`);
const num = (n: number | null): string => (n === null ? '–' : String(n));
/** `1 project`, `2 projects`. */
const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const stats = (s: DurationStats): string[] => [String(s.count), days(s.meanDays), days(s.medianDays)];
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** The report as sections, in the order a security lead reads them. */
export function metricsSections(m: MetricsResponse): Section[] {
  const f = m.filters;
  const scope = [
    f.projects.length ? `projects ${f.projects.join(', ')}` : 'all projects',
    f.tags.length ? `tags ${f.tags.join(', ')}` : '',
    f.severities.length ? `severity ${f.severities.join(', ')}` : '',
    f.analyzers.length ? `analyzers ${f.analyzers.join(', ')}` : '',
    f.phases.length ? `phases ${f.phases.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const out: Section[] = [];
  out.push({
    title: 'Headline',
    note: `${f.from.slice(0, 10)} to ${f.to.slice(0, 10)} by ${f.interval}; ${scope}; ${count(m.totals.projects, 'project')}`,
    headers: ['metric', 'value', 'detail'],
    rows: [
      [
        'MTTD (median)',
        days(m.mttd.overall.medianDays),
        `mean ${days(m.mttd.overall.meanDays)} over ${count(m.mttd.overall.count, 'finding')}; ${m.mttd.withoutIntroduction} without introduction time`,
      ],
      [
        'MTTR (median)',
        days(m.mttr.overall.medianDays),
        `mean ${days(m.mttr.overall.meanDays)} over ${m.mttr.overall.count} closed`,
      ],
      [
        'Net resolve rate',
        num(m.netResolveRate.rate),
        `${m.netResolveRate.closed} closed / ${m.netResolveRate.opened} new`,
      ],
      [
        'SLA compliance',
        pct(m.slaCompliance.rate),
        `${m.slaCompliance.withinSla} of ${m.slaCompliance.closed} closed in time; ${m.slaCompliance.breaches.total} open past due now`,
      ],
      [
        'Escape rate',
        pct(m.escapeRate.rate),
        `${m.escapeRate.runtime} of ${m.escapeRate.total} first found at runtime`,
      ],
      ['Open findings', String(m.totals.open), `${m.totals.detected} detected in the window`],
      [
        'Cost avoided',
        String(m.phases.costAvoided),
        `relative units: ${m.phases.costUnits} spent vs ${m.phases.costIfPostRelease} had all been found after release`,
      ],
    ],
  });
  out.push({
    title: 'Time to detect and to remediate by severity',
    headers: [
      'severity',
      'MTTD n',
      'MTTD mean',
      'MTTD median',
      'MTTR n',
      'MTTR mean',
      'MTTR median',
      'SLA met',
      'past due now',
    ],
    rows: SEVERITIES.map((s) => [
      s,
      ...stats(m.mttd.bySeverity[s]),
      ...stats(m.mttr.bySeverity[s]),
      pct(m.slaCompliance.bySeverity[s].rate),
      String(m.slaCompliance.breaches.bySeverity[s]),
    ]),
  });
  const t = m.mttdTrend;
  out.push({
    title: `Trend by ${t.interval}`,
    note: t.fit
      ? `${t.fit.method}: halving every ${t.fit.halvingPeriods === null ? '– (not improving)' : `${t.fit.halvingPeriods} ${t.interval}s`}; ${t.forecast.note}${t.forecast.reachesTargetAt ? ` (${t.forecast.reachesTargetAt.slice(0, 10)})` : ''}; target ${t.targetDays} d`
      : `forecast: ${t.forecast.note}`,
    headers: ['period', 'MTTD n', 'MTTD median', '× previous', 'MTTR median', 'new', 'closed', 'net resolve'],
    rows: t.periods.map((p, i) => {
      const r = m.mttr.byPeriod[i];
      const n = m.netResolveRate.byPeriod[i];
      return [
        p.period,
        String(p.count),
        days(p.medianDays),
        num(p.ratioToPrevious),
        days(r?.medianDays ?? null),
        String(n?.opened ?? 0),
        String(n?.closed ?? 0),
        num(n?.rate ?? null),
      ];
    }),
  });
  out.push({
    title: 'Phase first caught, and the relative cost of fixing it there',
    note: m.phases.source,
    headers: ['phase', 'findings', 'share', 'cost ×', 'cost units'],
    rows: m.phases.items.map((p) => [
      p.phase,
      String(p.count),
      pct(p.share),
      String(p.costWeight),
      String(p.costUnits),
    ]),
  });
  out.push({
    title: 'Open findings by age',
    headers: ['age', 'open', ...SEVERITIES],
    rows: m.openAge.buckets.map((b) => [
      b.label,
      String(b.count),
      ...SEVERITIES.map((s) => String(b.bySeverity[s])),
    ]),
  });
  const pr = m.principles;
  out.push({
    title: 'Principles posture (open findings, worst severity)',
    headers: ['project', ...pr.principles],
    rows: pr.projects.map((p) => [p.project, ...pr.principles.map((k) => cell(p.cells[k]))]),
    levels: pr.projects.map((p) => [null, ...pr.principles.map((k) => p.cells[k].worst)]),
  });
  out.push({
    title: 'OWASP Top 10:2025 exposure (open findings)',
    headers: ['category', 'open', 'projects', ...SEVERITIES],
    rows: m.owasp.categories.map((c) => [
      `${c.id} ${c.name}`,
      String(c.open),
      String(c.projects),
      ...SEVERITIES.map((s) => String(c.bySeverity[s])),
    ]),
  });
  return out;
}

function cell(c: { open: number; worst: string | null }): string {
  return c.open === 0 ? '0' : `${c.open} (${c.worst ?? '?'})`;
}
