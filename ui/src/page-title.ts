/** The tab's title names what is on screen (a query, a headline), so history and bookmarks are readable. */
import { t } from './i18n.js';

export function setPageTitle(what: string | null): void {
  const title = what ? `${what} · ${t('appName')}` : t('appName');
  if (document.title !== title) document.title = title;
}
