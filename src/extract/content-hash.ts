/**
 * Content fingerprints. `contentHash` is a 64-bit SimHash of the body's word 3-grams (hex):
 * near-duplicate bodies (syndicated wire copy with a changed sentence) differ in few bits,
 * so the store can link them by Hamming distance. `articleId` is a stable id from a URL.
 */
import { createHash } from 'node:crypto';

const WORD = /[\p{L}\p{N}]+/gu;

/** 32-bit FNV-1a over a string's UTF-16 code units, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche so that similar shingles spread over all bits.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * 64-bit SimHash of the word 3-grams, as 16 hex digits; null for a text without words.
 * Two independent 32-bit hashes make the 64 bits: cheap, and stable across platforms.
 */
export function simhash(text: string): string | null {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return null;
  const weights = new Int32Array(64);
  const n = Math.min(3, words.length);
  for (let i = 0; i + n <= words.length; i++) {
    const shingle = n === 3 ? `${words[i]} ${words[i + 1]} ${words[i + 2]}` : words.slice(i, i + n).join(' ');
    const hi = fnv1a(shingle, 0x811c9dc5);
    const lo = fnv1a(shingle, 0x050c5d1f);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit + 32]! += (hi >>> bit) & 1 ? 1 : -1;
      weights[bit]! += (lo >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit + 32]! > 0) hi |= 1 << bit;
    if (weights[bit]! > 0) lo |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Bits that differ between two simhashes (0–64). */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x > 0n) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
}

/** A stable 16-hex-digit id from a (canonical) URL. */
export function articleId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}
