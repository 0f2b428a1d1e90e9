import type { MetricsResponse, PeriodDuration } from '../../server/metrics/types.js';
import { qs } from '../api.js';
import { Chart } from '../components/chart.js';
import { Heatmap } from '../components/heatmap.js';
import { Deferred } from '../components/near-view.js';
import type { PageProps } from '../components/shell.js';
import { Section, Status, useApi } from '../components/ui.js';
import { capital, num, pct } from '../format.js';
import { html } from '../html.js';
import { navigate, type Loc } from '../router.js';

/** Days as the dashboard reads them: hours under two days, then days, then weeks. */
export function days(d: number | null | undefined): string {
  if (d === null || d === undefined) return '—';
  if (d < 2) return `${(d * 24).toFixed(d * 24 < 10 ? 1 : 0)} h`;
  if (d < 60) return `${d.toFixed(d < 10 ? 1 : 0)} days`;
  return `${Math.round(d / 7)} weeks`;
}

/** The change from the previous period, in words (never by colour alone). */
function change(ratio: number | null | undefined, lowerIsBetter = true): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio))
    return 'no previous period to compare';
  if (Math.abs(ratio - 1) < 0.02) return 'unchanged from the previous period';
  const better = lowerIsBetter ? ratio < 1 : ratio > 1;
  const word = ratio <= 0.55 && ratio >= 0.45 ? 'halved' : `×${ratio.toFixed(2)}`;
  return `${better ? '▼ better' : '▲ worse'}: ${word} vs the previous period`;
}

function ratioOf(periods: PeriodDuration[]): number | null {
  const withData = periods.filter((p) => p.medianDays !== null);
  const a = withData.at(-2)?.medianDays;
  const b = withData.at(-1)?.medianDays;
  return a && b !== null && b !== undefined ? b / a : null;
}

function Tile({
  label,
  value,
  detail,
  trend,
  id,
}: {
  label: string;
  value: string;
  detail: string;
  trend?: string;
  id: string;
}) {
  return html`<div class="tile" role="group" aria-labelledby=${id}>
    <div class="tile-label" id=${id}>${label}</div>
    <div class="tile-value">${value}</div>
    <div class="tile-detail">${detail}</div>
    ${trend ? html`<div class="tile-trend">${trend}</div>` : null}
  </div>`;
}

function Headline({ m }: { m: MetricsResponse }) {
  const trendRatio = m.mttdTrend.periods.at(-1)?.ratioToPrevious ?? null;
  return html`<div class="tiles">
    <${Tile}
      id="t-mttd"
      label="Time to detect (MTTD, median)"
      value=${days(m.mttd.overall.medianDays)}
      detail=${`mean ${days(m.mttd.overall.meanDays)} over ${num(m.mttd.overall.count)} findings`}
      trend=${change(trendRatio)}
    />
    <${Tile}
      id="t-mttr"
      label="Time to remediate (MTTR, median)"
      value=${days(m.mttr.overall.medianDays)}
      detail=${`mean ${days(m.mttr.overall.meanDays)} over ${num(m.mttr.overall.count)} closed`}
      trend=${change(ratioOf(m.mttr.byPeriod))}
    />
    <${Tile}
      id="t-net"
      label="Net resolve rate"
      value=${pct(m.netResolveRate.rate)}
      detail=${`${num(m.netResolveRate.closed)} closed of ${num(m.netResolveRate.opened)} opened`}
    />
    <${Tile}
      id="t-sla"
      label="SLA compliance"
      value=${pct(m.slaCompliance.rate)}
      detail=${`${num(m.slaCompliance.withinSla)} of ${num(m.slaCompliance.closed)} closed in time`}
      trend=${`${num(m.slaCompliance.breaches.total)} open findings past due now`}
    />
    <${Tile}
      id="t-escape"
      label="Escape rate"
      value=${pct(m.escapeRate.rate, 1)}
      detail=${`${num(m.escapeRate.runtime)} of ${num(m.escapeRate.total)} first found at runtime`}
    />
  </div>`;
}

