/**
 * The article reader: the record as data, in its own language and direction — headline, byline,
 * dates with where each was found, image, body blocks, links (http/https only), versions on a
 * timeline with a diff of any two (from the URL: ?from=&to=, default the last two), near-duplicates.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { api } from '../api.js';
import { formatDate, formatDateTime, formatNumber } from '../format.js';
import { direction, lang, t, type MessageKey } from '../i18n.js';
import { navigate } from '../router.js';
import { setPageTitle } from '../page-title.js';
import { displayUrl, safeHttpUrl } from '../safe-url.js';
import type { ArticleDetail, ArticleRecord, DateEvidence, VersionDiff, VersionSummary } from '../types.js';
import { AsyncSlot } from './async-slot.js';
import { diffView } from './diff.js';
import { errorLine, loadingLine } from './status.js';

const detail = new AsyncSlot<ArticleDetail>();
const diff = new AsyncSlot<VersionDiff>();

/** A link if the URL is http(s); otherwise the text, never an href. */
export function safeLink(url: string, label: string = displayUrl(url)): TemplateResult {
  const href = safeHttpUrl(url);
  return href ? html`<a href=${href} rel="noopener noreferrer nofollow" target="_blank" dir="auto">${label}</a>` : html`<span class="unsafe-link" dir="auto">${label}</span>`;
}

function dateLine(key: MessageKey, iso: string | null, evidence: DateEvidence | null): TemplateResult | typeof nothing {
  const value = evidence?.value ?? iso;
  if (!value) return nothing;
  return html`<div class="date-line">
    <dt>${t(key)}</dt>
    <dd>
      <time datetime=${value}>${formatDateTime(value)}</time>
      ${evidence
        ? html`<span class="evidence">${t('dateFoundIn', { source: evidence.source ?? '?' })} · ${t('asWritten')}: <bdi class="raw">${evidence.raw}</bdi></span>`
        : nothing}
    </dd>
  </div>`;
}

function block(b: ArticleRecord['blocks'][number]): TemplateResult {
  switch (b.type) {
    case 'lead':
      return html`<p class="lead">${b.text}</p>`;
    case 'heading':
      return html`<h3>${b.text}</h3>`;
    case 'quote':
      return html`<blockquote><p>${b.text}</p></blockquote>`;
    case 'caption':
      return html`<p class="caption">${b.text}</p>`;
    case 'table':
      return html`<pre class="table-block">${b.text}</pre>`;
    default:
      return html`<p>${b.text}</p>`;
  }
}

/** A publisher's image that no longer loads is left out rather than shown broken. */
function hideBrokenImage(event: Event): void {
  const figure = (event.target as HTMLElement).closest('figure');
  if (figure) figure.hidden = true;
}

/**
 * The description as a standfirst, only when the body does not already say it: sites often copy
 * the first paragraph into the description, and the reader never shows a paragraph twice.
 */
function standfirst(r: ArticleRecord): string | null {
  const description = r.description?.replace(/[.…\s]+$/u, '').trim();
  if (!description || r.blocks.some((b) => b.type === 'lead')) return null;
  const probe = description.slice(0, 80);
  return r.blocks.some((b) => b.text.includes(probe)) ? null : r.description;
}

/** Body blocks in order, consecutive list items gathered into one <ul>. */
function blocks(list: ArticleRecord['blocks']): TemplateResult[] {
  const out: TemplateResult[] = [];
  for (let i = 0; i < list.length; ) {
    if (list[i]!.type === 'list-item') {
      const items: string[] = [];
      while (i < list.length && list[i]!.type === 'list-item') items.push(list[i++]!.text);
      out.push(html`<ul class="list">${items.map((text) => html`<li>${text}</li>`)}</ul>`);
    } else out.push(block(list[i++]!));
  }
  return out;
}

/** The versions to diff: from the URL when valid, else the last two. */
function chosenPair(versions: VersionSummary[], params: URLSearchParams): [number, number] | null {
  if (versions.length < 2) return null;
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  if (numbers.includes(from) && numbers.includes(to) && from !== to) return [Math.min(from, to), Math.max(from, to)];
  return [numbers[numbers.length - 2]!, numbers[numbers.length - 1]!];
}

function versionsTimeline(id: string, versions: VersionSummary[], pair: [number, number] | null, dir: string): TemplateResult {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    navigate(`/article/${encodeURIComponent(id)}?from=${String(data.get('from'))}&to=${String(data.get('to'))}#diff-title`, { replace: true });
  };
  return html`
    <section class="versions panel" aria-labelledby="versions-title">
      <h2 id="versions-title">${t('versions')}</h2>
      ${versions.length < 2 ? html`<p class="muted">${t('oneVersion')}</p>` : nothing}
      <form @submit=${onSubmit}>
        <ol class="timeline">
          ${versions.map(
            (v) => html`<li>
              <span class="version-no">${t('version', { n: formatNumber(v.version) })}</span>
              <time datetime=${v.fetchedAt}>${formatDateTime(v.fetchedAt)}</time>
              <span class="version-title" dir=${dir}>${v.title ?? ''}</span>
              ${versions.length >= 2
                ? html`<span class="version-pick">
                    <label><input type="radio" name="from" .value=${String(v.version)} .checked=${pair?.[0] === v.version} /> ${t('diffFrom')}</label>
                    <label><input type="radio" name="to" .value=${String(v.version)} .checked=${pair?.[1] === v.version} /> ${t('diffTo')}</label>
                  </span>`
                : nothing}
            </li>`,
          )}
        </ol>
        ${versions.length >= 2 ? html`<button type="submit">${t('showDiff')}</button>` : nothing}
      </form>
    </section>
  `;
}

