// Published dates on page shapes the date vocabulary never named: small test pages written here.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/extract/dom/parse.js';
import { extractMetadata } from '../../../src/extract/metadata.js';
import { classWords } from '../../../src/extract/dates/class-words.js';
import { isLocalDayOf } from '../../../src/extract/dates/choose-dates.js';
import { parseDate } from '../../../src/extract/dates/parse-date.js';

const meta = (html: string, context: { url?: string; fetchedAt?: string } = {}) => extractMetadata(parseHtml(html), context);
const page = (body: string, head = '') => `<html><head>${head}</head><body>${body}</body></html>`;

describe('the article date box is not mistaken for a sidebar', () => {
  it('a layout class on <body> does not make the whole page offside', () => {
    const m = meta(page('<article class="post"><h1>Gartenfest im Hof</h1><time datetime="2021-06-12T09:30:00+02:00">12. Juni 2021</time><p>Text.</p></article>').replace('<body>', '<body class="single right-sidebar">'));
    expect(m.published).toBe('2021-06-12T09:30:00+02:00');
  });
  it('taxonomy classes on the post wrapper (category-newsletter, tag-comments) are not regions', () => {
    const m = meta(page('<article class="post category-newsletter tag-comments"><h1>Neue Ausgabe</h1><span class="entry-date">3 March 2022</span></article>'));
    expect(m.published).toBe('2022-03-03');
  });
  it('a wrapper that looks like a sidebar but holds the headline is the article', () => {
    const m = meta(page('<div id="sidebar" class="content"><header><h1>Ein Rückblick</h1><time datetime="2019-02-01T08:00:00+01:00">1 Feb</time></header></div><aside class="widget"><time datetime="2018-01-01">old</time></aside>'));
    expect(m.published).toBe('2019-02-01T08:00:00+01:00');
  });
});

describe('date boxes named in other words', () => {
  it('reads boxes called datum, fecha, subline or *_meta as date boxes', () => {
    expect(meta(page('<h1>Vereinsnachrichten</h1><div class="artikel-datum">Mi, 12.01.2022</div>')).published).toBe('2022-01-12');
    expect(meta(page('<h1>Noticias</h1><span class="fecha">3 de marzo de 2021</span>')).published).toBe('2021-03-03');
    expect(meta(page('<h1>Hechte im Winter</h1><div class="article_subline">Autor / 26.01.2022</div>')).published).toBe('2022-01-26');
    expect(meta(page('<h1>Bericht</h1><div class="teaser_text_meta">Peter Muster / 07.11.2023 / 09:30</div>')).published).toBe('2023-11-07T09:30:00');
  });
  it('a page builder\'s "widget" block right after the headline holds the article\'s date; a sidebar widget does not', () => {
    const filler = Array.from({ length: 80 }, (_, i) => `<p><span>Absatz ${i}</span></p>`).join('');
    const m = meta(page(`<h1>Wochenrückblick</h1><div class="builder-widget widget-post-info"><span class="item-type-date">19. Oktober 2019</span></div>${filler}<div class="sidebar"><div class="widget"><span class="post-date">17. Oktober 2019</span></div></div>`));
    expect(m.published).toBe('2019-10-19');
    const far = meta(page(`<h1>Wochenrückblick</h1>${filler}<div class="widget"><span class="post-date">17. Oktober 2019</span></div>`), { url: 'https://z.example/2019/10/18/rueckblick' });
    expect(far.published).toBe('2019-10-18');
  });
  it('a wrapper called "sidebar" that holds most of the page is a layout, not a box', () => {
    const posts = Array.from({ length: 150 }, (_, i) => `<p><span>Satz ${i}</span></p>`).join('');
    const m = meta(page(`<div class="mainwrap sidebar"><div class="logo"><h1>Blog</h1></div><div class="post"><h2>Schwarz</h2><div class="post-meta"><a class="post-meta-time">08/08/2017</a></div>${posts}</div></div>`));
    expect(m.published).toBe('2017-08-08');
  });
});