export function MetricsView({ m }: { m: MetricsResponse }) {
  const trend = m.mttdTrend;
  const periods = trend.periods.map((p) => p.period);
  const mttr = m.mttr.byPeriod;
  const rates = m.netResolveRate.byPeriod;
  const phases = m.phases.items;
  return html`<${Headline} m=${m} />
    <div class="grid two">
      <${Section} title="Time to detect per period">
        <${Chart} title="MTTD in days (median and mean)" labels=${periods} left="days"
          series=${[
            { label: 'Median', values: trend.periods.map((p) => p.medianDays), format: days },
            { label: 'Mean', values: trend.periods.map((p) => p.meanDays), format: days },
            { label: 'Target', values: trend.periods.map(() => trend.targetDays), format: days },
          ]} />
        <p class="small">${trend.forecast.note}${trend.fit?.halvingPeriods ? ` Halving every ${trend.fit.halvingPeriods.toFixed(1)} ${trend.interval}s (${trend.fit.method}).` : ''}</p>
      </${Section}>
      <${Section} title="Time to remediate per period">
        <${Chart} title="MTTR in days (median and mean)" labels=${mttr.map((p) => p.period)} left="days"
          series=${[
            { label: 'Median', values: mttr.map((p) => p.medianDays), format: days },
            { label: 'Mean', values: mttr.map((p) => p.meanDays), format: days },
          ]} />
      </${Section}>
      <${Section} title="Opened and closed">
        <${Chart} title="Findings opened and closed per period" labels=${rates.map((p) => p.period)} left="findings"
          series=${[
            { label: 'Opened', values: rates.map((p) => p.opened), kind: 'bar', format: num },
            { label: 'Closed', values: rates.map((p) => p.closed), kind: 'bar', format: num },
          ]} />
      </${Section}>
      <${Section} title="Phase caught and cost">
        <${Chart} title="Findings per phase caught, and relative cost of fixing them there" labels=${phases.map((p) => capital(p.phase))} left="findings" right="cost units"
          series=${[
            { label: 'Findings', values: phases.map((p) => p.count), kind: 'bar', format: num },
            {
              label: 'Cost weight',
              values: phases.map((p) => p.costWeight),
              kind: 'table',
              format: (v: number) => `${v}×`,
            },
            {
              label: 'Cost units',
              values: phases.map((p) => p.costUnits),
              kind: 'bar',
              axis: 'right',
              format: num,
            },
          ]} />
        <p class="small">
          Cost avoided by catching these before release: <strong>${num(Math.round(m.phases.costAvoided))}</strong> units
          (${num(Math.round(m.phases.costUnits))} spent vs ${num(Math.round(m.phases.costIfPostRelease))} had all been found after release). ${m.phases.source}
        </p>
      </${Section}>
    </div>
    <${Section} title="Principles posture"><${Deferred}><${Heatmap} data=${m.principles} /></${Deferred}></${Section}>
    <div class="grid two">
      <${Section} title="Age of open findings">
        <${Chart} title="Open findings by age" labels=${m.openAge.buckets.map((b) => b.label)} left="findings"
          series=${[{ label: 'Open', values: m.openAge.buckets.map((b) => b.count), kind: 'bar', format: num }]} />
      </${Section}>
      <${Section} title="OWASP Top 10:2025 exposure">
        <table class="compact">
          <thead><tr><th scope="col">Category</th><th scope="col">Open</th><th scope="col">Projects</th></tr></thead>
          <tbody>
            ${m.owasp.categories.map(
              (c) =>
                html`<tr>
                  <th scope="row">${c.id} ${c.name}</th>
                  <td>${num(c.open)}</td>
                  <td>${num(c.projects)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </${Section}>
    </div>
    <p class="muted small">Window ${m.filters.from.slice(0, 10)} to ${m.filters.to.slice(0, 10)} · computed ${new Date(m.generatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC · ${num(m.totals.open)} open, ${num(m.totals.detected)} detected in the window, ${num(m.totals.projects)} projects. Definitions: docs/metrics.md.</p>`;
}

const intervalOf = (loc: Loc): string => loc.query.get('interval') ?? 'quarter';

/** What the metrics view of a scope asks the server (main.ts asks it ahead for the overview). */
export function metricsPath(loc: Loc, project?: string): string {
  return `/api/v1/metrics${qs({ project, interval: intervalOf(loc) })}`;
}

/** The metrics for a scope: the interval comes from the address so a view can be shared. */
export function Metrics({ loc, project }: { loc: Loc; project?: string }) {
  const interval = intervalOf(loc);
  const m = useApi<MetricsResponse>(metricsPath(loc, project));
  return html`<div class="toolbar">
      <label for="interval">Period</label>
      <select
        id="interval"
        value=${interval}
        onChange=${(e: Event) => navigate(`${loc.path}${qs({ interval: (e.target as HTMLSelectElement).value })}`, true)}
      >
        <option value="week">Weeks</option>
        <option value="month">Months</option>
        <option value="quarter">Quarters</option>
      </select>
    </div>
    <${Status} state=${m} />
    ${m.data ? html`<${MetricsView} m=${m.data} />` : null}`;
}

export function OverviewPage({ loc }: PageProps) {
  return html`<h1>Organisation overview</h1>
    <${Metrics} loc=${loc} />`;
}
