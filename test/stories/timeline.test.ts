// A story's timeline: outlets in the order they reported, copies marked, labels per language.
import { describe, expect, it } from 'vitest';
import { assignStories, storyTimelines } from '../../src/stories/index.js';
import { inTimeOrder, otherNews, wire } from './articles.js';

describe('stories: timeline', () => {
  it('lists outlets in the order they reported, with copies marked and the first headline as label', () => {
    const articles = inTimeOrder([...wire, ...otherNews]);
    const timelines = storyTimelines(articles, assignStories(articles));
    const port = timelines.find((t) => t.story === 'w-1')!;
    expect(port.outlets.map((o) => o.site)).toEqual(['agency.example', 'news-one.example', 'news-two.example']);
    expect(port.outlets[1]!.first).toBe('2024-05-02T08:20:00Z');
    expect(port.articles).toBe(3);
    expect(port.originals).toBe(1); // w-2 (one sentence longer) and w-3 (verbatim) are copies of w-1
    expect(port.entries.find((e) => e.id === 'w-3')?.copyOf).toBe('w-1');
    expect(port.labels.en).toBe('Port workers in Rotterdam end three-day strike');
    expect(port.firstSeen).toBe('2024-05-02T08:00:00Z');
    expect(port.lastSeen).toBe('2024-05-02T09:05:00Z');
    expect(port.sources).toBe(3);
  });

  it('orders by publication time even when the stream delivered a later report first', () => {
    const [first, second, third] = wire;
    const assignments = [
      { id: third!.id, story: 's', confidence: 0 },
      { id: first!.id, story: 's', confidence: 1 },
      { id: second!.id, story: 's', confidence: 1 },
    ];
    const [timeline] = storyTimelines([third!, first!, second!], assignments);
    expect(timeline!.outlets.map((o) => o.site)).toEqual(['agency.example', 'news-one.example', 'news-two.example']);
  });
});
