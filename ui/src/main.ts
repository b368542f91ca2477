/** Boots the UI: language, router, and the one render function that draws the current route. */
import { render } from 'lit-html';
import 'uplot/dist/uPlot.min.css';
import { applyToDocument } from './i18n.js';
import { currentRoute, startRouter } from './router.js';
import { requestRender, setRenderer } from './render-loop.js';
import { shell } from './views/shell.js';
import { searchView } from './views/search.js';
import { articleView } from './views/article.js';
import { sourcesView } from './views/sources.js';
import { notFoundView } from './views/not-found.js';

const root = document.getElementById('app')!;
let lastPath = '';

function draw(): void {
  const route = currentRoute();
  const content =
    route.name === 'search' ? searchView(route.params) : route.name === 'article' ? articleView(route.id, route.params) : route.name === 'sources' ? sourcesView() : notFoundView();
  render(shell(route, content), root);
  // A new page (not a new query string on the same page) starts at the top, as a reload would.
  if (window.location.pathname !== lastPath) {
    if (lastPath !== '') {
      window.scrollTo(0, 0);
      // The link that was followed is gone with the old page: keyboard focus continues in main, not at the top of the document.
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) document.getElementById('main')?.focus({ preventScroll: true });
    }
    lastPath = window.location.pathname;
  }
}

applyToDocument();
setRenderer(draw);
startRouter(requestRender);
requestRender();
