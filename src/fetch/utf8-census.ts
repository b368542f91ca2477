/**
 * Counts, in one pass over the bytes, how they read as UTF-8: well-formed multi-byte
 * sequences and bytes that cannot start or continue one. Legacy 8-bit text almost never
 * forms well-formed UTF-8 sequences, so the two counts tell a UTF-8 page (a few stray bytes
 * at most) from a windows-1252 or windows-1256 one whatever the page declares.
 */
export interface Utf8Census {
  /** Well-formed sequences of 2–4 bytes. */
  multiByte: number;
  /** Bytes that are not part of a well-formed sequence. */
  invalid: number;
  /** Bytes ≥ 0x80 that follow another such byte: legacy scripts written wholly in high bytes (Arabic, Cyrillic) make long runs, accented Latin does not. */
  highRuns: number;
  high: number;
}

export function utf8Census(bytes: Uint8Array): Utf8Census {
  let multiByte = 0;
  let invalid = 0;
  let high = 0;
  let highRuns = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    high++;
    if (i > 0 && bytes[i - 1]! >= 0x80) highRuns++;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || !wellFormed(bytes, i, length)) {
      invalid++;
      i++;
      continue;
    }
    multiByte++;
    high += length - 1;
    highRuns += length - 1;
    i += length;
  }
  return { multiByte, invalid, high, highRuns };
}

/** Continuation bytes in place, and no overlong, surrogate or out-of-range code point. */
function wellFormed(bytes: Uint8Array, at: number, length: number): boolean {
  if (at + length > bytes.length) return false;
  for (let k = 1; k < length; k++) if ((bytes[at + k]! & 0xc0) !== 0x80) return false;
  const b0 = bytes[at]!;
  const b1 = bytes[at + 1]!;
  if (length === 3) {
    if (b0 === 0xe0 && b1 < 0xa0) return false;
    if (b0 === 0xed && b1 >= 0xa0) return false;
  }
  if (length === 4) {
    if (b0 === 0xf0 && b1 < 0x90) return false;
    if (b0 === 0xf4 && b1 >= 0x90) return false;
  }
  return true;
}

/** Valid UTF-8 with some non-ASCII text, or UTF-8 with a few stray bytes (well-formed sequences outnumber bad bytes four to one). */
export function readsAsUtf8(census: Utf8Census): boolean {
  return census.multiByte > 0 && census.multiByte >= 4 * census.invalid;
}
