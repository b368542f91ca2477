import { describe, expect, it } from 'vitest';
import { SeenUrls } from '../../src/pipeline/crawl/discovery.js';

describe('SeenUrls', () => {
  it('remembers every URL added, and only those', () => {
    const seen = new SeenUrls(50_000);
    const urls = Array.from({ length: 40_000 }, (_, i) => `https://news.example/2025/10/${i % 31}/%D8%AE%D8%A8%D8%B1-${i}.html`);
    for (const url of urls) seen.add(url);
    for (const url of urls) expect(seen.has(url)).toBe(true);
    let falsePositives = 0;
    for (let i = 40_000; i < 80_000; i++) if (seen.has(`https://news.example/2025/10/${i % 31}/%D8%AE%D8%A8%D8%B1-${i}.html`)) falsePositives++;
    expect(falsePositives).toBe(0);
    expect(seen.has('')).toBe(false);
    seen.add('');
    expect(seen.has('')).toBe(true);
  });

  it('forgets everything past its limit, then remembers again', () => {
    const seen = new SeenUrls(100);
    for (let i = 0; i < 100; i++) seen.add(`https://a.example/${i}`);
    expect(seen.has('https://a.example/0')).toBe(true);
    seen.add('https://a.example/new');
    expect(seen.has('https://a.example/0')).toBe(false);
    expect(seen.has('https://a.example/new')).toBe(true);
    seen.add('https://a.example/new');
    expect(seen.has('https://a.example/new')).toBe(true);
  });
});
