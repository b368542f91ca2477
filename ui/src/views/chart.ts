/**
 * Attention over time: match counts per day/week/month (uPlot on a canvas), optionally split by
 * site, with up to 3 comparison queries in their own colours. The legend and a data table are
 * plain HTML beside the canvas: the table is what screen readers (and the tests) read.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import uPlot from 'uplot';
import { formatBucket, formatNumber } from '../format.js';
import { lang, t } from '../i18n.js';
import { afterRender } from '../render-loop.js';
import { navigate } from '../router.js';
import { MAX_COMPARE, searchUrl, type SearchState } from '../search-state.js';
import type { Interval, Timeline, TimelineSeries } from '../types.js';
import { errorLine, loadingLine, type Loadable } from './status.js';

/** Okabe–Ito colours, distinguishable with colour-blindness; .swatch-N in styles.css uses the same list. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7A7A7A', '#1B1B1B'];

/** A series' name in the interface language: the query (or "all articles"), and its site when split. */
export function seriesLabel(s: TimelineSeries): string {
  const query = s.query.trim() === '' ? t('allArticles') : s.query;
  if (s.site === null) return query;
  return `${query} · ${s.site === 'other' ? t('otherSites') : s.site}`;
}

function bucketSeconds(bucket: string): number {
  return Date.parse(`${bucket}T00:00:00Z`) / 1000;
}

/** Ticks on bucket starts only (a week is labelled by its first day), every nth so labels do not collide. */
function bucketTicks(xs: number[], width: number): number[] {
  const room = Math.max(2, Math.floor(width / 95));
  const step = Math.max(1, Math.ceil(xs.length / room));
  return xs.filter((_x, i) => i % step === 0);
}

// The one live chart: drawn after a render into the element lit gave us, redrawn when the
// data, the language (axis digits) or the element changes.
let host: HTMLElement | null = null;
let plot: uPlot | null = null;
let drawn: { timeline: Timeline; lang: string; host: HTMLElement } | null = null;
let pending: Timeline | null = null;
let resizeObserver: ResizeObserver | null = null;

function destroyPlot(): void {
  plot?.destroy();
  plot = null;
  drawn = null;
}

function draw(): void {
  const timeline = pending;
  if (!host || !host.isConnected || !timeline || timeline.buckets.length === 0) {
    if (plot && (!host || !host.isConnected || !timeline)) destroyPlot();
    return;
  }
  if (drawn && drawn.timeline === timeline && drawn.lang === lang() && drawn.host === host) return;
  destroyPlot();
  const interval = timeline.interval;
  const xs = timeline.buckets.map(bucketSeconds);
  const data: uPlot.AlignedData = [xs, ...timeline.series.map((s) => s.counts)];
  const width = Math.max(280, host.clientWidth);
  const halfBucket = ((xs.length > 1 ? xs[1]! - xs[0]! : 86_400) || 86_400) / 2;
  const options: uPlot.Options = {
    width,
    height: width < 500 ? 200 : 260,
    legend: { show: false },
    padding: [12, 12, 0, 4],
    cursor: { drag: { x: false, y: false } },
    scales: {
      // Half a bucket of room at each end, so the first and last points and their labels are not cut.
      x: { time: true, range: (_u, min, max) => [min - halfBucket, max + halfBucket] },
      y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      {
        splits: (u) => bucketTicks(xs, u.bbox.width / devicePixelRatio),
        values: (_u, splits) => splits.map((s) => formatBucket(new Date(s * 1000).toISOString().slice(0, 10), interval)),
      },
      {
        values: (_u, splits) => splits.map((s) => formatNumber(s)),
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1_000_000],
        size: 48,
      },
    ],
    series: [
      { label: t('date') },
      ...timeline.series.map((s, i) => ({
        label: seriesLabel(s),
        stroke: SERIES_COLOURS[i % SERIES_COLOURS.length],
        width: 2,
        points: { show: xs.length <= 60, size: 5 },
      })),
    ],
    hooks: { setCursor: [(u) => showReadout(u, timeline)] },
    // A UTC day is the bucket's day wherever the reader is.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
  };
  plot = new uPlot(options, data, host);
  drawn = { timeline, lang: lang(), host };
  if (!resizeObserver) {
    resizeObserver = new ResizeObserver(() => {
      if (plot && host) plot.setSize({ width: Math.max(280, host.clientWidth), height: host.clientWidth < 500 ? 200 : 260 });
    });
  }
  resizeObserver.disconnect();
  resizeObserver.observe(host);
}

afterRender(draw);

function setHost(el: Element | undefined): void {
  host = (el as HTMLElement | undefined) ?? null;
}

let readout: HTMLElement | null = null;

function setReadout(el: Element | undefined): void {
  readout = (el as HTMLElement | undefined) ?? null;
}

