// Repairing naive text dumps (the seed file's shape): each field once, the body whole and in page order.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinBroken, mergeCopies, repairDump, splitGlued } from '../../src/export/seed-repair.js';

const SEED = new URL('../fixtures/seed/000_b2ce593ff39a41d2.txt', import.meta.url);
const dump = (name: string): string => readFileSync(new URL(`./dumps/${name}`, import.meta.url), 'utf8');

describe.runIf(existsSync(SEED))('the seed file', () => {
  const raw = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const article = repairDump(raw);
  // The page's paragraphs are the line-by-line copy (after the date line), the broken one joined.
  const lines = raw.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith('16:32 GMT')) + 1;
  const pageLines = lines.slice(start).filter(Boolean);
  const expected = [...pageLines.slice(0, 6), `${pageLines[6]}${pageLines[7]}`, pageLines[8]];

  it('has the headline once, the site, the description and the image', () => {
    expect(article.title).toBe('بيلاؤوسوف يلتقي مع وزير الدفاع السوري في موسكو');
    expect(article.site).toEqual({ name: 'سبوتنيك عربي', domain: 'sarabic.ae' });
    expect(article.description).toBe('أعلنت وزارة الدفاع الروسية، اليوم الثلاثاء، أن وزير الدفاع الروسي، أندريه بيلاؤوسوف، التقى بوزير الدفاع السوري في الحكومة الانتقالية، مرهف أبو قصرة في موسكو.');
    expect(article.image?.url).toBe('https://cdn.img.sarabic.ae/img/07e9/08/0e/1103729645_0:0:862:486_1920x0_80_0_0_ad5b1ceb0c22b07c651da0af6bd7e059.jpg');
    expect(article.url).toMatch(/^https:\/\/sarabic\.ae\/20251028\//);
  });

  it('keeps published and modified apart, with their raw strings', () => {
    expect(article.published).toBe('2025-10-28T16:32:00Z');
    expect(article.modified).toBe('2025-10-28T16:46:00Z');
    expect(article.extraction.dates?.published?.raw).toBe('2025-10-28T16:32+0000');
    expect(article.extraction.dates?.modified?.confidence).toBeGreaterThan(0.9);
  });

  it('gives the 8 paragraphs in page order, each once and whole', () => {
    expect(article.blocks.map((b) => b.text)).toEqual(expected);
    expect(article.blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(article.text).toBe(expected.join('\n\n'));
  });

  it('keeps timestamps, URLs and the headline out of the body; the related link in links.related', () => {
    expect(article.text).not.toMatch(/GMT|https?:|\d{4}-\d{2}-\d{2}T/);
    expect(article.text).not.toContain(article.title!);
    expect(article.links.related).toEqual(['https://sarabic.ae/20251015/بث-مباشر-بوتين-يجري-محادثات-مع-الرئيس-السوري-في-موسكو-1106023314.html']);
    expect(article.language).toBe('ar');
    expect(article.direction).toBe('rtl');
  });
});

describe('dumps of the same shape from other pages', () => {
  it('English: updated line, a sentence broken before "though", the glued copy missing one paragraph', () => {
    const a = repairDump(dump('en-harbour.txt'));
    expect(a.title).toBe('Harbour bridge reopens after two years of repairs');
    expect(a.site.name).toBe('Coastal Courier');
    expect(a.description).toBe("The city's main harbour bridge reopened to traffic on Thursday morning after a two-year repair programme that ran months over schedule.");
    expect(a.published).toBe('2024-03-14T08:05:00+01:00');
    expect(a.modified).toBe('2024-03-14T11:20:00+01:00');
    expect(a.language).toBe('en');
    expect(a.direction).toBe('ltr');
    expect(a.image?.url).toBe('https://cdn.news.example.org/images/2024/03/bridge-reopening.jpg');
    expect(a.links.related).toEqual(['https://news.example.org/2024/02/02/ferry-timetable-changes-for-spring']);
    expect(a.blocks.map((b) => b.text)).toEqual([
      "The city's main harbour bridge reopened to traffic on Thursday morning after a two-year repair programme that ran months over schedule.",
      "Engineers replaced all of the deck's steel plates and the cables that hold the central span.",
      'The first buses crossed shortly after eight, followed by a long queue of cars.',
      'The mayor said the works had cost less than the last estimate, though more than the first.',
      'Traffic counts will be published next month.',
    ]);
  });

  it('French: no modified stamp, guillemets after a glued full stop, a line broken before a lower-case word', () => {
    const a = repairDump(dump('fr-musee.txt'));
    expect(a.title).toBe('Le musée rouvre ses salles après deux ans de travaux');
    expect(a.published).toBe('2023-06-02T09:30:00+02:00');
    expect(a.modified).toBeNull();
    expect(a.language).toBe('fr');
    expect(a.blocks.map((b) => b.text)).toEqual([
      'Après deux ans de fermeture, le musée municipal rouvre ce vendredi ses salles rénovées au public.',
      'Les visiteurs découvriront une nouvelle salle consacrée aux arts du textile.',
      "Les travaux ont porté sur la toiture, l'éclairage et l'accessibilité des étages supérieurs.",
      '« Nous avons voulu un lieu ouvert à tous », a déclaré la directrice.',
      "L'entrée sera gratuite le premier dimanche du mois.",
    ]);
  });

  it('Arabic (Levantine months, Arabic-Indic digits, Jerusalem time): dates from the date line alone', () => {
    const a = repairDump(dump('ar-levant.txt'));
    expect(a.title).toBe('افتتاح مكتبة عامة جديدة في وسط المدينة');
    expect(a.site.name).toBe('أخبار المثال');
    expect(a.published).toBe('2024-05-12T10:15:00+03:00');
    expect(a.modified).toBe('2024-05-12T13:40:00+03:00');
    expect(a.image?.url).toBe('https://www.example-news.ps/uploads/2024/05/library.png');
    expect(a.blocks.map((b) => b.text)).toEqual([
      'افتتحت البلدية، اليوم الأحد، مكتبة عامة جديدة في وسط المدينة تضم أكثر من عشرين ألف كتاب.',
      'وقال رئيس البلدية إن المكتبة ستفتح أبوابها يوميا من التاسعة صباحا حتى التاسعة مساء.',
      'وأوضح أن المبنى صمم ليكون متاحا لذوي الإعاقة، وأن قاعة المطالعة تتسع لمئتي قارئ.',
      'وأضاف أن قسما خاصا بالأطفال سيفتتح الشهر المقبل.',
    ]);
  });
});

describe('repair steps', () => {
  it('splits glued paragraphs but not abbreviations, decimals or domain names', () => {
    expect(splitGlued('First one.Second one!Third "quoted".Fourth')).toEqual(['First one.', 'Second one!', 'Third "quoted".', 'Fourth']);
    expect(splitGlued('The U.S. economy grew 2.5 percent, example.com said.')).toEqual(['The U.S. economy grew 2.5 percent, example.com said.']);
  });
  it('joins a broken sentence only on evidence', () => {
    expect(joinBroken(['It rained', ', then it stopped.'], '')).toEqual(['It rained, then it stopped.']);
    expect(joinBroken(['A heading', 'A paragraph.'], '')).toEqual(['A heading', 'A paragraph.']);
  });
  it('merges copies in page order with the longest as the spine', () => {
    expect(mergeCopies([['b', 'd'], ['a', 'b', 'c', 'd', 'e']])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(mergeCopies([['a', 'b', 'x', 'c'], ['a', 'b', 'c']])).toEqual(['a', 'b', 'x', 'c']);
  });
  it('reads a clean dump (date URL, title, paragraphs) without taking paragraphs for a header', () => {
    const a = repairDump('date 2024-01-01 https://e.example/a\nA title here\n\nThe first paragraph is long enough to look like a description line.\n\nShort one.\n\nThe third paragraph is here.\n');
    expect(a.title).toBe('A title here');
    expect(a.description).toBeNull();
    expect(a.blocks.map((b) => b.text)).toEqual(['The first paragraph is long enough to look like a description line.', 'Short one.', 'The third paragraph is here.']);
  });
  it('does not crash on empty or header-only input', () => {
    expect(repairDump('').blocks).toEqual([]);
    expect(repairDump('date 2024-01-01 https://example.org/a').published).toBe('2024-01-01');
  });
});
