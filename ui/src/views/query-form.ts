/**
 * The query box and the filters (site, language, section from facet counts; a date range; the
 * order). One <form>: Enter in the box submits, and a ticked filter submits at once. Submitting
 * writes a new URL (page 1), which is what loads the results.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatLanguage, formatNumber } from '../format.js';
import { t, type MessageKey } from '../i18n.js';
import { navigate } from '../router.js';
import { searchUrl, type SearchState } from '../search-state.js';
import type { FacetCount, SearchResult } from '../types.js';

export const SEARCH_FORM_ID = 'search-form';

function readForm(form: HTMLFormElement, previous: SearchState): SearchState {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const all = (name: string) => data.getAll(name).map(String);
  const order = text('order');
  return {
    ...previous,
    q: text('q'),
    sites: all('site'),
    langs: all('lang'),
    sections: all('section'),
    after: text('after'),
    before: text('before'),
    order: order === 'relevance' || order === 'newest' ? order : '',
    page: 1,
  };
}

function onSubmit(previous: SearchState) {
  return (event: SubmitEvent) => {
    event.preventDefault();
    navigate(searchUrl(readForm(event.target as HTMLFormElement, previous)));
  };
}

function submitOwnForm(event: Event): void {
  (event.target as HTMLInputElement).form?.requestSubmit();
}

export function queryForm(state: SearchState): TemplateResult {
  return html`
    <form id=${SEARCH_FORM_ID} class="query-form" role="search" @submit=${onSubmit(state)}>
      <label for="q" class="query-label">${t('queryLabel')}</label>
      <div class="query-row">
        <input id="q" name="q" type="search" dir="auto" autocomplete="off" spellcheck="false" .value=${state.q} placeholder=${t('queryPlaceholder')} aria-describedby="query-help" />
        <button type="submit" class="primary">${t('searchButton')}</button>
      </div>
      <p id="query-help" class="help">${t('queryHelp')}</p>
    </form>
  `;
}

/** One facet as checkboxes with counts; chosen values stay listed even when the match set no longer has them. */
function facetGroup(name: 'site' | 'lang' | 'section', legend: MessageKey, values: FacetCount[], chosen: string[]): TemplateResult {
  const shown = [...values];
  for (const c of chosen) if (!shown.some((v) => v.value === c)) shown.push({ value: c, count: 0 });
  return html`
    <fieldset class="facet">
      <legend>${t(legend)}</legend>
      ${shown.length === 0
        ? html`<p class="muted">${t('noFacet')}</p>`
        : html`<ul>
            ${shown.map(
              (v) => html`<li>
                <label>
                  <input type="checkbox" form=${SEARCH_FORM_ID} name=${name} .value=${v.value} .checked=${chosen.includes(v.value)} @change=${submitOwnForm} />
                  <span class="facet-value" dir="auto">${name === 'lang' ? formatLanguage(v.value) : v.value}</span>
                  <span class="count">${formatNumber(v.count)}</span>
                </label>
              </li>`,
            )}
          </ul>`}
    </fieldset>
  `;
}

export function filtersPanel(state: SearchState, result: SearchResult | null): TemplateResult {
  const facets = result?.facets;
  // Without words there is nothing to rank: the list is newest first, and the menu says so.
  const order = state.order || (state.q.trim() === '' ? 'newest' : '');
  return html`
    <section class="filters panel" aria-labelledby="filters-title">
      <h2 id="filters-title">${t('filters')}</h2>
      ${facetGroup('site', 'site', facets?.site ?? [], state.sites)} ${facetGroup('lang', 'language', facets?.language ?? [], state.langs)}
      ${facetGroup('section', 'section', facets?.section ?? [], state.sections)}
      <fieldset class="dates">
        <legend>${t('after')} / ${t('before')}</legend>
        <label>${t('after')} <input type="date" name="after" form=${SEARCH_FORM_ID} .value=${state.after} @change=${submitOwnForm} /></label>
        <label>${t('before')} <input type="date" name="before" form=${SEARCH_FORM_ID} .value=${state.before} @change=${submitOwnForm} /></label>
      </fieldset>
      <label class="order"
        >${t('order')}
        <select name="order" form=${SEARCH_FORM_ID} @change=${submitOwnForm}>
          <option value="" .selected=${order === ''}>${t('orderRelevance')}</option>
          <option value="newest" .selected=${order === 'newest'}>${t('orderNewest')}</option>
        </select>
      </label>
      ${state.sites.length + state.langs.length + state.sections.length > 0 || state.after || state.before
        ? html`<p><a href=${searchUrl({ ...state, sites: [], langs: [], sections: [], after: '', before: '', page: 1 })}>${t('clearFilters')}</a></p>`
        : nothing}
    </section>
  `;
}
