// Authors on small pages written here: what a reader of the byline would list, nothing else.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/extract/dom/parse.js';
import { extractMetadata } from '../../../src/extract/metadata.js';
import { cleanAuthors } from '../../../src/extract/fields/authors.js';

const authorsOf = (html: string, url = 'https://paper.example/news/story') => extractMetadata(parseHtml(html), { url }).authors;
const ld = (json: string, body = '<h1>Council votes on the new bridge</h1><p>Text.</p>') =>
  `<html><head><meta property="og:site_name" content="Harbour Post"><script type="application/ld+json">${json}</script></head><body>${body}</body></html>`;

describe('credit lines', () => {
  it('keeps hyphenated names whole and splits "and" in several languages', () => {
    expect(cleanAuthors(['By Marie-Claire Dubois and Jean-Luc Martin'], [])).toEqual(['Marie-Claire Dubois', 'Jean-Luc Martin']);
    expect(cleanAuthors(['Von Lena Vogt-Brandt und Ole Ahrens'], [])).toEqual(['Lena Vogt-Brandt', 'Ole Ahrens']);
    expect(cleanAuthors(['Karen Holm og Sune Bak-Nielsen'], [])).toEqual(['Karen Holm', 'Sune Bak-Nielsen']);
    expect(cleanAuthors(['Par Élise Garnier et Hugo Lenoir'], [])).toEqual(['Élise Garnier', 'Hugo Lenoir']);
  });
  it('keeps an agency beside the people, and alone when it is the only credit', () => {
    expect(cleanAuthors(['Tomas Reiter und Ina Kalb, dpa'], [])).toEqual(['Tomas Reiter', 'Ina Kalb', 'dpa']);
    expect(cleanAuthors(['Von dpa'], [])).toEqual(['dpa']);
    expect(cleanAuthors(['Deutsche Presse-Agentur'], [])).toEqual(['Deutsche Presse-Agentur']);
    expect(cleanAuthors(['Sam Doyle - Reuters'], [])).toEqual(['Sam Doyle', 'Reuters']);
    expect(cleanAuthors(['NINA WEST Associated Press'], [])).toEqual(['NINA WEST', 'Associated Press']);
  });
  it('reads Arabic bylines and wire credits', () => {
    expect(cleanAuthors(['بقلم: سمير منصور (أ ف ب)'], [])).toEqual(['سمير منصور', 'أ ف ب']);
    expect(cleanAuthors(['(د ب أ)'], [])).toEqual(['د ب أ']);
    expect(cleanAuthors(['إعداد: هالة سعيد'], [])).toEqual(['هالة سعيد']);
    expect(cleanAuthors(['وكالات'], [])).toEqual(['وكالات']);
    expect(cleanAuthors(['رويترز'], [])).toEqual(['رويترز']);
    expect(cleanAuthors(['القاهرة - أ ش أ'], [])).toEqual(['أ ش أ']);
    expect(cleanAuthors(['الرياض (واس)'], [])).toEqual(['واس']);
    expect(cleanAuthors(['وكالة الأنباء القطرية'], [])).toEqual(['وكالة الأنباء القطرية']);
    expect(cleanAuthors(['بقلم / سارة أحمد', 'ترجمة: منى خليل'], [])).toEqual(['سارة أحمد']);
  });
  it('a translator is not an author', () => {
    expect(cleanAuthors(['Mia Lund', 'Translated by Jo Kim', 'Übersetzung Ole Berg'], [])).toEqual(['Mia Lund']);
  });
  it('drops photo credits, roles, social links and e-mail addresses', () => {
    expect(cleanAuthors(['Text: Pavel Horák; Foto: Jana Malá'], [])).toEqual(['Pavel Horák']);
    expect(cleanAuthors(['Foto: Jana Malá'], [])).toEqual([]);
    expect(cleanAuthors(['Rita Gomez, Producer'], [])).toEqual(['Rita Gomez']);
    expect(cleanAuthors(['이민수 기자 minsu@paper.example'], [])).toEqual(['이민수']);
    expect(cleanAuthors(['Twitter Facebook'], [])).toEqual([]);
    expect(cleanAuthors(['More Posts', 'Alle Beiträge', 'View all posts by Jane Doe'], [])).toEqual(['Jane Doe']);
    expect(cleanAuthors(['Фото из архива'], [])).toEqual([]);
    expect(cleanAuthors(['“市民公园”今天正式开放给所有的居民'], [])).toEqual([]);
  });
  it('leaves the place out of "Name in City" and keeps particles of the name', () => {
    expect(cleanAuthors(['By Jane Doe in Kyiv and Ole Berg aus Oslo'], [])).toEqual(['Jane Doe', 'Ole Berg']);
    expect(cleanAuthors(['Maria da Silva'], [])).toEqual(['Maria da Silva']);
  });
  it('the site written without its domain ending is still the site', () => {
    const html = '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Council votes on the new bridge","author":{"@type":"Person","name":"Harbour Post"}}</script></head><body><h1>Council votes on the new bridge</h1><div class="byline">By Clara Webb</div><p>Text.</p></body></html>';
    expect(extractMetadata(parseHtml(html), { url: 'https://www.harbourpost.example/news/1' }).authors).toEqual(['Clara Webb']);
  });
  it('treats the same name in another case as one author', () => {
    expect(cleanAuthors(['NORA BLUM', 'Nora Blum'], [])).toEqual(['NORA BLUM']);
  });
});

