/**
 * Optional phase timing for the benchmark (tests/bench/pdf.bench.ts): the engine marks the end
 * of each phase; while timing is on, the time since the previous mark is charged to that
 * phase. Off (the default) a mark is one null check.
 */
let totals: Record<string, number> | null = null;
let last = 0;

export function startPhaseTiming(): void {
  totals = {};
  last = performance.now();
}

/** Stops timing and returns the milliseconds per phase since startPhaseTiming. */
export function stopPhaseTiming(): Record<string, number> {
  const out = totals ?? {};
  totals = null;
  return out;
}

/** Charges the time since the previous mark to `name`. */
export function phase(name: string): void {
  if (totals === null) return;
  const now = performance.now();
  totals[name] = (totals[name] ?? 0) + (now - last);
  last = now;
}
