import { z } from 'zod';
import { isoDate } from '../schema/common';

/**
 * Which cases and events a report counts (docs/reports.md):
 * - `application`: the cases whose AVRR application date is in the range, each step counted
 *   whenever it happened (a cohort: the funnel never grows from one step to the next);
 * - `event`: each step counted when its own date is in the range, for any case (what happened
 *   in the period: the departures of a fiscal year, whoever applied when).
 */
export const reportBases = ['application', 'event'] as const;
export type ReportBasis = (typeof reportBases)[number];

/** The longest range a report covers: the programme began in 2012; a typo like 20260 is refused. */
const EARLIEST = '2000-01-01';

export const reportQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    basis: z.enum(reportBases, { error: 'validation.choice' }),
  })
  .strict()
  .refine((q) => q.from <= q.to, { error: 'reports.range_order', path: ['to'] })
  .refine((q) => q.from >= EARLIEST, { error: 'reports.range_too_early', path: ['from'] });
export type ReportQuery = z.infer<typeof reportQuery>;

/** The Canadian federal fiscal year that starts on 1 April of `startYear` (FY2013-14: 2013). */
export function fiscalYearRange(startYear: number): { from: string; to: string } {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

/** The fiscal year (its start year) a date falls in. */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? year : year - 1;
}

/** How a fiscal year is written: FY2013-14 (the same in French: « exercice 2013-2014 » is the label's job). */
export function fiscalYearLabel(startYear: number): string {
  return `FY${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}