function linkList(titleKey: MessageKey, links: string[]): TemplateResult | typeof nothing {
  if (links.length === 0) return nothing;
  return html`<section class="links panel">
    <h2>${t(titleKey)}</h2>
    <ul>
      ${links.map((l) => html`<li>${safeLink(l)}</li>`)}
    </ul>
  </section>`;
}

function articleBody(d: ArticleDetail, params: URLSearchParams): TemplateResult {
  const a = d.article;
  const r = a.record;
  const dir = r.direction ?? 'auto';
  const language = r.language ?? nothing;
  const image = r.image ? safeHttpUrl(r.image.url) : null;
  const original = a.url;
  const pair = chosenPair(d.versions, params);
  const df = pair ? diff.use(`${a.id}:${pair[0]}:${pair[1]}`, () => api.diff(a.id, pair[0], pair[1])) : null;
  return html`
    <article class="reader" lang=${language} dir=${dir}>
      <header class="reader-head">
        <p class="kicker">
          <bdi>${r.site?.name ?? a.host}</bdi>${r.section ? html` · <bdi>${r.section}</bdi>` : nothing}
        </p>
        <h1 class="headline" dir=${dir}>${r.title ?? a.title ?? a.url}</h1>
        ${r.authors.length > 0 ? html`<p class="byline" lang=${lang()} dir=${direction()}>${t('by')} ${r.authors.map((name, i) => html`${i > 0 ? ' · ' : ''}<bdi>${name}</bdi>`)}</p>` : nothing}
      </header>
      <!-- The interface's own labels inside the article keep the interface's language and direction. -->
      <dl class="reader-facts" lang=${lang()} dir=${direction()}>
        ${dateLine('published', r.published, d.dates.published)} ${dateLine('modified', r.modified, d.dates.modified)}
        <div class="date-line"><dt>${t('site')}</dt><dd><bdi>${r.site?.domain ?? a.host}</bdi></dd></div>
        <div class="date-line"><dt>${t('original')}</dt><dd>${safeLink(original)}</dd></div>
        <div class="date-line"><dt>${t('wordCount')}</dt><dd>${formatNumber(r.wordCount)}</dd></div>
        ${r.tags.length > 0
          ? html`<div class="date-line"><dt>${t('tags')}</dt><dd><ul class="tags">${r.tags.map((tag) => html`<li><bdi>${tag}</bdi></li>`)}</ul></dd></div>`
          : nothing}
      </dl>
      ${image
        ? html`<figure class="reader-image">
            <img src=${image} alt=${r.image?.caption ?? ''} loading="lazy" referrerpolicy="no-referrer" @error=${hideBrokenImage} />
            ${r.image?.caption ? html`<figcaption>${r.image.caption}</figcaption>` : nothing}
          </figure>`
        : nothing}
      ${standfirst(r) ? html`<p class="lead">${standfirst(r)}</p>` : nothing}
      <div class="reader-body">${blocks(r.blocks)}</div>
    </article>
    ${versionsTimeline(a.id, d.versions, pair, dir)}
    ${df?.state === 'loading' ? loadingLine() : nothing} ${df?.state === 'failed' ? errorLine(df.error) : nothing} ${df?.state === 'done' ? diffView(df.value, dir) : nothing}
    ${d.nearDuplicates.length > 0
      ? html`<section class="near-dups panel">
          <h2>${t('nearDuplicates')}</h2>
          <ul>
            ${d.nearDuplicates.map(
              (n) => html`<li>
                <a href=${`/article/${encodeURIComponent(n.id)}`} dir="auto">${n.title ?? n.url}</a>
                <span class="muted"><bdi>${n.site ?? ''}</bdi> ${n.published ? formatDate(n.published) : ''}</span>
              </li>`,
            )}
          </ul>
        </section>`
      : nothing}
    ${linkList('relatedLinks', r.links.related)} ${linkList('bodyLinks', r.links.inBody)}
    ${d.warc ? html`<p class="muted">${t('warc', { file: d.warc.file, offset: formatNumber(d.warc.offset) })}</p>` : nothing}
  `;
}

export function articleView(id: string, params: URLSearchParams): TemplateResult {
  const d = detail.use(id, () => api.article(id));
  if (d.state === 'loading' || d.state === 'idle') return loadingLine();
  setPageTitle(d.state === 'done' ? (d.value.article.record.title ?? d.value.article.title) : null);
  if (d.state === 'failed') return html`${errorLine(d.error)}<p><a href="/">${t('backToSearch')}</a></p>`;
  return articleBody(d.value, params);
}
