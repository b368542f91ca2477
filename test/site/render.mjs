// HTML pages of the test site, with the boilerplate real news pages carry: navigation, a share
// bar, a related box, bylines, visible dates (Arabic-Indic digits and "تم التحديث" on Arabic
// pages), a JSON-LD block and a hidden duplicate of the body in a schema.org microdata node.
import { AR, EN, escapeHtml as e, toArabicDigits } from './text.mjs';
import { PAGE_SIZE, sectionArticles } from './model.mjs';

function poolOf(lang) {
  return lang === 'ar' ? AR : EN;
}

/** "٢٨ أكتوبر ٢٠٢٥ - ١٦:٣٢" or "28 October 2025, 13:32". */
function visibleDate(iso, lang) {
  const [date, time] = iso.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const hm = time.slice(0, 5);
  if (lang === 'ar') return `${toArabicDigits(d)} ${AR.months[m - 1]} ${toArabicDigits(y)} - ${toArabicDigits(hm)}`;
  return `${d} ${EN.months[m - 1]} ${y}, ${hm}`;
}

function feedLinks(host, origin) {
  if (host.name === 'ar') return `<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">`;
  if (host.name === 'en') {
    return `<link rel="alternate" type="application/atom+xml" title="Atom" href="${origin}/feed.atom">\n<link rel="alternate" type="application/feed+json" title="JSON Feed" href="/feed.json">`;
  }
  return ''; // mixed: the feed lives at /feed, found only by guessing
}

function sectionHref(host, slug, page = 1) {
  if (host.name === 'en') return page === 1 ? `/${slug}/` : `/${slug}/page/${page}`;
  const base = host.name === 'ar' ? `/section/${slug}` : `/category/${slug}`;
  return page === 1 ? base : `${base}?page=${page}`;
}