/** The hovered bucket's counts under the chart, as text (textContent: labels are data, never markup). */
function showReadout(u: uPlot, timeline: Timeline): void {
  if (!readout) return;
  const i = u.cursor.idx;
  const bucket = i === null || i === undefined ? undefined : timeline.buckets[i];
  if (bucket === undefined) {
    readout.textContent = '\u00a0';
    return;
  }
  const counts = timeline.series.map((s) => `${seriesLabel(s)}: ${formatNumber(s.counts[i!] ?? 0)}`).join(' · ');
  readout.textContent = `${formatBucket(bucket, timeline.interval)} — ${counts}`;
}

function chartControls(state: SearchState): TemplateResult {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const interval = String(data.get('interval')) as Interval;
    const compare = data
      .getAll('cmp')
      .map((v) => String(v).trim())
      .filter((v) => v !== '')
      .slice(0, MAX_COMPARE);
    navigate(searchUrl({ ...state, interval, splitBySite: data.get('split') === 'site', compare }), { replace: false });
  };
  const submitNow = (event: Event) => (event.target as HTMLInputElement).form?.requestSubmit();
  const slots = Array.from({ length: MAX_COMPARE }, (_, i) => state.compare[i] ?? '');
  return html`
    <form class="chart-controls" @submit=${onSubmit}>
      <label
        >${t('interval')}
        <select name="interval" @change=${submitNow}>
          ${(['day', 'week', 'month'] as const).map((i) => html`<option value=${i} .selected=${state.interval === i}>${t(i)}</option>`)}
        </select>
      </label>
      <label class="check"><input type="checkbox" name="split" value="site" .checked=${state.splitBySite} @change=${submitNow} /> ${t('splitBySite')}</label>
      <details class="compare" ?open=${state.compare.length > 0}>
        <summary>${t('compare')}</summary>
        ${slots.map(
          (value, i) => html`<label class="compare-query"
            ><span class=${`swatch swatch-${i + 1}`} aria-hidden="true"></span>${t('compareQuery', { n: formatNumber(i + 1) })}
            <input name="cmp" type="search" dir="auto" .value=${value} autocomplete="off"
          /></label>`,
        )}
        <button type="submit">${t('updateChart')}</button>
      </details>
    </form>
  `;
}

function legend(timeline: Timeline): TemplateResult {
  return html`<ul class="legend">
    ${timeline.series.map(
      (s, i) =>
        html`<li><span class=${`swatch swatch-${i % SERIES_COLOURS.length}`} aria-hidden="true"></span><span dir="auto">${seriesLabel(s)}</span> <span class="count">${formatNumber(s.total)}</span></li>`,
    )}
  </ul>`;
}

/** The counts as a table: one row per bucket, one column per series, totals in the foot. */
function dataTable(timeline: Timeline): TemplateResult {
  return html`
    <details class="chart-data">
      <summary>${t('chartTable')}</summary>
      <div class="table-scroll">
        <table class="chart-table">
          <thead>
            <tr>
              <th scope="col">${t('date')}</th>
              ${timeline.series.map((s) => html`<th scope="col" dir="auto">${seriesLabel(s)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${timeline.buckets.map(
              (b, row) =>
                html`<tr>
                  <th scope="row"><time datetime=${b}>${formatBucket(b, timeline.interval)}</time></th>
                  ${timeline.series.map((s) => html`<td data-count=${s.counts[row] ?? 0}>${formatNumber(s.counts[row] ?? 0)}</td>`)}
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${t('total')}</th>
              ${timeline.series.map((s) => html`<td data-total=${s.total}>${formatNumber(s.total)}</td>`)}
            </tr>
          </tfoot>
        </table>
      </div>
    </details>
  `;
}

/** `shown` is the timeline to draw: the current one, or the previous one while the next loads. */
export function chartSection(state: SearchState, timeline: Loadable<Timeline>, shown: Timeline | null): TemplateResult {
  pending = shown;
  const value = shown;
  const empty = value !== null && (value.buckets.length === 0 || value.series.every((s) => s.total === 0));
  return html`
    <section class=${`chart panel${timeline.state === 'loading' ? ' stale' : ''}`} aria-labelledby="chart-title" aria-busy=${timeline.state === 'loading' ? 'true' : 'false'}>
      <h2 id="chart-title">${t('attention')}</h2>
      ${chartControls(state)}
      ${timeline.state === 'loading' ? loadingLine() : nothing} ${timeline.state === 'failed' ? errorLine(timeline.error) : nothing}
      ${value
        ? html`
            ${empty ? html`<p class="muted">${t('noChartData')}</p>` : nothing}
            ${value.interval !== state.interval ? html`<p class="muted">${t('intervalCoarsened', { requested: t(state.interval), shown: t(value.interval) })}</p>` : nothing}
            <div class="chart-canvas" dir="ltr" ${ref(setHost)} aria-hidden="true" ?hidden=${empty}></div>
            <p class="chart-readout" dir="auto" aria-hidden="true" ${ref(setReadout)}>&nbsp;</p>
            ${legend(value)} ${value.undated > 0 ? html`<p class="muted">${t('undated', { n: formatNumber(value.undated) })}</p>` : nothing} ${dataTable(value)}
          `
        : nothing}
    </section>
  `;
}
