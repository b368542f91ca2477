/**
 * Sources and crawl status: every host's frontier counts, last fetch and recent errors. With a
 * token (kept in sessionStorage) and writes on, a form adds a source and crawls it; the crawl's
 * progress is polled every second until it ends.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { api } from '../api.js';
import { formatDateTime, formatNumber } from '../format.js';
import { t, type MessageKey } from '../i18n.js';
import { requestRender } from '../render-loop.js';
import { setPageTitle } from '../page-title.js';
import { readToken, saveToken } from '../token.js';
import { displayUrl } from '../safe-url.js';
import type { Crawl, CrawlState, FetchError, HostStatus, RecentFetchError, Sources } from '../types.js';
import { AsyncSlot } from './async-slot.js';
import { errorLine, loadingLine } from './status.js';

const status = new AsyncSlot<Sources>();
let reloads = 0;
let actionError: unknown = null;
let busy = false;
/** The crawl started from this page, followed until it ends. */
let watched: Crawl | null = null;
let pollTimer: ReturnType<typeof setTimeout> | null = null;

const STATE_KEYS: Record<CrawlState, MessageKey> = { queued: 'stateQueued', running: 'stateRunning', done: 'stateDone', failed: 'stateFailed', stopped: 'stateStopped' };

function reload(): void {
  reloads++;
  requestRender();
}

function isFinished(c: Crawl): boolean {
  return c.state === 'done' || c.state === 'failed' || c.state === 'stopped';
}

function watch(crawl: Crawl): void {
  watched = crawl;
  if (pollTimer) clearTimeout(pollTimer);
  const poll = async () => {
    pollTimer = null;
    if (!watched) return;
    try {
      watched = await api.crawl(watched.id);
    } catch (error) {
      actionError = error;
    }
    if (watched && !isFinished(watched)) pollTimer = setTimeout(poll, 1000);
    reload(); // the host table moves with the crawl
  };
  pollTimer = setTimeout(poll, 1000);
  requestRender();
}

async function act(action: () => Promise<void>): Promise<void> {
  busy = true;
  actionError = null;
  requestRender();
  try {
    await action();
  } catch (error) {
    actionError = error;
  } finally {
    busy = false;
    reload();
  }
}

function onToken(event: SubmitEvent): void {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  saveToken(String(data.get('token') ?? '').trim());
  requestRender();
}

function forgetToken(): void {
  saveToken('');
  requestRender();
}

function onAdd(event: SubmitEvent): void {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const url = String(data.get('url') ?? '').trim();
  const max = Number.parseInt(String(data.get('maxArticles') ?? ''), 10);
  void act(async () => {
    const added = await api.addSource(url, Number.isFinite(max) && max > 0 ? max : null);
    form.reset();
    if (added.crawl) watch(added.crawl);
  });
}

function crawlLine(c: Crawl): TemplateResult {
  return html`<p class=${`crawl-progress state-${c.state}`} role="status" data-state=${c.state}>
    ${t('crawlProgress', { state: t(STATE_KEYS[c.state]), fetched: formatNumber(c.fetched), stored: formatNumber(c.stored), failed: formatNumber(c.failed) })}
    <bdi>${c.url}</bdi>${c.error ? html` — <bdi class="error-text">${c.error}</bdi>` : nothing}
  </p>`;
}

function recentError(e: RecentFetchError): TemplateResult {
  return html`<li>
    <time datetime=${e.at}>${formatDateTime(e.at)}</time> ${e.status ? html`<span class="status">${e.status}</span>` : nothing}
    ${e.code ? html`<code>${e.code}</code>` : nothing} <bdi>${displayUrl(e.url)}</bdi> ${e.error ? html`<bdi class="error-text">${e.error}</bdi>` : nothing}
  </li>`;
}

function lastError(e: FetchError): TemplateResult {
  return html`${e.status ?? e.code ?? ''} <bdi>${e.error ?? ''}</bdi> <time class="muted" datetime=${e.at}>${formatDateTime(e.at)}</time>`;
}

