/**
 * Content fingerprints. `contentHash` is a 64-bit SimHash of the body's word 3-grams (hex):
 * near-duplicate bodies (syndicated wire copy with a changed sentence) differ in few bits,
 * so the store can link them by Hamming distance. `articleId` is a stable id from a URL.
 */
import { createHash } from 'node:crypto';

const WORD = /[\p{L}\p{N}]+/gu;

function hash64(text: string): bigint {
  const digest = createHash('md5').update(text).digest();
  return digest.readBigUInt64BE(0);
}

export function simhash(text: string): string | null {
  const words = (text.toLowerCase().match(WORD) ?? []);
  if (words.length === 0) return null;
  const weights = new Int32Array(64);
  const n = Math.min(3, words.length);
  for (let i = 0; i + n <= words.length; i++) {
    const h = hash64(words.slice(i, i + n).join(' '));
    for (let bit = 0; bit < 64; bit++) weights[bit]! += (h >> BigInt(bit)) & 1n ? 1 : -1;
  }
  let out = 0n;
  for (let bit = 0; bit < 64; bit++) if (weights[bit]! > 0) out |= 1n << BigInt(bit);
  return out.toString(16).padStart(16, '0');
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
