/**
 * The statistics of the reports (docs/reports.md, Times): over whole days, so exact.
 * - median: the middle value, or the mean of the middle two for an even count;
 * - p90: nearest rank, the value at position ceil(0.9 n) (1-based) of the sorted values;
 * - mean: rounded to one decimal.
 * Each is null over no values.
 */
export interface Summary {
  n: number;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** The values sorted ascending, as a new typed array (numeric order, not string order). */
export function sortedValues(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Median of values sorted ascending. */
export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  const hi = sorted[mid] ?? 0;
  return n % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

/** Nearest-rank percentile (0 < p <= 100) of values sorted ascending: the value at rank ceil(p/100 n). */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  // ceil(0.9 * n) in integers (0.9 * 10 = 9.000000000000002 would round up to 10 in floating point).
  const rank = Math.max(1, Math.ceil((p * n) / 100 - 1e-9));
  return sorted[Math.min(rank, n) - 1] ?? null;
}

export function p90(sorted: ArrayLike<number>): number | null {
  return percentile(sorted, 90);
}

/** The mean rounded to one decimal (half away from zero), or null with no values. */
export function mean(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] ?? 0;
  return roundTo1(sum / n);
}

export function roundTo1(x: number): number {
  const r = Math.round(Math.abs(x) * 10 + 1e-9) / 10;
  return x < 0 ? -r : r;
}

export function min(sorted: ArrayLike<number>): number | null {
  return sorted.length === 0 ? null : (sorted[0] ?? null);
}

export function max(sorted: ArrayLike<number>): number | null {
  return sorted.length === 0 ? null : (sorted[sorted.length - 1] ?? null);
}

/** Every statistic at once (one sort). */
export function summarize(values: ArrayLike<number>): Summary {
  const s = sortedValues(values);
  return { n: s.length, median: median(s), p90: p90(s), min: min(s), max: max(s), mean: mean(s) };
}

/**
 * Values collected one by one into a growing typed array (no boxed numbers), summarized with one
 * in-place sort. A report kept between calls (shared/reports/kept-report.ts) also takes values
 * back out (`remove`) and puts new ones in at their place (`insert`), so that once sorted they
 * stay sorted and summarizing again sorts nothing.
 */
export class Values {
  private data: Float64Array;
  private size = 0;
  /** Whether data[0..size) is in ascending order. */
  private sorted = true;

  constructor(capacity = 16) {
    this.data = new Float64Array(Math.max(1, capacity));
  }

  get length(): number {
    return this.size;
  }

  private grow(): void {
    if (this.size < this.data.length) return;
    const grown = new Float64Array(this.data.length * 2);
    grown.set(this.data);
    this.data = grown;
  }

  push(v: number): void {
    this.grow();
    if (this.size > 0 && v < (this.data[this.size - 1] ?? v)) this.sorted = false;
    this.data[this.size++] = v;
  }

  /** Adds a value at its place when the values are sorted (else at the end). */
  insert(v: number): void {
    if (!this.sorted) return this.push(v);
    this.grow();
    const at = this.lowerBound(v);
    this.data.copyWithin(at + 1, at, this.size);
    this.data[at] = v;
    this.size++;
  }

  /** Takes one value equal to `v` out; false when there is none. */
  remove(v: number): boolean {
    let at = -1;
    if (this.sorted) {
      const i = this.lowerBound(v);
      if (i < this.size && this.data[i] === v) at = i;
    } else at = this.data.subarray(0, this.size).indexOf(v);
    if (at < 0) return false;
    this.data.copyWithin(at, at + 1, this.size);
    this.size--;
    return true;
  }

  /** The first index whose value is not below `v` (the values sorted). */
  private lowerBound(v: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.data[mid] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Every statistic (sorts the values in place, when they are not in order already). */
  summarize(): Summary {
    const s = this.data.subarray(0, this.size);
    if (!this.sorted) {
      s.sort();
      this.sorted = true;
    }
    return { n: s.length, median: median(s), p90: p90(s), min: min(s), max: max(s), mean: mean(s) };
  }
}
