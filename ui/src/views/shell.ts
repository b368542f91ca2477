/** The page frame: skip link, brand, navigation, language switch, and the main region. */
import { html, type TemplateResult } from 'lit-html';
import { lang, setLang, t } from '../i18n.js';
import { requestRender } from '../render-loop.js';
import type { Route } from '../router.js';

function switchLanguage(): void {
  setLang(lang() === 'ar' ? 'en' : 'ar');
  requestRender();
}

function skipToMain(event: Event): void {
  // The skip link moves focus, not only the scroll position, so the next Tab continues in main.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function shell(route: Route, content: TemplateResult): TemplateResult {
  const other = lang() === 'ar' ? 'en' : 'ar';
  return html`
    <a class="skip-link" href="#main" @click=${skipToMain}>${t('skipToContent')}</a>
    <header class="site-header">
      <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">◉</span> ${t('appName')}<span class="brand-tagline">${t('tagline')}</span></a>
      <nav class="site-nav" aria-label=${t('navSearch') + ' / ' + t('navSources')}>
        <a href="/" aria-current=${route.name === 'search' ? 'page' : 'false'}>${t('navSearch')}</a>
        <a href="/sources" aria-current=${route.name === 'sources' ? 'page' : 'false'}>${t('navSources')}</a>
      </nav>
      <button type="button" class="lang-switch" lang=${other} @click=${switchLanguage}>${t('switchLanguage')}</button>
    </header>
    <main id="main" tabindex="-1">${content}</main>
  `;
}
