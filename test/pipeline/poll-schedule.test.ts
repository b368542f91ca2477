/** watch's adaptive poll schedule and its choice of sitemap-index children. */
import { describe, expect, it } from 'vitest';
import { nextPollInterval, publishingGap } from '../../src/pipeline/watch/poll-schedule.js';
import { indexChildrenToRead } from '../../src/pipeline/watch/poll-targets.js';

const MIN = 60_000;
const HOUR = 3_600_000;
const limits = { minPollMs: 2 * MIN, maxPollMs: 24 * HOUR };

describe('publishingGap', () => {
  it('is the median gap between the newest distinct dates', () => {
    const t = Date.parse('2026-01-01T12:00:00Z');
    expect(publishingGap([t, t - 3 * MIN, t - 6 * MIN, t - 20 * MIN, t - 3 * MIN])).toBe(3 * MIN);
    expect(publishingGap([t, t - HOUR, t - 3 * HOUR, t - 6 * HOUR])).toBe(2 * HOUR);
  });

  it('is unknown with fewer than two dates', () => {
    expect(publishingGap([])).toBeNull();
    expect(publishingGap([Date.now(), Date.now(), NaN])).toBeNull();
  });
});

describe('nextPollInterval', () => {
  it('starts at the publishing gap: a busy wire often, a weekly blog at the daily bound', () => {
    expect(nextPollInterval({ previousMs: null, found: true, gapMs: 10 * MIN, limits })).toBe(5 * MIN);
    expect(nextPollInterval({ previousMs: null, found: false, gapMs: 7 * 24 * HOUR, limits })).toBe(24 * HOUR);
  });

  it('halves after new articles and doubles after an empty poll, within the bounds', () => {
    expect(nextPollInterval({ previousMs: HOUR, found: true, gapMs: null, limits })).toBe(HOUR / 2);
    expect(nextPollInterval({ previousMs: HOUR, found: false, gapMs: null, limits })).toBe(2 * HOUR);
    expect(nextPollInterval({ previousMs: 3 * MIN, found: true, gapMs: null, limits })).toBe(2 * MIN);
    expect(nextPollInterval({ previousMs: 20 * HOUR, found: false, gapMs: null, limits })).toBe(24 * HOUR);
  });

  it('never lets a quiet spell push a busy source past twice its gap', () => {
    expect(nextPollInterval({ previousMs: 10 * MIN, found: false, gapMs: 4 * MIN, limits })).toBe(8 * MIN);
  });
});

describe('indexChildrenToRead', () => {
  const index = (lastmods: Record<string, string>, undated: string[] = []) => ({ urls: [], sitemaps: [...Object.keys(lastmods), ...undated], sitemapLastmods: lastmods });

  it('reads the newest child, those changed since the last poll, and an undated news sitemap', () => {
    const parsed = index({ 'https://a.test/2025-09.xml': '2025-09-30', 'https://a.test/2025-10.xml': '2025-10-28', 'https://a.test/2025-11.xml': '2025-11-02' }, ['https://a.test/news.xml']);
    expect(indexChildrenToRead(parsed, null)).toEqual(['https://a.test/2025-11.xml', 'https://a.test/news.xml']);
    expect(indexChildrenToRead(parsed, Date.parse('2025-10-01'))).toEqual(['https://a.test/2025-10.xml', 'https://a.test/2025-11.xml', 'https://a.test/news.xml']);
  });

  it('reads only the last listed child of a long undated index', () => {
    const urls = Array.from({ length: 40 }, (_, i) => `https://a.test/posts-${i + 1}.xml`);
    expect(indexChildrenToRead({ urls: [], sitemaps: urls }, null)).toEqual(['https://a.test/posts-40.xml']);
  });
});
