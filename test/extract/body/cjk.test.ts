// Japanese and Chinese paragraphs are short and use 、 and 。: they vote like Latin paragraphs of the same content.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/index.js';

const JA = [
  '市は十日、夜間バスの路線を北部地区まで延長すると発表した。',
  '新しい路線は三月に始まり、半年後に利用状況を見直す。',
  '夜勤の多い病院や港の職員から、長く要望が出ていた。',
  '市長は「安心して帰宅できる街にしたい」と話した。',
];

describe('CJK paragraphs', () => {
  it('choose the article over a longer box of Latin link-free text', () => {
    const side = '<div class="box"><p>Our partners: Alpha Trading Company, Beta Logistics, Gamma Foods and Delta Travel, with thanks.</p></div>';
    const html = `<!doctype html><html lang="ja"><head><title>夜間バス、北部へ延長</title></head><body>
      <div class="l"><div class="a"><h1>夜間バス、北部へ延長</h1><div class="t">${JA.map((p) => `<p>${p}</p>`).join('')}</div></div>
      <div class="s">${side}</div></div></body></html>`;
    const a = extractArticle(html);
    for (const p of JA) expect(a.text).toContain(p);
    expect(a.text).not.toContain('Our partners');
  });
});
