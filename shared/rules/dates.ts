/**
 * Calendar dates as ISO 'YYYY-MM-DD' strings. They compare correctly as strings, so the rules
 * never build Date objects (which is also the fastest way).
 */
import { policy, valueAt } from './policy';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Digit value of the character at `i`, or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** True when `s` is a real calendar date written 'YYYY-MM-DD' (so '2013-02-29' is false). No allocation. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y0 = digit(s, 0), y1 = digit(s, 1), y2 = digit(s, 2), y3 = digit(s, 3);
  const m0 = digit(s, 5), m1 = digit(s, 6), d0 = digit(s, 8), d1 = digit(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = m0 * 10 + m1;
  const d = d0 * 10 + d1;
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
 * True when a person born on `dateOfBirth` has not reached `years` on `onDate` (both valid ISO
 * dates). A 29 February birthday is reached on 1 March in common years. No allocation.
 */
export function isUnderAge(dateOfBirth: string, onDate: string, years: number): boolean {
  const num = (s: string, from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
    return n;
  };
  const by = num(dateOfBirth, 0, 4) + years;
  const oy = num(onDate, 0, 4);
  if (oy !== by) return oy < by;
  const bmd = num(dateOfBirth, 5, 7) * 100 + num(dateOfBirth, 8, 10);
  const omd = num(onDate, 5, 7) * 100 + num(onDate, 8, 10);
  return omd < bmd;
}

/**
 * True when a person born on `dateOfBirth` is a minor on `onDate`: under the age of majority
 * (policy parameter `ageOfMajority`, the value in force on that date; its first value for an
 * earlier date). The age of majority has one owner, the policy: the rules read it for the
 * application date, the documents (consent form, packet, withdrawal) through this helper for
 * the date they are signed.
 */
export function isMinorOn(dateOfBirth: string, onDate: string): boolean {
  const majority = policy.parameters.ageOfMajority;
  const years = valueAt(majority, onDate) ?? majority.values[0]?.value;
  if (years === undefined) throw new Error('policy parameter ageOfMajority has no value');
  return isUnderAge(dateOfBirth, onDate, years);
}
