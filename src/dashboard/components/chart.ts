import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { axisTop } from '../format.js';
import { html } from '../html.js';
import { nearView, whenNearOrIdle } from './near-view.js';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** `table`: only in the table of numbers under the chart, not drawn. */
  kind?: 'line' | 'bar' | 'table';
  /** Which axis: the left (default) or the right one. */
  axis?: 'left' | 'right';
  /** How a value reads in the legend and the data table. */
  format?: (v: number) => string;
}

// A restrained palette; lines also differ by dash, so the series stay apart without colour.
const COLOURS = ['#2f5d8a', '#b3641b', '#3f8f7b', '#7a5195'];
const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

const fmt = (s: ChartSeries, v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : s.format ? s.format(v) : String(Math.round(v * 100) / 100);

/**
 * A chart over categories (periods, phases) drawn with uPlot on a canvas, with the same numbers in
 * a table underneath for screen readers and for anyone who wants the exact values.
 */
export function Chart({
  title,
  labels,
  series,
  left,
  right,
  height = 220,
}: {
  title: string;
  labels: string[];
  series: ChartSeries[];
  left: string;
  right?: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Charts on the first screen draw at once; those further down when the page comes near them or
  // the browser is idle, so a page of charts does not draw all of them before showing the first.
  const [later, setLater] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || labels.length === 0) return;
    if (!later && !nearView(el)) return whenNearOrIdle(el, () => setLater(true));
    const drawn = series.filter((x) => x.kind !== 'table');
    const barCount = drawn.filter((x) => x.kind === 'bar').length;
    let barIndex = 0;
    // One bar series sits on its tick; two sit either side of it.
    const barPath = (): uPlot.Series.PathBuilder | undefined => {
      const align = barCount < 2 ? 0 : barIndex++ === 0 ? -1 : 1;
      return uPlot.paths.bars?.({ size: [barCount < 2 ? 0.6 : 0.35, 64], align, gap: 1 });
    };
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height,
      // A plain key (no hover values): the exact numbers are in the table under the chart.
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: [-0.5, labels.length - 0.5] },
        y: { range: (_u, _min, max) => [0, axisTop(max)] },
        y2: { range: (_u, _min, max) => [0, axisTop(max)] },
      },
      axes: [
        {
          values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')),
          splits: () => labels.map((_l, i) => i),
          grid: { show: false },
        },
        { label: left, size: 56 },
        ...(right ? [{ label: right, side: 1, scale: 'y2', size: 56, grid: { show: false } }] : []),
      ],
      series: [
        { label: 'Period', value: (_u, v) => labels[v] ?? '' },
        ...drawn.map((s, i) => {
          const colour = COLOURS[i % COLOURS.length]!;
          const bar = s.kind === 'bar';
          return {
            label: s.label,
            scale: s.axis === 'right' ? 'y2' : 'y',
            stroke: colour,
            width: bar ? 1 : 2,
            dash: bar ? [] : DASHES[i % DASHES.length]!,
            fill: bar ? `${colour}cc` : undefined,
            points: { show: !bar, size: 6 },
            value: (_u: uPlot, v: number | null) => fmt(s, v),
            ...(bar ? { paths: barPath() } : {}),
          };
        }),
      ],
    };
    const data = [labels.map((_l, i) => i), ...drawn.map((s) => s.values)] as uPlot.AlignedData;
    const plot = new uPlot(opts, data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [later, labels.join('\u0000'), JSON.stringify(series.map((s) => s.values)), height]);
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    ${
      labels.length === 0
        ? html`<p class="muted">No data in this window yet.</p>`
        : html`<div ref=${box} class="plot" aria-hidden="true"></div>
            <details>
              <summary>${title}: the numbers</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Period</th>
                    ${series.map((s) => html`<th scope="col">${s.label}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${labels.map(
                    (l, i) =>
                      html`<tr>
                        <th scope="row">${l}</th>
                        ${series.map((s) => html`<td>${fmt(s, s.values[i])}</td>`)}
                      </tr>`,
                  )}
                </tbody>
              </table>
            </details>`
    }
  </figure>`;
}
