/**
 * The search screen: query and filters, results, the attention chart and the top terms, all
 * driven by the URL. Each part loads on its own, keyed by the parameters it depends on, so
 * turning a page does not redraw the chart and changing the interval does not reload the hits.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { api, type Params } from '../api.js';
import { t } from '../i18n.js';
import { setPageTitle } from '../page-title.js';
import { filterParams, hasQuery, readSearchState, searchParams, type SearchState } from '../search-state.js';
import type { SearchResult, Timeline, TopTerms } from '../types.js';
import { AsyncSlot } from './async-slot.js';
import { chartSection } from './chart.js';
import { filtersPanel, queryForm } from './query-form.js';
import { downloads, resultsList } from './results.js';
import { errorLine, loadingLine } from './status.js';
import { termsSection } from './terms.js';

const results = new AsyncSlot<SearchResult>();
const timeline = new AsyncSlot<Timeline>();
const terms = new AsyncSlot<TopTerms>();

function keyOf(params: Params): string {
  return JSON.stringify(params);
}

function timelineParams(s: SearchState): Params {
  const queries = [s.q, ...s.compare];
  return { q: queries, ...filterParams(s), interval: s.interval, split: s.splitBySite ? 'site' : 'none' };
}

export function searchView(params: URLSearchParams): TemplateResult {
  const state = readSearchState(params);
  setPageTitle(state.q || t('navSearch'));
  // Without words the whole corpus is the match set: the home page is the observatory at a glance
  // (all articles over time, by site and language, newest first).
  const listing = !hasQuery(state);
  const order = state.order || (state.q.trim() === '' ? 'newest' : '');
  const sp = { ...searchParams(state), order, page: state.page, limit: state.limit, facets: true };
  const r = results.use(keyOf(sp), (signal) => api.search(sp, signal));
  const tp = timelineParams(state);
  const tl = timeline.use(keyOf(tp), (signal) => api.timeline(tp, signal));
  const fp = { q: state.q, ...filterParams(state), limit: 20 };
  const tr = terms.use(keyOf(fp), (signal) => api.terms(fp, signal));
  const result = results.shown();
  return html`
    <h1 class="visually-hidden">${t('navSearch')}</h1>
    <section class="search-top">${queryForm(state)}</section>
    <div class="search-layout">
      <div class="search-main" aria-busy=${r.state === 'loading' ? 'true' : 'false'}>
        ${chartSection(state, tl, timeline.shown())}
        ${r.state === 'loading' ? loadingLine() : nothing} ${r.state === 'failed' ? errorLine(r.error) : nothing}
        ${result ? html`<div class=${r.state === 'loading' ? 'stale' : ''}>${resultsList(state, result, t(listing ? 'latest' : 'results'))} ${downloads(state)}</div>` : nothing}
      </div>
      <aside class="search-side">${filtersPanel(state, result)} ${termsSection(state, tr, terms.shown())}</aside>
    </div>
  `;
}