describe('choosing among sources', () => {
  it('builds a name from givenName and familyName and follows @id references', () => {
    const page = ld('{"@graph":[{"@type":"Person","@id":"#p1","name":"Ada Quinn"},{"@type":"NewsArticle","headline":"Council votes on the new bridge","author":[{"@id":"#p1"},{"@type":"Person","givenName":"Ben","familyName":"Okafor"}]}]}');
    expect(authorsOf(page)).toEqual(['Ada Quinn', 'Ben Okafor']);
  });
  it('the publisher as author yields to a person in the visible byline', () => {
    const page = ld('{"@type":"NewsArticle","headline":"Council votes on the new bridge","author":{"@type":"Organization","name":"Harbour Post"}}',
      '<h1>Council votes on the new bridge</h1><div class="byline">By Clara Webb</div><p>Text.</p>');
    expect(authorsOf(page)).toEqual(['Clara Webb']);
  });
  it('the publisher is the author when nothing else is credited (a staff byline)', () => {
    const page = ld('{"@type":"NewsArticle","headline":"Council votes on the new bridge","author":{"@type":"Organization","name":"Harbour Post"}}');
    expect(authorsOf(page)).toEqual(['Harbour Post']);
  });
  it('a translator in a meta tag does not join the JSON-LD author', () => {
    const page = ld('{"@type":"NewsArticle","headline":"Council votes on the new bridge","author":{"@type":"Person","name":"Ada Quinn"}}').replace('<head>', '<head><meta name="author" content="Tim Sorensen">');
    expect(authorsOf(page)).toEqual(['Ada Quinn']);
  });
  it('reads the byline under the headline, not teaser or comment bylines further down', () => {
    const page = `<html><body><article><h1>Council votes on the new bridge</h1><div class="author"><span class="sr-only">Brand</span> von <b>Ida Berg</b></div><p>Text.</p></article>
      <section>${'<div><p>x</p></div>'.repeat(20)}<div class="teaser"><span class="teaser-author">von Max Roth</span></div></section>
      <div class="comments"><span class="comment-author">Reader42</span></div></body></html>`;
    expect(authorsOf(page)).toEqual(['Ida Berg']);
  });
  it('reads a byline line under the headline that has no author class', () => {
    const html = '<html><head><meta name="author" content="Harbour Post"><meta property="og:site_name" content="Harbour Post"></head><body><h1>Council votes on the new bridge</h1><p>Von Dr. Lena Hart</p><p>Text of the story.</p></body></html>';
    expect(authorsOf(html)).toEqual(['Dr. Lena Hart']);
    expect(authorsOf('<html><body><h1>افتتاح الجسر الجديد</h1><div>كتب: سامي نور</div><p>نص الخبر.</p></body></html>')).toEqual(['سامي نور']);
    expect(authorsOf('<html><body><h1>Council votes</h1><p>Von der Leyen trifft Macron</p></body></html>')).toEqual([]);
  });
  it('a wire dateline opening the story credits the agency when nothing else does', () => {
    const long = ' the council voted on Tuesday to build the new bridge across the river, after years of debate.';
    expect(authorsOf(`<html><body><h1>Council votes on the new bridge</h1><p>HARBOURTOWN (dpa) –${long}</p></body></html>`)).toEqual(['dpa']);
    expect(authorsOf('<html><body><h1>افتتاح الجسر الجديد</h1><p>القاهرة - أ ش أ: افتتح المحافظ اليوم الجسر الجديد فوق النهر بعد سنوات من العمل والانتظار الطويل من السكان.</p></body></html>')).toEqual(['أ ش أ']);
    expect(authorsOf(`<html><body><h1>Council votes on the new bridge</h1><p>HARBOURTOWN (Monday) –${long}</p></body></html>`)).toEqual([]);
  });
  it('a link to an author page near the headline is a byline', () => {
    const html = '<html><body><h1>Council votes on the new bridge</h1><div><a href="/author/clara-webb">Clara Webb</a></div><p>Text.</p>' + '<p>x</p>'.repeat(40) + '<div class="teaser"><a href="/author/max-roth">Max Roth</a></div></body></html>';
    expect(authorsOf(html)).toEqual(['Clara Webb']);
  });
  it('initials are the last resort', () => {
    const page = ld('{"@type":"NewsArticle","headline":"Council votes on the new bridge","author":{"@type":"Organization","name":"Harbour Post"}}',
      '<h1>Council votes on the new bridge</h1><p>Text.</p><p class="author">kbr</p>');
    expect(authorsOf(page)).toEqual(['Harbour Post']);
    expect(authorsOf('<html><body><h1>Council votes on the new bridge</h1><p>Text.</p><p class="author">kbr</p></body></html>')).toEqual(['kbr']);
  });
});
