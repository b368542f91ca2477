/** Any path the UI does not know. */
import { html, type TemplateResult } from 'lit-html';
import { t } from '../i18n.js';
import { setPageTitle } from '../page-title.js';

export function notFoundView(): TemplateResult {
  setPageTitle(t('notFound'));
  return html`<section class="panel"><h1>${t('notFound')}</h1><p><a href="/">${t('backToSearch')}</a></p></section>`;
}
