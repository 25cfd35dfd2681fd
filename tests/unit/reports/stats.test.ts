import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { max, mean, median, min, p90, percentile, roundTo1, sortedValues, summarize } from '../../../shared/reports/stats';

describe('report statistics', () => {
  it('gives nothing over no values', () => {
    expect(summarize([])).toEqual({ n: 0, median: null, p90: null, min: null, max: null, mean: null });
  });

  it('median: the middle value, or the mean of the middle two for an even count', () => {
    expect(median(sortedValues([7]))).toBe(7);
    expect(median(sortedValues([3, 1, 2]))).toBe(2);
    expect(median(sortedValues([4, 1, 3, 2]))).toBe(2.5);
    expect(median(sortedValues([10, 20]))).toBe(15);
    expect(median(sortedValues([5, 5, 6, 9]))).toBe(5.5);
  });

  it('sorts numbers as numbers, not as text', () => {
    expect([...sortedValues([10, 9, 100, -1])]).toEqual([-1, 9, 10, 100]);
  });

  it('p90: nearest rank, the value at ceil(0.9 n) of the sorted values', () => {
    const tenth = sortedValues([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(p90(tenth)).toBe(9); // ceil(9) = 9th
    expect(p90(sortedValues([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))).toBe(10); // ceil(9.9) = 10th
    expect(p90(sortedValues([42]))).toBe(42); // ceil(0.9) = 1st
    expect(p90(sortedValues([1, 2]))).toBe(2); // ceil(1.8) = 2nd
    expect(p90(sortedValues(Array.from({ length: 20 }, (_, i) => i + 1)))).toBe(18); // ceil(18) = 18th
    expect(percentile(tenth, 50)).toBe(5);
    expect(percentile(tenth, 100)).toBe(10);
  });

  it('mean rounded to one decimal; min and max', () => {
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([1, 1, 2])).toBe(1.3);
    expect(mean([2, 2, 3])).toBe(2.3);
    expect(mean([0.25])).toBe(0.3);
    expect(mean([-1, -2])).toBe(-1.5);
    expect(roundTo1(-0.25)).toBe(-0.3);
    expect(min(sortedValues([3, -2, 8]))).toBe(-2);
    expect(max(sortedValues([3, -2, 8]))).toBe(8);
    expect(summarize([30, 10, 20, 40])).toEqual({ n: 4, median: 25, p90: 40, min: 10, max: 40, mean: 25 });
  });

  it('min <= median <= p90 <= max, and the mean lies between min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 500 }), { minLength: 1, maxLength: 200 }), (days) => {
        const s = summarize(days);
        const sorted = [...days].sort((a, b) => a - b);
        expect(s.min).toBe(sorted[0]);
        expect(s.max).toBe(sorted.at(-1));
        expect(s.median!).toBeGreaterThanOrEqual(s.min!);
        expect(s.median!).toBeLessThanOrEqual(s.p90!);
        expect(s.p90!).toBeLessThanOrEqual(s.max!);
        expect(s.mean!).toBeGreaterThanOrEqual(s.min!);
        expect(s.mean!).toBeLessThanOrEqual(s.max!);
        // Nearest rank: at least 90% of the values are at most p90, and fewer below it.
        expect(sorted.filter((d) => d <= s.p90!).length).toBeGreaterThanOrEqual(0.9 * days.length);
        expect(sorted.filter((d) => d < s.p90!).length).toBeLessThan(0.9 * days.length);
      }),
    );
  });
});