function hostsTable(hosts: HostStatus[]): TemplateResult {
  if (hosts.length === 0) return html`<p class="muted">${t('noHosts')}</p>`;
  const n = (v: number) => html`<td class="num">${formatNumber(v)}</td>`;
  return html`
    <div class="table-scroll">
      <table class="hosts">
        <thead>
          <tr>
            <th scope="col">${t('host')}</th>
            <th scope="col">${t('articles')}</th>
            <th scope="col">${t('queued')}</th>
            <th scope="col">${t('fetched')}</th>
            <th scope="col">${t('failed')}</th>
            <th scope="col">${t('blocked')}</th>
            <th scope="col">${t('skipped')}</th>
            <th scope="col">${t('lastFetch')}</th>
            <th scope="col">${t('lastError')}</th>
          </tr>
        </thead>
        <tbody>
          ${hosts.map(
            (h) => html`<tr data-host=${h.host}>
              <th scope="row"><bdi>${h.host}</bdi></th>
              ${n(h.articles)} ${n(h.queued + (h.fetching ?? 0))} ${n(h.fetched)} ${n(h.failed)} ${n(h.blocked)} ${n(h.skipped)}
              <td>${h.lastFetchAt ? html`<time datetime=${h.lastFetchAt}>${formatDateTime(h.lastFetchAt)}</time>` : t('never')}</td>
              <td class=${h.lastError ? 'error-text' : 'muted'}>${h.lastError ? lastError(h.lastError) : t('never')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${hosts.some((h) => h.recentErrors.length > 0)
      ? html`<details class="recent-errors">
          <summary>${t('recentErrors')}</summary>
          ${hosts
            .filter((h) => h.recentErrors.length > 0)
            .map((h) => html`<h3><bdi>${h.host}</bdi></h3><ul>${h.recentErrors.map(recentError)}</ul>`)}
        </details>`
      : nothing}
  `;
}

/** The corpus in one line: hosts, articles, and the frontier's counts. */
function totalsLine(s: Sources): TemplateResult {
  const parts: [MessageKey, number | undefined][] = [
    ['hostsCount', s.totals.hosts],
    ['articles', s.totals.articles],
    ['queued', s.totals.queued],
    ['fetched', s.totals.fetched],
    ['failed', s.totals.failed],
    ['blocked', s.totals.blocked],
  ];
  return html`<p class="totals">
    ${parts
      .filter(([, n]) => n !== undefined)
      .map(([key, n]) => html`<span><span class="muted">${t(key)}</span> <strong>${formatNumber(n!)}</strong></span>`)}
  </p>`;
}

function writePanel(s: Sources): TemplateResult {
  const token = readToken();
  return html`
    <section class="panel write-panel" aria-labelledby="add-title">
      <h2 id="add-title">${t('addSource')}</h2>
      ${!s.writes ? html`<p class="muted">${t('writesOff')}</p>` : nothing}
      <form class="token-form" @submit=${onToken}>
        <label for="token">${t('token')}</label>
        <input id="token" name="token" type="password" autocomplete="off" .value=${token ?? ''} aria-describedby="token-help" />
        <button type="submit">${t('saveToken')}</button>
        ${token ? html`<button type="button" @click=${forgetToken}>${t('forgetToken')}</button>` : nothing}
        <p id="token-help" class="help">${t('tokenHelp')}</p>
      </form>
      ${s.writes
        ? html`<form class="add-form" @submit=${onAdd}>
            <label for="source-url">${t('sourceUrl')}</label>
            <input id="source-url" name="url" type="url" required dir="ltr" placeholder="https://example.com/" />
            <label for="max-articles">${t('maxArticles')}</label>
            <input id="max-articles" name="maxArticles" type="number" min="1" max="10000" inputmode="numeric" />
            <button type="submit" class="primary" ?disabled=${busy}>${t('add')}</button>
          </form>`
        : nothing}
      ${watched ? crawlLine(watched) : nothing} ${actionError ? errorLine(actionError) : nothing}
    </section>
  `;
}

function sourcesList(s: Sources): TemplateResult | typeof nothing {
  if (s.sources.length === 0) return nothing;
  return html`
    <section class="panel" aria-labelledby="registered-title">
      <h2 id="registered-title">${t('registered')}</h2>
      <ul class="source-list">
        ${s.sources.map(
          (src) => html`<li>
            <bdi class="source-name">${src.name}</bdi>
            <span class="muted"><bdi>${src.hosts.join(', ')}</bdi></span>
            ${s.writes
              ? html`<button type="button" ?disabled=${busy} @click=${() => act(async () => watch((await api.crawlSource(src.id)).crawl))}>${t('crawlNow')}</button>
                  <button
                    type="button"
                    class="danger"
                    ?disabled=${busy}
                    aria-label=${t('removeSource', { name: src.name })}
                    @click=${() => {
                      if (window.confirm(t('confirmRemove'))) void act(() => api.removeSource(src.id).then(() => undefined));
                    }}
                  >
                    ${t('remove')}
                  </button>`
              : nothing}
          </li>`,
        )}
      </ul>
    </section>
  `;
}

function crawlsList(crawls: Crawl[]): TemplateResult | typeof nothing {
  if (crawls.length === 0) return nothing;
  return html`<section class="panel" aria-labelledby="crawls-title">
    <h2 id="crawls-title">${t('crawls')}</h2>
    <ul class="crawl-list">
      ${crawls.map((c) => html`<li>${crawlLine(c)}</li>`)}
    </ul>
  </section>`;
}

export function sourcesView(): TemplateResult {
  setPageTitle(t('sources'));
  const s = status.use(`sources:${reloads}`, () => api.sources());
  // While reloading, keep showing the last answer instead of flashing a loading line.
  const value = s.state === 'done' ? s.value : lastStatus;
  if (s.state === 'done') lastStatus = s.value;
  return html`
    <h1>${t('sources')}</h1>
    ${s.state === 'failed' ? errorLine(s.error) : nothing} ${!value && s.state === 'loading' ? loadingLine() : nothing}
    ${value
      ? html`<section class="panel" aria-labelledby="hosts-title"><h2 id="hosts-title" class="visually-hidden">${t('host')}</h2>${totalsLine(value)} ${hostsTable(value.hosts)}</section>
          ${writePanel(value)} ${sourcesList(value)} ${crawlsList(value.crawls)}`
      : nothing}
  `;
}

let lastStatus: Sources | null = null;
