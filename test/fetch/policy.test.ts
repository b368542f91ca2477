// Pure parts of the fetch policy: Retry-After parsing, backoff bounds, robots.txt status rules,
// and the scheduler's global cap (a waiting host never holds a global slot).
import { describe, expect, it } from 'vitest';
import { backoffMs, parseRetryAfter, parseRobots } from '../../src/index.js';
import { HostScheduler } from '../../src/fetch/host-scheduler.js';

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, ignores junk', () => {
    const now = Date.parse('2025-10-28T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 28 Oct 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 28 Oct 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles per attempt with jitter in [step/2, step]', () => {
    expect(backoffMs(0, 1000, () => 0)).toBe(500);
    expect(backoffMs(0, 1000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, () => 0)).toBe(4000);
    expect(backoffMs(3, 1000, () => 1)).toBe(8000);
  });
});

describe('parseRobots', () => {
  const origin = 'https://example.com';
  it('applies the group for our product token, Crawl-delay and Sitemap lines', () => {
    const text = 'User-agent: *\nDisallow: /private/\n\nUser-agent: marsad\nDisallow: /no-marsad/\nCrawl-delay: 2.5\n\nSitemap: /sitemap.xml\n';
    const robots = parseRobots(origin, { status: 200, text, url: `${origin}/robots.txt` }, 'marsad');
    expect(robots.isAllowed(`${origin}/no-marsad/x`)).toBe(false);
    expect(robots.isAllowed(`${origin}/private/x`)).toBe(true); // our group replaces "*"
    expect(robots.crawlDelayMs).toBe(2500);
    expect(robots.sitemaps).toEqual([`${origin}/sitemap.xml`]);
  });
  it('follows RFC 9309: 4xx allows everything, 5xx and unreachable disallow everything', () => {
    expect(parseRobots(origin, { status: 404, text: '', url: '' }, 'marsad').isAllowed(`${origin}/a`)).toBe(true);
    expect(parseRobots(origin, { status: 503, text: '', url: '' }, 'marsad').isAllowed(`${origin}/a`)).toBe(false);
    expect(parseRobots(origin, { status: 429, text: '', url: '' }, 'marsad').isAllowed(`${origin}/a`)).toBe(false);
    expect(parseRobots(origin, { status: 0, text: '', url: '' }, 'marsad').isAllowed(`${origin}/a`)).toBe(false);
  });
});

describe('HostScheduler', () => {
  it('gives a free global slot to a ready host while another host waits out its delay', async () => {
    const s = new HostScheduler(1, 1);
    const a1 = await s.acquire('a', 10_000, 'a1');
    a1.release();
    // Host a must now wait 10 s; host b is ready and must not queue behind it.
    const order: string[] = [];
    const a2 = s.acquire('a', 10_000, 'a2').then((slot) => {
      order.push('a2');
      return slot;
    });
    const b1 = await s.acquire('b', 0, 'b1');
    order.push('b1');
    expect(order).toEqual(['b1']);
    b1.release();
    s.close();
    await expect(a2).rejects.toThrow(/closed/);
  });

  it('never runs more than `concurrency` at once over all hosts', async () => {
    const s = new HostScheduler(2, 1);
    const slots = await Promise.all([s.acquire('a', 0, 'a'), s.acquire('b', 0, 'b')]);
    let third = false;
    const c = s.acquire('c', 0, 'c').then((slot) => {
      third = true;
      return slot;
    });
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(false);
    slots[0]!.release();
    (await c).release();
    expect(third).toBe(true);
    slots[1]!.release();
    s.close();
  });
});
