/** Shared bits for async views: the loading line and an error the user can read. */
import { html, type TemplateResult } from 'lit-html';
import { ApiFailure } from '../api.js';
import { t } from '../i18n.js';

export function loadingLine(): TemplateResult {
  return html`<p class="loading" role="status">${t('loading')}</p>`;
}

export function errorLine(error: unknown): TemplateResult {
  const message = error instanceof ApiFailure ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
  return html`<p class="error" role="alert">${t('error', { message })}</p>`;
}

/** The outcome of one request as a view sees it. */
export type Loadable<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: unknown };
