import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../src/discover/canonical-url.js';

/** The rule, spelled out: escapes of unreserved characters are decoded, the others upper-cased. */
function expected(hex: string): string {
  const ch = String.fromCharCode(parseInt(hex, 16));
  return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
}

describe('canonicalizeUrl percent-escapes', () => {
  it('normalizes every escape, in every hex case, the same way', () => {
    for (let v = 0; v < 256; v++) {
      const lower = v.toString(16).padStart(2, '0');
      for (const hex of new Set([lower, lower.toUpperCase(), `${lower[0]!.toUpperCase()}${lower[1]}`, `${lower[0]}${lower[1]!.toUpperCase()}`])) {
        // %2F and %25 stay escaped; the URL parser itself never rewrites an escape.
        expect(canonicalizeUrl(`https://a.example/x%${hex}y/%D8%A7`), hex).toBe(`https://a.example/x${expected(hex)}y/%D8%A7`);
      }
    }
  });

  it('leaves an already normal Arabic slug as it is', () => {
    const url = 'https://a.example/2024/01/01/%D8%A7%D9%84%D9%85%D8%AF%D9%8A%D8%B1-31444.html';
    expect(canonicalizeUrl(url)).toBe(url);
  });
});
