// robots.txt, sitemaps (index, monthly, Google News) and feeds (RSS 2.0, Atom, JSON Feed).
import { escapeHtml as x } from './text.mjs';

export function renderRobots(host, origin) {
  const lines = ['# marsad test site', 'User-agent: *'];
  if (host.name === 'ar') lines.push('Disallow: /private/', 'Disallow: /search');
  if (host.name === 'en') lines.push('Disallow: /drafts/');
  if (host.name === 'mixed') {
    lines.push('Disallow: /admin/');
    if (host.crawlDelaySec) lines.push(`Crawl-delay: ${host.crawlDelaySec}`);
  }
  lines.push('', 'User-agent: BadBot', 'Disallow: /', '');
  const sitemap = { ar: '/sitemap_index.xml', en: '/sitemap.xml', mixed: '/sitemap-news.xml' }[host.name];
  lines.push(`Sitemap: ${origin}${sitemap}`);
  return `${lines.join('\n')}\n`;
}

/** Absolute URL with the path percent-encoded (Arabic slugs appear encoded in sitemaps). */
function abs(origin, path) {
  return new URL(path, origin).href;
}

function monthKey(a) {
  return a.published.slice(0, 7);
}

export function sitemapMonths(host) {
  return [...new Set(host.articles.filter((a) => a.kind === 'article').map(monthKey))].sort();
}

export function renderSitemapIndex(host, origin) {
  const months = sitemapMonths(host);
  const newest = months[months.length - 1];
  const entries = months.map((m) => {
    const file = m === newest ? `/sitemaps/${m}.xml.gz` : `/sitemaps/${m}.xml`;
    return `<sitemap><loc>${abs(origin, file)}</loc><lastmod>${m}-28</lastmod></sitemap>`;
  });
  entries.push(`<sitemap><loc>${abs(origin, '/news-sitemap.xml')}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</sitemapindex>
`;
}

export function renderUrlset(host, origin, articles, { news = false, images = false } = {}) {
  const urls = articles.map((a) => {
    const parts = [`<loc>${x(abs(origin, a.path))}</loc>`, `<lastmod>${a.modified}</lastmod>`];
    if (images) parts.push(`<image:image><image:loc>${abs(origin, `/img/${a.index}.jpg`)}</image:loc></image:image>`);
    if (news) {
      parts.push(`<news:news><news:publication><news:name>${x(host.siteName)}</news:name><news:language>${a.lang}</news:language></news:publication><news:publication_date>${a.published}</news:publication_date><news:title>${x(a.title)}</news:title></news:news>`);
    }
    return `<url>${parts.join('')}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${urls.join('\n')}
</urlset>
`;
}

export function renderRss(host, origin, articles) {
  const items = articles.map((a) => `<item>
<title><![CDATA[${a.title}]]></title>
<link>${x(abs(origin, a.path))}</link>
<guid isPermaLink="false">${host.name}-${a.index}</guid>
<pubDate>${new Date(a.publishedMs).toUTCString()}</pubDate>
<dc:creator>${x(a.author)}</dc:creator>
<description>${x(a.description)}</description>
</item>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(host.siteName)}</title>
<link>${origin}/</link>
<atom:link href="${origin}/rss.xml" rel="self" type="application/rss+xml"/>
<description>${x(host.siteName)}</description>
<language>${host.lang}</language>
${items.join('\n')}
</channel>
</rss>
`;
}

export function renderAtom(host, origin, articles) {
  const entries = articles.map((a) => `<entry>
<title type="html">${x(a.title)}</title>
<link rel="alternate" type="text/html" href="${x(abs(origin, a.path))}"/>
<link rel="enclosure" type="image/jpeg" href="${origin}/img/${a.index}.jpg"/>
<id>tag:${host.name},2025:${a.index}</id>
<published>${a.published}</published>
<updated>${a.modified}</updated>
<author><name>${x(a.author)}</name></author>
<summary>${x(a.description)}</summary>
</entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${x(host.siteName)}</title>
<link rel="self" href="${origin}/feed.atom"/>
<link rel="alternate" href="${origin}/"/>
<id>${origin}/</id>
<updated>${articles[0]?.modified ?? '2025-10-28T00:00:00Z'}</updated>
${entries.join('\n')}
</feed>
`;
}

export function renderJsonFeed(host, origin, articles) {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: host.siteName,
    home_page_url: `${origin}/`,
    feed_url: `${origin}/feed.json`,
    items: articles.map((a) => ({
      id: `${host.name}-${a.index}`,
      url: abs(origin, a.path),
      title: a.title,
      summary: a.description,
      date_published: a.published,
      date_modified: a.modified,
      authors: [{ name: a.author }],
    })),
  }, null, 1);
}