function layout(host, origin, { title, head = '', body, lang = host.lang, charset = 'utf-8' }) {
  const pool = poolOf(host.lang);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const nav = pool.sections.map((s) => `<li><a href="${sectionHref(host, s.slug)}">${e(s.name)}</a></li>`).join('');
  const footerExtra = host.name === 'ar'
    ? `<a href="/events/calendar/2025/10">التقويم</a> · <a href="/private/internal-memo">داخلي</a> · <a href="/search?q=%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1">بحث</a>`
    : host.name === 'en'
      ? `<a href="/drafts/unpublished-story">Drafts</a> · <a href="/about">About us</a>`
      : `<a href="/contact">Contact</a>`;
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="${charset}">
<title>${e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${feedLinks(host, origin)}
${head}
</head>
<body>
<header class="site-header"><a class="logo" href="/">${e(host.siteName)}</a>
<nav class="main-nav"><ul><li><a href="/">${lang === 'ar' ? 'الرئيسية' : 'Home'}</a></li>${nav}</ul></nav>
<div class="ticker">${lang === 'ar' ? 'عاجل: ' : 'Breaking: '}${e(host.articles[0]?.title ?? '')}</div>
</header>
<main>
${body}
</main>
<footer class="site-footer"><p>© 2025 ${e(host.siteName)}</p>
<p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · ${footerExtra}</p></footer>
</body>
</html>`;
}

export function renderArticle(host, origin, a) {
  const pool = poolOf(a.lang);
  const others = host.articles.filter((x) => x !== a && x.kind === 'article');
  const related = others.slice(0, 4).map((x, k) => {
    const tracking = k % 2 === 0 ? '?utm_source=related&utm_medium=web' : '';
    return `<li><a href="${x.path}${tracking}">${e(x.title)}</a></li>`;
  });
  const readMore = others[4] ?? others[0];
  const paras = a.paragraphs.map((p) => `<p>${e(p)}</p>`);
  if (readMore) paras.splice(2, 0, `<p class="read-also"><strong>${pool.readMore}:</strong> <a href="${readMore.path}#comments">${e(readMore.title)}</a></p>`);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: a.published,
    dateModified: a.modified,
    author: [{ '@type': 'Person', name: a.author }],
    inLanguage: a.lang,
    mainEntityOfPage: `${origin}${a.path}`,
    articleBody: a.paragraphs.join(''),
  };
  const head = `<link rel="canonical" href="${origin}${a.path}">
<meta name="description" content="${e(a.description)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${e(a.title)}">
<meta property="og:image" content="${origin}/img/${a.index}.jpg">
<meta property="article:published_time" content="${a.published}">
<meta property="article:modified_time" content="${a.modified}">
<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`;
  const updated = a.version > 1 || a.modified !== a.published
    ? ` <span class="updated">(${pool.updated}: ${visibleDate(a.modified, a.lang)})</span>`
    : '';
  const share = pool.share.map((s) => `<a class="share" href="https://share.example/?u=${encodeURIComponent(origin + a.path)}">${e(s)}</a>`).join(' ');
  const body = `<nav class="breadcrumb"><a href="/">${a.lang === 'ar' ? 'الرئيسية' : 'Home'}</a> › <a href="${sectionHref(host, a.section.slug)}">${e(a.section.name)}</a></nav>
<article class="story">
<h1 class="headline">${e(a.title)}</h1>
<div class="byline">${pool.by}: <a rel="author" href="/author/${a.index % 4}">${e(a.author)}</a></div>
<div class="dates"><time datetime="${a.published}">${visibleDate(a.published, a.lang)}</time>${updated}</div>
<div class="share-bar">${share}</div>
<figure><img src="/img/${a.index}.jpg" alt=""><figcaption>${e(a.title)}</figcaption></figure>
<div class="story-body">
${paras.join('\n')}
</div>
<div itemscope itemtype="https://schema.org/NewsArticle" style="display:none"><span itemprop="headline">${e(a.title)}</span><div itemprop="articleBody">${e(a.paragraphs.join(''))}</div></div>
</article>
<aside class="related"><h2>${pool.related}</h2><ul>${related.join('')}</ul></aside>`;
  return layout(host, origin, { title: `${a.title} | ${host.siteName}`, head, body, lang: a.lang, charset: a.encoding });
}

function teaser(a) {
  return `<article class="teaser"><h2><a href="${a.path}">${e(a.title)}</a></h2><p>${e(a.description)}</p><time datetime="${a.published}">${visibleDate(a.published, a.lang)}</time></article>`;
}

/** A section page, PAGE_SIZE stories per page, with previous/next pagination. Null past the end. */
export function renderSection(host, origin, slug, page) {
  const pool = poolOf(host.lang);
  const section = pool.sections.find((s) => s.slug === slug);
  if (!section) return null;
  const all = sectionArticles(host, slug);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  if (page < 1 || page > pages) return null;
  const items = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(teaser);
  const nav = [];
  if (page > 1) nav.push(`<a rel="prev" href="${sectionHref(host, slug, page - 1)}">‹</a>`);
  for (let p = 1; p <= pages; p++) nav.push(`<a href="${sectionHref(host, slug, p)}">${p}</a>`);
  if (page < pages) nav.push(`<a rel="next" href="${sectionHref(host, slug, page + 1)}">›</a>`);
  const body = `<h1>${e(section.name)}</h1>\n${items.join('\n')}\n<nav class="pagination">${nav.join(' ')}</nav>`;
  return layout(host, origin, { title: `${section.name} | ${host.siteName}`, body, head: `<meta property="og:type" content="website">` });
}

export function renderHome(host, origin, { sessionId } = {}) {
  const stories = host.articles.filter((a) => a.kind === 'article').slice(0, 10);
  const items = stories.map((a, k) => {
    // Some home links carry tracking parameters and fragments, as real ones do.
    const suffix = host.name === 'en' && k % 3 === 0 ? '?utm_source=home&utm_campaign=top#top' : '';
    return teaser({ ...a, path: a.path + suffix });
  });
  let extra = '';
  if (host.name === 'en') {
    extra = `<p><a href="/world/?sid=${sessionId}">World (your session)</a> · <a href="/old/central-bank-story">Archive story</a></p>`;
  } else if (host.name === 'mixed') {
    extra = `<ul class="more"><li><a href="/news/2025/10/27/annual-report-2025">Annual report 2025</a></li>
<li><a href="/h/redirect/3">Moved story</a></li><li><a href="/h/loop/a">Loop</a></li></ul>`;
  }
  const body = `<h1 class="visually-hidden">${e(host.siteName)}</h1>\n${items.join('\n')}\n${extra}`;
  return layout(host, origin, { title: host.siteName, body, head: `<meta property="og:type" content="website">` });
}

/** The infinite calendar: every month links to the month before and after, and to its days. */
export function renderCalendar(host, origin, year, month, day) {
  const prev = month === 1 ? [year - 1, 12] : [year, month - 1];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  const days = Array.from({ length: 28 }, (_, k) => `<a href="/events/calendar/${year}/${month}/${k + 1}">${k + 1}</a>`);
  const body = `<h1>التقويم ${year}/${month}${day ? `/${day}` : ''}</h1>
<p>لا توجد فعاليات في هذا التاريخ.</p>
<nav><a href="/events/calendar/${prev[0]}/${prev[1]}">الشهر السابق</a> · <a href="/events/calendar/${next[0]}/${next[1]}">الشهر التالي</a></nav>
<div class="days">${days.join(' ')}</div>`;
  return layout(host, origin, { title: `التقويم | ${host.siteName}`, body });
}

export function renderSimple(host, origin, title, text) {
  return layout(host, origin, { title, body: `<h1>${e(title)}</h1><p>${e(text)}</p>` });
}
