import { federalHolidayOn } from './holidays';
import { addDays, isoWeekday, localToInstant, officeDateTime, parseLocalDateTime } from './office-time';
import type { LocalDate, LocalDateTime, OfficeClock } from './office-time';

/**
 * When the office receives people: dated, sourced data (the way shared/rules/policy.ts keeps
 * its parameters), never constants in code. The calendar is one value, so the office calendar
 * (federal holidays, closures) can be added later as data without changing the functions.
 */

/** Opening hours in force from `validFrom` (inclusive) until `validTo` (exclusive, null = open-ended). */
export interface OfficeHoursPeriod {
  validFrom: LocalDate;
  validTo: LocalDate | null;
  /** ISO weekdays the office is open: 1 Monday … 7 Sunday. */
  weekdays: readonly number[];
  /** Local wall time, HH:mm. */
  opens: string;
  /** Local wall time, HH:mm. */
  closes: string;
  source: string;
}

/** A day the office is closed although it is a working weekday (a holiday, a closure). */
export interface OfficeClosure {
  date: LocalDate;
  name: string;
  source: string;
}

export interface OfficeCalendar {
  hours: readonly OfficeHoursPeriod[];
  /** One-off closures (a snow day, a move), as dated data. */
  closures: readonly OfficeClosure[];
  /** Holidays computed for any year (shared/time/holidays.ts): the one observed on a date, or null. */
  holidays?: (date: LocalDate) => { name: string; source: string } | null;
}

export const OFFICE_HOURS: readonly OfficeHoursPeriod[] = [
  {
    validFrom: '2012-06-29',
    validTo: null,
    weekdays: [1, 2, 3, 4, 5],
    opens: '08:00',
    closes: '16:00',
    source:
      'AVRR policy brief §2 (seed 000): in person at the CBSA office, 6900 Airport Road, Entrance 2B, Mississauga, Monday to Friday 8:00 to 16:00 (walk-in, front counter); in force since the pilot began on 29 June 2012',
  },
];

/** One-off closures, as data; the yearly federal holidays are computed (shared/time/holidays.ts). */
export const OFFICE_CLOSURES: readonly OfficeClosure[] = [];

/** The office's calendar: hours, closures and the federal holidays observed in Ontario. */
export const OFFICE_CALENDAR: OfficeCalendar = { hours: OFFICE_HOURS, closures: OFFICE_CLOSURES, holidays: federalHolidayOn };

/** The hours in force on a date, or null when the office is closed that day. */
export function hoursOn(date: LocalDate, calendar: OfficeCalendar = OFFICE_CALENDAR): { opens: string; closes: string } | null {
  if (calendar.closures.some((c) => c.date === date)) return null;
  if (calendar.holidays?.(date)) return null;
  const period = calendar.hours.find((h) => h.validFrom <= date && (h.validTo === null || date < h.validTo));
  if (!period || !period.weekdays.includes(isoWeekday(date))) return null;
  return { opens: period.opens, closes: period.closes };
}

/** True on a day the office is open (a weekday in the hours in force, not a closure). */
export function isWorkingDay(date: LocalDate, calendar: OfficeCalendar = OFFICE_CALENDAR): boolean {
  return hoursOn(date, calendar) !== null;
}

/**
 * The date `n` working days after `date` (before it when `n` is negative): each working day of
 * the calendar counts one, weekends, holidays and closures none. `n = 0` is the date itself.
 * Referred on Monday 30 March 2026: 3 working days later is Thursday 2 April; referred on
 * Thursday 2 April (Good Friday and Easter Monday closed): Wednesday 8 April.
 */
export function addWorkingDays(date: LocalDate, n: number, calendar: OfficeCalendar = OFFICE_CALENDAR): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let d = date;
  // A calendar with no working day for a whole year would never get there.
  for (let left = Math.abs(n), idle = 0; left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDay(d, calendar)) {
      left--;
      idle = 0;
    } else if (++idle > 366) throw new RangeError(`no working day for a year after ${date}`);
  }
  return d;
}

/** Is the front counter open at this local wall time (opening time included, closing time excluded)? */
export function isCounterOpen(local: LocalDateTime, calendar: OfficeCalendar = OFFICE_CALENDAR): boolean {
  const hours = hoursOn(local.slice(0, 10), calendar);
  const time = local.slice(11, 16);
  return hours !== null && time >= hours.opens && time < hours.closes;
}

/** Is the front counter open now, in the office? */
export function counterOpenNow(clock: OfficeClock, calendar: OfficeCalendar = OFFICE_CALENDAR): boolean {
  return isCounterOpen(officeDateTime(clock.now(), clock.timeZone), calendar);
}

export type AppointmentCheck = { ok: true; at: LocalDateTime } | { ok: false; messageKey: AppointmentMessageKey };
export type AppointmentMessageKey = 'validation.datetime' | 'validation.appointment_past' | 'validation.appointment_weekend' | 'validation.appointment_hours';

/**
 * An interview appointment typed at the counter, YYYY-MM-DDTHH:mm in the office's local time.
 * Refused, in this order: not a real local date-time (09:75, 31 November, a time skipped by the
 * spring-forward change), in the past, on a day the office is closed, outside office hours
 * (from opening to closing time, both included). `at` is the local date-time to store.
 */
export function checkAppointment(local: string, clock: OfficeClock, calendar: OfficeCalendar = OFFICE_CALENDAR): AppointmentCheck {
  const parts = parseLocalDateTime(local);
  const instant = parts && localToInstant(local, clock.timeZone);
  if (!instant) return { ok: false, messageKey: 'validation.datetime' };
  const nowMinute = Math.floor(clock.now().getTime() / 60_000) * 60_000;
  if (instant.getTime() < nowMinute) return { ok: false, messageKey: 'validation.appointment_past' };
  const hours = hoursOn(local.slice(0, 10), calendar);
  if (!hours) return { ok: false, messageKey: 'validation.appointment_weekend' };
  const time = local.slice(11, 16);
  if (time < hours.opens || time > hours.closes) return { ok: false, messageKey: 'validation.appointment_hours' };
  return { ok: true, at: local };
}