describe('machine-readable dates outside JSON-LD and meta', () => {
  it('reads a data layer in a plain script', () => {
    const m = meta(page('<h1>Markt</h1><p>Text.</p>', '<script>window.layer = {"section":"economy","first-publication":"2020-05-04 15:28","last-updated":"2020-05-04 16:00"};</script>'));
    expect(m.published).toBe('2020-05-04T15:28:00');
    expect(m.dates.published?.source).toBe('script');
  });
  it('reads <abbr> machine dates: an ISO title or data-utime seconds', () => {
    expect(meta(page('<h1>Post</h1><abbr class="published" title="2011-03-30T21:05:00-07:00">9:05 PM</abbr>')).published).toBe('2011-03-30T21:05:00-07:00');
    expect(meta(page('<h1>Post</h1><abbr data-utime="1507287600">Friday</abbr>')).published?.slice(0, 10)).toBe('2017-10-06');
  });
});

describe('a UTC instant is reported on the day the page states', () => {
  it('prefers the same instant in the page\'s own offset', () => {
    const m = meta(page('<h1>Council vote</h1>', '<meta property="article:published_time" content="2022-11-09T03:10:00+00:00"><script>var page = {"date":"2022-11-08T22:10:00-05:00"};</script>'));
    expect(m.published).toBe('2022-11-08T22:10:00-05:00');
  });
  it('prefers the URL day over a UTC instant late the evening before', () => {
    const m = meta(page('<h1>Vertice</h1>', '<meta property="article:published_time" content="2022-03-01T23:20:00Z">'), { url: 'https://news.example/2022/03/02/vertice' });
    expect(m.published).toBe('2022-03-02');
  });
  it('matches a local day to an instant only by a plausible offset', () => {
    const utc = parseDate('2021-11-04T23:00:00Z')!;
    expect(isLocalDayOf(parseDate('2021-11-05')!, utc)).toBe(true);
    expect(isLocalDayOf(parseDate('2021-11-05T00:00:00+01:00')!, utc)).toBe(true);
    expect(isLocalDayOf(parseDate('2021-11-05')!, parseDate('2021-11-04T08:12:00Z')!)).toBe(false);
    expect(isLocalDayOf(parseDate('2021-11-06')!, utc)).toBe(false);
  });
});

describe('the page-wide search answers when precise sources give no day', () => {
  it('takes the first date line after the headline, whatever its element, not the comments\' dates', () => {
    const m = meta(page('<h1>Mein Roboter</h1><small>Donnerstag, 15.2.2018, 19:51</small><p>Ein langer Absatz über den Roboter, der den Boden saugt und dabei gegen jede Wand fährt.</p><div class="comment-list"><p>Antwort vom 16.02.2018</p><p>Antwort vom 17.02.2018</p></div>'));
    expect(m.published).toBe('2018-02-15T19:51:00');
  });
  it('reads a post footer line in any language', () => {
    const steps = Array.from({ length: 20 }, (_, i) => `<p>Paso ${i + 1}: <em>mezclar</em> y <b>esperar</b>.</p>`).join('');
    const m = meta(page(`<h1>La receta</h1>${steps}<div class="pie"><span>Publicado el 7 de mayo de 2020 por Ana</span></div>`));
    expect(m.published).toBe('2020-05-07');
    expect(m.dates.published?.source).toBe('page');
  });
  it('prefers a date line to a sentence that mentions a day, and dates a range by its first day', () => {
    const m = meta(page('<h1>Lawinen</h1><p>Der Tunnel wird vom 24. April bis 2. Oktober 2017 gesperrt, alle Umleitungen sind ausgeschildert und beschrieben.</p><p>14.-20. Januar 2017</p>'));
    expect(m.published).toBe('2017-01-14');
  });
  it('ignores a clock line', () => {
    const m = meta(page('<div>Aktuelle Zeit: 14.10.2024, 12:18</div><h1>Forum</h1><p>Beitrag</p><div>Datum: 21.01.2009</div>'));
    expect(m.published).toBe('2009-01-21');
  });
  it('without a headline, the day short texts state most often', () => {
    const m = meta(page('<div><p>3.4.2016</p><p>Eintrag</p><p>5.4.2016</p><p>5.4.2016</p></div>'));
    expect(m.published).toBe('2016-04-05');
  });
  it('prefers a publication day to a month from the URL', () => {
    const m = meta(page('<h1>Sommerrezept</h1><h2 class="heading">Freitag, 5. Juni 2015</h2><p>Text</p>'), { url: 'https://blog.example/2015/06/sommer.html' });
    expect(m.published).toBe('2015-06-05');
  });
});

