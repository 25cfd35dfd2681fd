/**
 * Calendar dates as ISO 'YYYY-MM-DD' strings. They compare correctly as strings, so the rules
 * never build Date objects (which is also the fastest way).
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written 'YYYY-MM-DD' (so '2013-02-29' is false). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10) return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The day before an ISO date ('2012-07-14' -> '2012-07-13'). */
export function previousDay(iso: string): string {
  let y = Number(iso.slice(0, 4));
  let mo = Number(iso.slice(5, 7));
  let d = Number(iso.slice(8, 10)) - 1;
  if (d === 0) {
    mo -= 1;
    if (mo === 0) {
      mo = 12;
      y -= 1;
    }
    d = daysIn(y, mo);
  }
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/** The day after an ISO date. */
export function nextDay(iso: string): string {
  let y = Number(iso.slice(0, 4));
  let mo = Number(iso.slice(5, 7));
  let d = Number(iso.slice(8, 10)) + 1;
  if (d > daysIn(y, mo)) {
    d = 1;
    mo += 1;
    if (mo === 13) {
      mo = 1;
      y += 1;
    }
  }
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/**
 * True when a person born on `dateOfBirth` has not reached `years` on `onDate`.
 * A 29 February birthday is reached on 1 March in common years (string comparison does this).
 */
export function isUnderAge(dateOfBirth: string, onDate: string, years: number): boolean {
  const y = Number(dateOfBirth.slice(0, 4)) + years;
  return onDate < `${pad(y, 4)}${dateOfBirth.slice(4)}`;
}
