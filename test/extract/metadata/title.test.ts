// Titles on small pages written here: the headline as a reader sees it.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/extract/dom/parse.js';
import { extractMetadata } from '../../../src/extract/metadata.js';
import { stripTitleSuffix } from '../../../src/extract/fields/title.js';

const titleOf = (html: string) => extractMetadata(parseHtml(html), { url: 'https://daily.example/a/story' }).title;
const page = (head: string, body: string) => `<html><head><meta property="og:site_name" content="Daily Example">${head}</head><body>${body}<p>Text of the story.</p></body></html>`;

describe('kickers', () => {
  it('drops a kicker the markup names when the site headline leaves it out', () => {
    const html = page('<meta property="og:title" content="Ferry service resumes after storm">',
      '<h1><span class="headline__kicker">Harbour</span> <span class="headline__text">Ferry service resumes after storm</span></h1>');
    expect(titleOf(html)).toBe('Ferry service resumes after storm');
  });
  it('keeps the kicker, punctuated as the site writes it, when its own headline includes it', () => {
    const html = page('<meta property="og:title" content="Harbour: Ferry service resumes after storm">',
      '<h1><span class="kicker">Harbour</span><span class="sr-only">: </span><span>Ferry service resumes after storm</span></h1>');
    expect(titleOf(html)).toBe('Harbour: Ferry service resumes after storm');
  });
  it('keeps a first piece that is not marked as a kicker', () => {
    const html = page('', '<h1><span class="subject">Ferry service resumes</span> <span>after storm</span></h1>');
    expect(titleOf(html)).toBe('Ferry service resumes after storm');
  });
  it('drops an Arabic kicker inside the headline', () => {
    const html = page('<meta property="og:title" content="افتتاح الجسر الجديد فوق النهر">',
      '<h1><span class="overline">عاجل</span><span>افتتاح الجسر الجديد فوق النهر</span></h1>');
    expect(titleOf(html)).toBe('افتتاح الجسر الجديد فوق النهر');
  });
});

describe('headline pieces and breadcrumbs', () => {
  it('puts a space between two boxes of the headline, not inside a word split by tags', () => {
    expect(titleOf(page('', '<h1><span>Old Town</span>New bridge opens to traffic</h1>'))).toBe('Old Town New bridge opens to traffic');
    expect(titleOf(page('', '<h1><b>W</b>inter arrives early in the hills</h1>'))).toBe('Winter arrives early in the hills');
  });
  it('a heading at the end of a breadcrumb trail is not the headline; the article heading is', () => {
    const html = page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry service resumes after a week of storms"}</script><meta property="og:title" content="Ferry back after storms">',
      '<nav><a href="/">Home</a><a href="/local/">Local</a><h1>Ferry back after storms</h1></nav><article><h2>Ferry service resumes after a week of storms</h2></article>');
    expect(titleOf(html)).toBe('Ferry service resumes after a week of storms');
  });
  it('a section heading equal to a short <title> ("News - Site") loses to the story heading', () => {
    const html = '<html><head><title>News - River Lab</title><meta property="og:title" content="Tiny algae clean the lake"></head><body><h1 class="pagetitle">News</h1><h1>Tiny algae clean the lake</h1></body></html>';
    expect(titleOf(html)).toBe('Tiny algae clean the lake');
  });
  it('the box marked itemprop=headline, without its kicker, when no heading agrees', () => {
    const html = '<html><head><meta property="og:title" content="Ferry back after storms"></head><body><ul><li><a href="/">Home</a></li><li><a href="/x">Local</a></li><li><h1>Ferry back after storms</h1></li></ul><header><h2 itemprop="headline"><span class="topline">Harbour</span> <span>Ferry service resumes after a week of storms</span></h2></header></body></html>';
    expect(titleOf(html)).toBe('Ferry service resumes after a week of storms');
  });
  it('a headline after a category link and an author link, in an article header, is still the headline', () => {
    const html = page('<meta property="og:title" content="Ferry back after storms | Daily Example">', '<header><a href="/local/">Local</a><a href="/by/ann">Ann Lee</a><h1>Ferry back after storms</h1><time>5 May</time></header>');
    expect(titleOf(html)).toBe('Ferry back after storms');
    expect(extractMetadata(parseHtml(html), {}).trace.find((t) => t.step === 'meta.title')?.reason).toBe('from h1');
  });
  it('a headline field keeps its own dash-separated part; only a site name is cut from it', () => {
    const html = page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Fire in the old mill – thick smoke"}</script>', '<p>No heading here.</p>');
    expect(titleOf(html)).toBe('Fire in the old mill – thick smoke');
  });
});

describe('site suffixes and quotes', () => {
  it('cuts a Korean-style suffix: a glued section and the site after ㅣ', () => {
    expect(stripTitleSuffix('시장 선거 결과 발표-사회ㅣ한빛일보', ['한빛일보']).title).toBe('시장 선거 결과 발표');
    expect(stripTitleSuffix('Rates rise again｜The Daily', ['The Daily']).title).toBe('Rates rise again');
  });
  it('keeps straight quotes as the site typed them when the page only curls them', () => {
    const html = page('<meta property="og:title" content="Mayor\'s \'fresh start\' plan">', '<h1>Mayor’s ‘fresh start’ plan</h1>');
    expect(titleOf(html)).toBe("Mayor's 'fresh start' plan");
    expect(titleOf(page('', '<h1>Mayor’s ‘fresh start’ plan</h1>'))).toBe('Mayor’s ‘fresh start’ plan');
    expect(titleOf(page('<meta property="og:title" content="Rat sagt &quot;Ja&quot; zur Brücke">', '<h1>Rat sagt „Ja“ zur Brücke</h1>'))).toBe('Rat sagt „Ja“ zur Brücke');
  });
});
