import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/search/normalize-arabic.js';
import { stemToken } from '../../src/search/stem.js';
import { tokenize } from '../../src/search/tokenize.js';

describe('normalizeText', () => {
  it.each([
    ['مُحَمَّدٌ', 'محمد'],
    ['العـــربية', 'العربيه'],
    ['أحمد إبراهيم آمال ٱلله', 'احمد ابراهيم امال الله'],
    ['مستشفى', 'مستشفي'],
    ['مدرسة', 'مدرسه'],
    ['مسؤول مسئول مسوول', 'مسوول مسوول مسوول'],
    ['طارئ طارىء', 'طارء طارء'],
    ['بيلاؤوسوف بيلاووسوف', 'بيلاووسوف بيلاووسوف'],
    ['شؤون شئون', 'شوون شوون'],
    ['سماء شيء', 'سماء شء'],
    ['٢٠٢٥ ۱۴۰۴', '2025 1404'],
    ['Élysée CAFÉ Straße', 'elysee cafe strasse'],
    ['ﻻ', 'لا'],
    ['کتاب ی', 'كتاب ي'],
    ['a\u200Bb\u200Fc', 'abc'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps the vowel signs of scripts where they are letters', () => {
    expect(normalizeText('हिन्दी')).toBe('हिन्दी'.normalize('NFC'));
  });
});

/*
 * Word families as they appear in news text: every member must get one stem (or share the
 * query form's stem through the alternative stem of a one-letter proclitic).
 */
const FAMILIES: string[][] = [
  ['فلسطين', 'الفلسطينيين', 'فلسطيني', 'فلسطينية', 'الفلسطينية', 'والفلسطينيون', 'بفلسطين', 'لفلسطين'],
  ['وزير', 'الوزير', 'والوزير', 'وزيرة', 'للوزير', 'بالوزير', 'وزيرها'],
  ['انتخابات', 'الانتخابات', 'والانتخابات', 'للانتخابات', 'بالانتخابات', 'انتخاب'],
  ['مدرسة', 'المدرسة', 'والمدرسة', 'بالمدرسة', 'مدرستهم', 'لمدرسته'],
  ['حكومة', 'الحكومة', 'والحكومة', 'حكومات', 'للحكومة', 'حكومتها'],
  ['رئيس', 'الرئيس', 'والرئيس', 'رئيسها', 'للرئيس'],
  ['بيروت', 'وبيروت', 'لبيروت', 'ببيروت'],
  ['مصر', 'ومصر', 'بمصر', 'لمصر', 'المصرية', 'المصريين', 'مصري'],
  ['معلم', 'المعلمون', 'المعلمين', 'معلمون', 'معلمة', 'والمعلمين'],
  ['اقتصاد', 'الاقتصاد', 'والاقتصاد', 'الاقتصادي', 'الاقتصادية', 'اقتصادها'],
  ['كتاب', 'الكتاب', 'كتابها', 'كتابهم', 'والكتاب', 'بكتاب'],
  ['غزة', 'وغزة', 'بغزة', 'لغزة'],
  ['نفط', 'النفط', 'والنفط', 'بالنفط', 'نفطية'],
  ['لبنان', 'ولبنان', 'بلبنان', 'اللبنانية', 'اللبناني', 'لبناني'],
  ['election', 'elections', 'Elections'],
  ['économie', 'economie', 'Économie'],
];

describe('Arabic light stemming', () => {
  it.each(FAMILIES.map((f) => [f[0]!, f]))('one stem for the family of %s', (_head, family) => {
    const query = stemToken(normalizeText(family[0]!)).stem;
    for (const word of family) {
      const { stem, alts } = stemToken(normalizeText(word));
      expect([stem, ...alts], word).toContain(query);
    }
  });

  it('does not strip a root letter from bare words', () => {
    expect(stemToken('وزير').stem).toBe('وزير');
    expect(stemToken('بيروت').stem).toBe('بيروت');
  });
});

describe('tokenize', () => {
  it('maps normalized tokens to the original spelling', () => {
    const text = 'قالَ الرئيـــس: «٢٠٢٥»';
    const words = tokenize(text).map((t) => text.slice(t.start, t.end));
    expect(words).toEqual(['قالَ', 'الرئيـــس', '٢٠٢٥']);
    expect(tokenize(text).map((t) => t.norm)).toEqual(['قال', 'الرءيس', '2025']);
  });

  it('splits Han characters into single tokens', () => {
    expect(tokenize('東京都').map((t) => t.norm)).toEqual(['東', '京', '都']);
  });
});
