/**
 * The SimHash of content-hash.ts (64 bits over word 3-grams), computed from the word hashes the
 * story features already produced (words.ts): the words are normalized, so an Arabic wire copy retyped with
 * ه for ة or a bare alef is still a copy, and no second pass over the text is made (the string
 * version costs more than all the rest of an article's features).
 */
import type { Fingerprint } from './near-copy.js';

/** Words fingerprinted: the opening of a copy is where wire copies agree. */
export const FINGERPRINT_WORDS = 200;

/** Mixes three word hashes into one shingle hash with a different seed per half. */
function mix(a: number, b: number, c: number, seed: number): number {
  let h = seed ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= b;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  h ^= c;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** The fingerprint of a text from the 32-bit hashes of its normalized words, in order (see words.ts). */
export function fingerprintHashes(hashes: readonly number[]): Fingerprint | null {
  const n = Math.min(hashes.length, FINGERPRINT_WORDS);
  if (n === 0) return null;
  const weights = new Int32Array(64);
  const shingles = Math.max(1, n - 2);
  for (let i = 0; i < shingles; i++) {
    const a = hashes[i]!;
    const b = hashes[i + 1] ?? 0;
    const c = hashes[i + 2] ?? 0;
    const hi = mix(a, b, c, 0x9e3779b9);
    const lo = mix(a, b, c, 0x7f4a7c15);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit + 32]! += ((hi >>> bit) & 1) * 2 - 1;
      weights[bit]! += ((lo >>> bit) & 1) * 2 - 1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit + 32]! > 0) hi |= 1 << bit;
    if (weights[bit]! > 0) lo |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}
