import { hoursOn, OFFICE_CALENDAR } from '../time/office-hours';
import type { OfficeCalendar } from '../time/office-hours';
import { localToInstant, parseLocalDate } from '../time/office-time';
import type { LocalDate, OfficeClock } from '../time/office-time';

/**
 * When an appointment can be booked: on a day the office is open (shared/time/office-hours.ts,
 * the one place the hours and working days are kept), at a slot that starts at opening time,
 * every `minutes`, and ends by closing time; never in the past; no more bookings in a slot than
 * its capacity. The picker offers the same slots the back end accepts.
 */
export const APPOINTMENT_SLOTS = {
  minutes: 30,
  /** Bookings one slot takes (one interview room at the counter). */
  capacity: 1,
  source: 'Office default (the policy brief gives no slot length): 30-minute reporting interviews, one at a time; change here as data',
} as const;

export interface SlotRules {
  calendar: OfficeCalendar;
  minutes: number;
  capacity: number;
}
export const DEFAULT_SLOT_RULES: SlotRules = { calendar: OFFICE_CALENDAR, minutes: APPOINTMENT_SLOTS.minutes, capacity: APPOINTMENT_SLOTS.capacity };

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Every slot start of a day (HH:mm, in order), or none when the office is closed that day. */
export function slotTimes(date: LocalDate, rules: SlotRules = DEFAULT_SLOT_RULES): string[] {
  const hours = parseLocalDate(date) ? hoursOn(date, rules.calendar) : null;
  if (!hours) return [];
  const out: string[] = [];
  for (let m = toMinutes(hours.opens); m + rules.minutes <= toMinutes(hours.closes); m += rules.minutes) out.push(toHhmm(m));
  return out;
}

/** Why a date and time cannot be booked: an i18n key and its values, and the field it is about. */
export interface SlotRefusal {
  field: 'date' | 'time';
  messageKey: string;
  params?: Record<string, string | number>;
}

/**
 * Can `date` at `time` be booked now? Refused, in this order: not a real date or time; in the
 * past (the office's clock); a day the office is closed (weekend, holiday, closure); not one of
 * the day's slots (before opening, too late to end by closing, between two slots); already full
 * (`taken` = bookings in that slot, the one being moved not counted).
 */
export function checkSlot(date: string, time: string, clock: OfficeClock, taken: number, rules: SlotRules = DEFAULT_SLOT_RULES): SlotRefusal | null {
  if (!parseLocalDate(date)) return { field: 'date', messageKey: 'validation.date_invalid' };
  const at = /^([01]\d|2[0-3]):[0-5]\d$/.test(time) ? localToInstant(`${date}T${time}`, clock.timeZone) : null;
  if (!at) return { field: 'time', messageKey: 'appointments.error.time' };
  if (at.getTime() < clock.now().getTime()) {
    return date < clock.today() ? { field: 'date', messageKey: 'appointments.error.pastDay' } : { field: 'time', messageKey: 'appointments.error.pastTime' };
  }
  const hours = hoursOn(date, rules.calendar);
  if (!hours) return { field: 'date', messageKey: 'appointments.error.closedDay' };
  const slots = slotTimes(date, rules);
  if (!slots.includes(time)) {
    return { field: 'time', messageKey: 'appointments.error.hours', params: { opens: hours.opens, last: slots.at(-1) ?? hours.opens, closes: hours.closes, minutes: rules.minutes } };
  }
  if (taken >= rules.capacity) return { field: 'time', messageKey: 'appointments.error.taken' };
  return null;
}

/** The day's slots with whether each can still be booked (`taken` counts the bookings per slot start). */
export function freeSlots(date: LocalDate, clock: OfficeClock, taken: ReadonlyMap<string, number>, rules: SlotRules = DEFAULT_SLOT_RULES): { time: string; free: boolean }[] {
  return slotTimes(date, rules).map((time) => ({ time, free: checkSlot(date, time, clock, taken.get(time) ?? 0, rules) === null }));
}