describe('weak sources give way', () => {
  it('a generic <meta name="date"> loses to the labelled date box next to the headline', () => {
    const m = meta(page('<h1>Jahresbericht</h1><div class="news-date">05.02.2020 - Redaktion</div><p>Text.</p>', '<meta name="date" content="2020-02-12">'));
    expect(m.published).toBe('2020-02-05');
  });
  it('a clock in a date box is not the article\'s date', () => {
    const m = meta(page('<div class="date">Aktuelles Datum und Uhrzeit: 11/02/24, 07:22 pm</div><h1>Regeln</h1><span class="post-date">26.10.2013</span>'));
    expect(m.published).toBe('2013-10-26');
  });
  it('a sentence under the headline mentions an event, it is not the date line', () => {
    const m = meta(page('<h1>Stammtisch</h1><p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr im Café am Markt statt, alle sind willkommen.</p>'), { url: 'https://verein.example/2020/01/29/stammtisch' });
    expect(m.published).toBe('2020-01-29');
  });
});

describe('class names are read as words', () => {
  it('splits camelCase, dashes, underscores and colons', () => {
    expect(classWords('entry-meta__publishedAt')).toEqual(['entry', 'meta', 'published', 'at']);
    expect(classWords('md:dateLine')).toEqual(['md', 'date', 'line']);
    expect(classWords('first-publication')).toEqual(['first', 'publication']);
  });
});

describe('dates in more languages', () => {
  it('reads genitive month names and CJK and Vietnamese numeric forms', () => {
    expect(parseDate('3 maja 2021')).toMatchObject({ year: 2021, month: 5, day: 3 });
    expect(parseDate('12. května 2020')).toMatchObject({ year: 2020, month: 5, day: 12 });
    expect(parseDate('7 травня 2022')).toMatchObject({ year: 2022, month: 5, day: 7 });
    expect(parseDate('15 Μαΐου 2019')).toMatchObject({ year: 2019, month: 5, day: 15 });
    expect(parseDate('3 mei 2018')).toMatchObject({ year: 2018, month: 5, day: 3 });
    expect(parseDate('2. toukokuuta 2017')).toMatchObject({ year: 2017, month: 5, day: 2 });
    expect(parseDate('2020年5月3日 10:20')).toMatchObject({ year: 2020, month: 5, day: 3, hour: 10 });
    expect(parseDate('입력 2021년 11월 4일')).toMatchObject({ year: 2021, month: 11, day: 4 });
    expect(parseDate('Thứ hai, ngày 3 tháng 5 năm 2021')).toMatchObject({ year: 2021, month: 5, day: 3 });
  });
  it('finds an Arabic date line anywhere on the page when nothing else dates it', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `<p><span>فقرة ${i}</span></p>`).join('');
    const m = meta(page(`<h1>عنوان الخبر</h1>${filler}<div class="x-foot"><span>نشر بتاريخ ١٢ أيار ٢٠٢٢</span></div>`));
    expect(m.published).toBe('2022-05-12');
  });
});

describe('weak machine evidence when nothing else dates the page', () => {
  it('reads the day in the lead image path, and a publish time a data layer states', () => {
    const head = '<meta property="og:image" content="https://img.example/2026/01/29/photo.jpg">';
    const image = meta(page('<h1>헤드라인</h1><p>본문</p>', head));
    expect(image.published).toBe('2026-01-29');
    expect(image.dates.published?.raw).toBe('/2026/01/29/');
    const layer = meta(page('<h1>헤드라인</h1><p>본문</p>', `${head}<script>var article = {"deployDt":"2026.01.29 18:40","reDeployDt":"2026.01.29 18:49"};</script>`));
    expect(layer.published).toBe('2026-01-29T18:40:00');
    expect(layer.modified).toBe('2026-01-29T18:49:00');
  });
});
