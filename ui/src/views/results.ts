/** The hits with their highlighted snippets, the result count, paging, and the downloads. */
import { html, nothing, type TemplateResult } from 'lit-html';
import { exportHref } from '../api.js';
import { formatDate, formatLanguage, formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { PAGE_SIZE, searchParams, searchUrl, type SearchState } from '../search-state.js';
import type { SearchHit, SearchResult, SnippetSegment } from '../types.js';

/** Snippet segments as text, the matched ones in <mark>: never parsed as markup. */
export function snippet(parts: SnippetSegment[]): TemplateResult[] {
  return parts.map((p) => (p.match ? html`<mark>${p.text}</mark>` : html`${p.text}`));
}

function hitView(hit: SearchHit): TemplateResult {
  const dir = hit.direction ?? 'auto';
  return html`
    <li class="hit">
      <h3 class="hit-title" dir=${dir} lang=${hit.language ?? nothing}><a href=${`/article/${encodeURIComponent(hit.id)}`}>${hit.title || hit.url}</a></h3>
      <p class="hit-meta">
        <span dir="auto">${hit.siteName || hit.site}</span>
        ${hit.published ? html`· <time datetime=${hit.published}>${formatDate(hit.published)}</time>` : nothing}
        ${hit.language ? html`· <span>${formatLanguage(hit.language)}</span>` : nothing}
      </p>
      ${hit.snippet.length > 0 ? html`<p class="snippet" dir=${dir} lang=${hit.language ?? nothing}>${snippet(hit.snippet)}</p>` : nothing}
    </li>
  `;
}

/** Page links: first, last, and two either side of the current one. */
function pageNumbers(current: number, last: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - current) <= 2) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}

function pagination(state: SearchState, result: SearchResult): TemplateResult | typeof nothing {
  const last = Math.max(1, Math.ceil(result.total / (result.limit || PAGE_SIZE)));
  if (last <= 1) return nothing;
  const page = result.page;
  const link = (p: number) => searchUrl({ ...state, page: p });
  return html`
    <nav class="pagination" aria-label=${t('pagination')}>
      ${page > 1 ? html`<a href=${link(page - 1)} rel="prev">${t('previous')}</a>` : html`<span class="disabled">${t('previous')}</span>`}
      <ol>
        ${pageNumbers(page, last).map((p) =>
          p === null
            ? html`<li class="gap" aria-hidden="true">…</li>`
            : html`<li><a href=${link(p)} aria-label=${t('page', { n: formatNumber(p) })} aria-current=${p === page ? 'page' : 'false'}>${formatNumber(p)}</a></li>`,
        )}
      </ol>
      ${page < last ? html`<a href=${link(page + 1)} rel="next">${t('next')}</a>` : html`<span class="disabled">${t('next')}</span>`}
    </nav>
  `;
}

export function downloads(state: SearchState): TemplateResult {
  const params = searchParams(state);
  return html`
    <p class="downloads">
      <span>${t('download')}:</span>
      <a href=${exportHref(params, 'csv')} download>CSV</a>
      <a href=${exportHref(params, 'jsonl')} download>JSONL</a>
      <a href=${exportHref(params, 'parquet')} download>Parquet</a>
    </p>
  `;
}

export function resultsList(state: SearchState, result: SearchResult, heading: string): TemplateResult {
  const count = t(result.totalExact === false ? 'resultsCountApprox' : 'resultsCount', { n: formatNumber(result.total) });
  return html`
    <section class="results" aria-labelledby="results-title">
      <div class="results-head">
        <h2 id="results-title">${heading}</h2>
        <p class="count" role="status" data-total=${result.total}>${count}</p>
      </div>
      ${result.notice ? html`<p class="notice" dir="auto">${result.notice}</p>` : nothing}
      ${result.hits.length === 0 ? html`<p class="muted">${t('noResults')}</p>` : html`<ol class="hits">${result.hits.map(hitView)}</ol>`}
      ${pagination(state, result)}
    </section>
  `;
}
