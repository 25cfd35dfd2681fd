import { programmeValue } from '../case/programme';

/**
 * The date arithmetic of the reports, on YYYY-MM-DD strings without Date or new strings: the
 * report visits every case on every call, so these run hundreds of thousands of times.
 */

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian), without Date: the same as
 * shared/case/timeline.ts daysBetween('1970-01-01', date), some ten times faster.
 */
export function dayNumber(iso: string): number {
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Whether a date is in the range (bounds included). Strings compare as the dates do (ISO order),
 * and stay exact for any string stored: no day number is trusted for membership.
 */
export function inRange(d: string | null, from: string, to: string): d is string {
  return d !== null && d >= from && d <= to;
}

/** The departure aim (days) in force on a case's intake date. */
export function aimDaysOn(intakeOn: string): number {
  return programmeValue('departureAimDays', intakeOn);
}

/** The month of a YYYY-MM-DD date as a number: year * 12 + month - 1 (no string made). */
export function monthNumber(iso: string): number {
  const y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  return y * 12 + (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48) - 1;
}

/** YYYY-MM of a month number. */
export function monthLabel(n: number): string {
  const y = Math.floor(n / 12);
  return `${String(y).padStart(4, '0')}-${String(n - y * 12 + 1).padStart(2, '0')}`;
}

/** The fiscal year (its start year) of a YYYY-MM-DD date, as shared/reports/query.ts fiscalYearOf, without strings. */
export function fiscalYearNumber(iso: string): number {
  const y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  return m >= 4 ? y : y - 1;
}
