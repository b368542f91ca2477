// favor: precision drops borderline blocks, recall keeps them; balanced sits between.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/index.js';

const PROSE = [
  'The volunteers of the repair café fixed forty toasters, lamps and bicycles on Saturday, and they plan to open every month from now on.',
  'Anyone who wants to help can write to the organisers, who say they especially need people who know their way around sewing machines.',
  'The next meeting takes place in the parish hall, and entry is free, although a small donation for spare parts is always welcome there.',
];

const WIDGET = [
  'The repair café is run by volunteers from the neighbourhood association, which has organised swap meets and clean-up days in the district since 2015, with help from the library and the school.',
  'Its members meet every Tuesday evening, and new members are welcome to join without any fee, whatever their skills or their age may be.',
];

const html = `<!doctype html><html lang="en"><head><title>Repair café opens</title></head><body>
  <nav><a href="/">Home</a> <a href="/events">Events</a></nav>
  <article><h1>Repair café opens</h1>
    <p>${PROSE[0]}</p>
    <p><a href="https://repair.example.org">https://repair.example.org</a></p>
    <p>${PROSE[1]}</p>
    <p><a href="/calendar">The event in the town calendar</a></p>
    <p>${PROSE[2]}</p>
    <div class="info-widget"><p>${WIDGET[0]}</p><p>${WIDGET[1]}</p></div>
    <div class="widget"><p>Opening hours: Saturdays, ten to two.</p></div>
  </article>
  <footer><p>Town news, all rights reserved, no reproduction without the written permission of the editors.</p></footer></body></html>`;

const blocksOf = (favor: 'precision' | 'balanced' | 'recall'): string[] => extractArticle(html, { favor }).blocks.map((b) => b.text);

describe('favor', () => {
  it('keeps more borderline blocks from precision to balanced to recall, never fewer', () => {
    const precision = blocksOf('precision');
    const balanced = blocksOf('balanced');
    const recall = blocksOf('recall');
    for (const b of precision) expect(balanced).toContain(b);
    for (const b of balanced) expect(recall).toContain(b);
    for (const p of PROSE) expect(precision).toContain(p);
    // A written-out address between paragraphs is kept by default; a lone link to another page only on recall.
    expect(precision).not.toContain('https://repair.example.org');
    expect(balanced).toContain('https://repair.example.org');
    expect(balanced).not.toContain('The event in the town calendar');
    expect(recall).toContain('The event in the town calendar');
    // A box named only with a weak word (widget) is kept when it holds prose, dropped on precision.
    expect(precision).not.toContain(WIDGET[0]);
    expect(balanced).toContain(WIDGET[0]);
    expect(balanced).not.toContain('Opening hours: Saturdays, ten to two.');
    expect(recall).toContain('Opening hours: Saturdays, ten to two.');
  });

  it('is balanced when not given', () => {
    expect(extractArticle(html).blocks.map((b) => b.text)).toEqual(blocksOf('balanced'));
  });
});
