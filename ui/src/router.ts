/**
 * Client-side routes on the history API: /, /search?…, /article/:id, /sources. Same-origin
 * link clicks are taken over (no reload) unless they are downloads, API links, new-tab clicks
 * or modified clicks; back and forward re-render from the URL, which holds all view state.
 */
export type Route =
  | { name: 'search'; params: URLSearchParams }
  | { name: 'article'; id: string; params: URLSearchParams }
  | { name: 'sources'; params: URLSearchParams }
  | { name: 'not-found'; params: URLSearchParams };

export function currentRoute(): Route {
  const { pathname, search } = window.location;
  const params = new URLSearchParams(search);
  if (pathname === '/' || pathname === '/search') return { name: 'search', params };
  if (pathname === '/sources') return { name: 'sources', params };
  const article = /^\/article\/([^/]+)\/?$/.exec(pathname);
  if (article) {
    try {
      return { name: 'article', id: decodeURIComponent(article[1]!), params };
    } catch {
      return { name: 'not-found', params };
    }
  }
  return { name: 'not-found', params };
}

let onChange: () => void = () => undefined;

/** Goes to a same-origin path; `replace` for changes that should not add a history entry. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = new URL(path, window.location.href);
  if (target.href === window.location.href) return onChange();
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  onChange();
}

function isInternalLink(a: HTMLAnchorElement, event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (a.hasAttribute('download') || (a.target && a.target !== '_self')) return false;
  const url = new URL(a.href, window.location.href);
  return url.origin === window.location.origin && !url.pathname.startsWith('/api/');
}

export function startRouter(changed: () => void): void {
  onChange = changed;
  window.addEventListener('popstate', () => onChange());
  document.addEventListener('click', (event) => {
    const a = (event.target as Element | null)?.closest?.('a[href]');
    if (!(a instanceof HTMLAnchorElement) || !isInternalLink(a, event)) return;
    event.preventDefault();
    navigate(a.href);
  });
}
