// The benchmark metric itself: hand-computed cases.
import { describe, expect, it } from 'vitest';
import { scorePages, shingles, tokenize } from '../../bench/metric.mjs';

describe('benchmark metric', () => {
  it('tokenizes runs of word characters in any script', () => {
    expect(tokenize('Hello, world! مرحبا بالعالم 2025')).toEqual(['Hello', 'world', 'مرحبا', 'بالعالم', '2025']);
  });
  it('makes one shingle of a short text and none of an empty one', () => {
    expect([...shingles('a b').keys()]).toHaveLength(1);
    expect(shingles('').size).toBe(0);
  });
  it('scores identical texts 1 and disjoint texts 0', () => {
    const same = scorePages([{ expected: 'one two three four five', predicted: 'one two three four five' }]);
    expect(same.f1).toBe(1);
    expect(same.accuracy).toBe(1);
    const none = scorePages([{ expected: 'one two three four five', predicted: 'six seven eight nine ten' }]);
    expect(none.f1).toBe(0);
  });
  it('drops an empty prediction from the precision mean but counts it in recall', () => {
    const s = scorePages([
      { expected: 'a b c d e', predicted: 'a b c d e' },
      { expected: 'a b c d e', predicted: '' },
    ]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
  });
  it('computes precision from normalised counts', () => {
    // truth shingles: {abcd, bcde}; prediction: {abcd, bcdx}: tp=1, fp=1, fn=1.
    const s = scorePages([{ expected: 'a b c d e', predicted: 'a b c d x' }]);
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(0.5);
  });
});
