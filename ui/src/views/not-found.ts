/** Any path the UI does not know. */
import { html, type TemplateResult } from 'lit-html';
import { t } from '../i18n.js';

export function notFoundView(): TemplateResult {
  return html`<section class="panel"><h1>${t('notFound')}</h1><p><a href="/">${t('backToSearch')}</a></p></section>`;
}
