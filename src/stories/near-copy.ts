/**
 * Near-copies (wire copy, a syndicated text with a changed sentence): two SimHashes (see
 * fingerprint.ts) a few bits apart, compared as two 32-bit halves (no BigInt on the hot path).
 */

/*
 * Bits that may differ for two texts to count as copies of each other (of 64). The store links
 * near-duplicates across the whole corpus at 3 bits; here only the articles of stories the new
 * article already resembles are compared, so a looser cut finds the copy with an added sentence
 * (unrelated texts differ in about 32 bits).
 */
export const COPY_MAX_BITS = 6;

export interface Fingerprint {
  hi: number;
  lo: number;
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

export function bitsApart(a: Fingerprint, b: Fingerprint): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0);
}
