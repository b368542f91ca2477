// The test site's content model: three news hosts and their articles, built deterministically.
// ar — Arabic site (sitemap index with a gzipped monthly sitemap, Google News sitemap, RSS,
//      windows-1256 pages, an infinite calendar, a robots.txt Disallow);
// en — English site (sitemap.xml, Atom and JSON Feed autodiscovered, tracking links, a
//      session-id trap, an old URL redirecting to its article);
// mixed — a bilingual wire with robots.txt Crawl-delay, an RSS feed only at a guessed path,
//      a PDF at an article-like URL, and the hostile endpoints under /h/.
import { createHash } from 'node:crypto';
import { AR, EN, slugify } from './text.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The newest article's publication time; older ones step back four days each. */
const NEWEST = Date.parse('2025-10-28T13:32:00Z');

function pad(n) {
  return String(n).padStart(2, '0');
}

/** ISO 8601 with a +03:00 offset, as many Arabic news sites state their times. */
export function isoWithOffset(ms, offsetHours = 3) {
  const d = new Date(ms + offsetHours * 3600_000);
  const sign = offsetHours >= 0 ? '+' : '-';
  const off = `${sign}${pad(Math.abs(offsetHours))}:00`;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${off}`;
}

function etagOf(article) {
  const h = createHash('sha1').update(article.title).update(article.paragraphs.join('\n')).digest('hex').slice(0, 16);
  return `"v${article.version}-${h}"`;
}

/** Recompute the validators after a change (ETag from the content, Last-Modified from `modifiedMs`). */
export function touch(article) {
  article.etag = etagOf(article);
  article.lastModified = new Date(Math.floor(article.modifiedMs / 1000) * 1000).toUTCString();
  article.modified = isoWithOffset(article.modifiedMs, article.lang === 'en' ? 0 : 3);
}

function makeArticle(host, i, fields) {
  const pool = host.lang === 'ar' ? AR : EN;
  const publishedMs = NEWEST - i * 4 * DAY_MS - (i % 3) * 3600_000;
  const section = pool.sections[i % pool.sections.length];
  const city = pool.cities[i % pool.cities.length];
  const lead = host.lang === 'ar'
    ? `${city} - أعلنت السلطات في ${city} اليوم تفاصيل جديدة تتعلق بالخبر رقم ${i + 1}، في خطوة وصفها مراقبون بأنها الأهم منذ بداية العام.`
    : `${city} — Authorities in ${city} set out new details on Monday in what observers called the most significant step of the year for story number ${i + 1}.`;
  const paragraphs = [lead];
  for (let k = 0; k < 4 + (i % 3); k++) paragraphs.push(pool.paragraphs[(i * 2 + k) % pool.paragraphs.length]);
  const article = {
    host: host.name,
    lang: host.lang,
    index: i,
    title: pool.titles[i % pool.titles.length] + (i >= pool.titles.length ? ` (${i + 1})` : ''),
    description: paragraphs[0].slice(0, 140),
    paragraphs,
    section,
    author: pool.authors[i % pool.authors.length],
    publishedMs,
    published: isoWithOffset(publishedMs, host.lang === 'en' ? 0 : 3),
    modifiedMs: publishedMs + 14 * 60_000,
    version: 1,
    kind: 'article',
    encoding: 'utf-8',
    charsetInHeader: true,
    ...fields,
  };
  article.slug = slugify(article.title);
  touch(article);
  return article;
}

function datePath(ms, withDay = true) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}${withDay ? `/${pad(d.getUTCDate())}` : ''}`;
}

export function buildModel({ articlesPerHost = 12, crawlDelaySec = 1 } = {}) {
  const hosts = [
    { name: 'ar', lang: 'ar', dir: 'rtl', siteName: AR.siteName, compression: 'gzip', crawlDelaySec: undefined, articles: [] },
    { name: 'en', lang: 'en', dir: 'ltr', siteName: EN.siteName, compression: 'br', crawlDelaySec: undefined, articles: [] },
    { name: 'mixed', lang: 'ar', dir: 'rtl', siteName: 'Gulf Wire | وكالة الخليج', compression: 'deflate', crawlDelaySec, articles: [] },
  ];
  const [ar, en, mixed] = hosts;
  for (let i = 0; i < articlesPerHost; i++) {
    const a = makeArticle(ar, i);
    a.path = `/news/${datePath(a.publishedMs)}/${a.slug}`;
    ar.articles.push(a);

    const e = makeArticle(en, i);
    e.path = i % 2 === 0 ? `/${e.section.slug}/${datePath(e.publishedMs, false)}/${e.slug}` : `/${e.section.slug}/article-${100000 + i}`;
    en.articles.push(e);

    // The wire alternates Arabic and English stories.
    const m = makeArticle({ ...mixed, lang: i % 2 === 0 ? 'ar' : 'en' }, i + 3);
    m.path = `/story/${20000 + i}.html`;
    mixed.articles.push(m);
  }
  // Legacy encodings: one page declares windows-1256 in HTTP and <meta>, one only in <meta>.
  const legacy1 = makeArticle(ar, articlesPerHost, { encoding: 'windows-1256', charsetInHeader: true });
  legacy1.path = `/news/${datePath(legacy1.publishedMs)}/legacy-windows-1256-article`;
  const legacy2 = makeArticle(ar, articlesPerHost + 1, { encoding: 'windows-1256', charsetInHeader: false });
  legacy2.path = '/archive-old/2009/03/15/old-article-in-windows-1256.html';
  ar.articles.push(legacy1, legacy2);
  // Newest first everywhere (listings, feeds).
  for (const h of hosts) h.articles.sort((x, y) => y.publishedMs - x.publishedMs);
  return { hosts, byName: Object.fromEntries(hosts.map((h) => [h.name, h])) };
}

/**
 * A new article on one host, published now: it leads the host's home page, sections, feeds and
 * sitemaps (for tests of `watch`). `change` may set its title and paragraphs.
 */
export function publishArticle(model, name, change = {}) {
  const host = model.byName[name];
  if (host === undefined) throw new Error(`test site: no host named ${name}`);
  const index = 1000 + host.articles.length;
  const lang = name === 'mixed' ? (index % 2 === 0 ? 'ar' : 'en') : host.lang;
  const now = Date.now();
  const a = makeArticle({ ...host, lang }, index, { host: name, publishedMs: now, published: isoWithOffset(now, lang === 'en' ? 0 : 3), modifiedMs: now });
  if (change.title) a.title = change.title;
  if (change.paragraphs) a.paragraphs = [...change.paragraphs];
  // The slug is cut short, so two titles of the pool could collide: the index keeps every path new.
  a.slug = `${slugify(a.title)}-${index}`;
  if (name === 'ar') a.path = `/news/${datePath(now)}/${a.slug}`;
  else if (name === 'en') a.path = `/${a.section.slug}/${datePath(now, false)}/${a.slug}`;
  else a.path = `/story/${20000 + index}.html`;
  touch(a);
  host.articles.unshift(a);
  return a;
}

/** Articles of a host's section, newest first. */
export function sectionArticles(host, slug) {
  return host.articles.filter((a) => a.section.slug === slug);
}

export const PAGE_SIZE = 5;
