import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, sameSite } from '../../src/index.js';

describe('canonicalizeUrl', () => {
  const table: [string, string | null][] = [
    ['HTTP://Example.COM:80/News/Story', 'http://example.com/News/Story'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com/a#comments', 'https://example.com/a'],
    ['https://example.com/a?utm_source=x&utm_medium=y&id=5', 'https://example.com/a?id=5'],
    ['https://example.com/a?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1&c=3', 'https://example.com/a?a=1&b=2&c=3'],
    ['https://example.com/a?tag=x&tag=a', 'https://example.com/a?tag=x&tag=a'],
    ['https://example.com/section/', 'https://example.com/section'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/section/index.html', 'https://example.com/section'],
    ['https://example.com/index.php', 'https://example.com/'],
    ['https://example.com/a//b', 'https://example.com/a/b'],
    ['https://example.com/a/./b/../c', 'https://example.com/a/c'],
    ['https://example.com/%7euser/%41bc', 'https://example.com/~user/Abc'],
    ['https://example.com/a%2fb', 'https://example.com/a%2Fb'],
    ['https://example.com/a;jsessionid=ABC123', 'https://example.com/a'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://user:pw@example.com/a', 'https://example.com/a'],
    ['https://example.com./a', 'https://example.com/a'],
    ['mailto:someone@example.com', null],
    ['javascript:void(0)', null],
    ['not a url', null],
  ];
  it.each(table)('%s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('keeps Arabic slugs correct: raw, lower- and upper-case escapes give one URL, never double-encoded', () => {
    const raw = 'https://example.com/news/2025/10/28/وزير-الخارجية';
    const upper = 'https://example.com/news/2025/10/28/%D9%88%D8%B2%D9%8A%D8%B1-%D8%A7%D9%84%D8%AE%D8%A7%D8%B1%D8%AC%D9%8A%D8%A9';
    const lower = upper.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    expect(canonicalizeUrl(raw)).toBe(upper);
    expect(canonicalizeUrl(lower)).toBe(upper);
    expect(canonicalizeUrl(upper)).toBe(upper);
    expect(decodeURI(canonicalizeUrl(raw)!)).toBe(raw);
  });

  it('resolves against a base and is idempotent', () => {
    const once = canonicalizeUrl('../b/?utm_campaign=z&x=1#f', 'https://Example.com/a/c/d');
    expect(once).toBe('https://example.com/a/b?x=1');
    expect(canonicalizeUrl(once!)).toBe(once);
  });
});

describe('sameSite', () => {
  it('treats www. and m. twins as one site and other hosts as different', () => {
    expect(sameSite('https://www.example.com/a', 'https://example.com/b')).toBe(true);
    expect(sameSite('https://m.example.com/a', 'https://www.example.com/')).toBe(true);
    expect(sameSite('example.com', 'https://EXAMPLE.com/x')).toBe(true);
    expect(sameSite('https://news.example.com/', 'https://example.com/')).toBe(false);
    expect(sameSite('http://127.0.0.2:8080/', 'http://127.0.0.2:9090/')).toBe(false);
    expect(sameSite('https://example.org/', 'https://example.com/')).toBe(false);
  });
});
