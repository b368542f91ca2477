/** The top terms of the matches, with counts and bars; a term is a button that adds it to the query. */
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { searchUrl, type SearchState } from '../search-state.js';
import type { TopTerms } from '../types.js';
import { barLength } from './bar.js';
import { errorLine, loadingLine, type Loadable } from './status.js';

/** A term with a space in it goes in as a "phrase", so the query means what was clicked. */
function addTerm(state: SearchState, term: string): void {
  const word = /\s/.test(term) ? `"${term}"` : term;
  navigate(searchUrl({ ...state, q: `${state.q} ${word}`.trim(), page: 1 }));
}

export function termsSection(state: SearchState, terms: Loadable<TopTerms>, shown: TopTerms | null): TemplateResult {
  const value = shown;
  const max = value ? Math.max(1, ...value.terms.map((x) => x.count)) : 1;
  return html`
    <section class=${`terms panel${terms.state === 'loading' ? ' stale' : ''}`} aria-labelledby="terms-title" aria-busy=${terms.state === 'loading' ? 'true' : 'false'}>
      <h2 id="terms-title">${t('topTerms')}</h2>
      ${terms.state === 'loading' ? loadingLine() : nothing} ${terms.state === 'failed' ? errorLine(terms.error) : nothing}
      ${value && value.terms.length === 0 ? html`<p class="muted">${t('noTerms')}</p>` : nothing}
      ${value && value.terms.length > 0
        ? html`<ol class="term-list">
              ${value.terms.map(
                (term) => html`<li>
                  <button type="button" class="term" dir="auto" title=${t('addTerm', { term: term.term })} @click=${() => addTerm(state, term.term)}>${term.term}</button>
                  <span class="bar" aria-hidden="true"><span class="bar-fill" ${barLength(term.count / max)}></span></span>
                  <span class="count">${formatNumber(term.count)}</span>
                </li>`,
              )}
            </ol>
            <p class="muted">${t(value.sampled < value.total ? 'termsSampled' : 'termsAll', { sampled: formatNumber(value.sampled), total: formatNumber(value.total) })}</p>`
        : nothing}
    </section>
  `;
}
