import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OFFICE_TIME_ZONE,
  addDays,
  isValidTimeZone,
  isoWeekday,
  localToInstant,
  officeClock,
  officeDate,
  officeDateTime,
  officeDayBounds,
  officeYear,
} from '../../../shared/time/office-time';
import { todayIso } from '../../../shared/schema/common';
import { formatLocalDateTime } from '../../../shared/time/format';

const TZ = DEFAULT_OFFICE_TIME_ZONE;
const at = (iso: string) => new Date(iso);

describe('the office day and year', () => {
  it('22:30 on 31 December in Mississauga (03:30 UTC on 1 January) is still the old year', () => {
    const instant = at('2027-01-01T03:30:00Z');
    expect(officeYear(instant, TZ)).toBe(2026);
    expect(officeDate(instant, TZ)).toBe('2026-12-31');
    expect(officeDateTime(instant, TZ)).toBe('2026-12-31T22:30');
    expect(instant.getUTCFullYear()).toBe(2027); // what the old code used
    const clock = officeClock(() => instant, TZ);
    expect(clock.year()).toBe(2026);
    expect(clock.today()).toBe('2026-12-31');
    expect(todayIso(instant, TZ)).toBe('2026-12-31');
  });

  it('midnight in Toronto starts the new year, whatever UTC says', () => {
    expect(officeYear(at('2027-01-01T05:00:00Z'), TZ)).toBe(2027);
    expect(officeYear(at('2027-01-01T04:59:59Z'), TZ)).toBe(2026);
  });

  it('follows the clock changes (EST -5 in winter, EDT -4 in summer)', () => {
    // Spring forward: 8 March 2026, 02:00 EST -> 03:00 EDT (07:00 UTC).
    expect(officeDateTime(at('2026-03-08T06:59:00Z'), TZ)).toBe('2026-03-08T01:59');
    expect(officeDateTime(at('2026-03-08T07:00:00Z'), TZ)).toBe('2026-03-08T03:00');
    // Fall back: 1 November 2026, 02:00 EDT -> 01:00 EST (06:00 UTC).
    expect(officeDateTime(at('2026-11-01T05:30:00Z'), TZ)).toBe('2026-11-01T01:30');
    expect(officeDateTime(at('2026-11-01T06:30:00Z'), TZ)).toBe('2026-11-01T01:30');
    // The local date changes at local midnight: 04:00 UTC in summer, 05:00 UTC in winter.
    expect(officeDate(at('2026-07-01T03:59:00Z'), TZ)).toBe('2026-06-30');
    expect(officeDate(at('2026-07-01T04:00:00Z'), TZ)).toBe('2026-07-01');
    expect(officeDate(at('2026-01-15T04:59:00Z'), TZ)).toBe('2026-01-14');
    expect(officeDate(at('2026-01-15T05:00:00Z'), TZ)).toBe('2026-01-15');
    // The day after each change.
    expect(officeDate(at('2026-03-09T04:30:00Z'), TZ)).toBe('2026-03-09');
    expect(officeDate(at('2026-11-02T04:30:00Z'), TZ)).toBe('2026-11-01');
  });

  it('does not depend on the machine’s zone (another zone gives another day)', () => {
    const instant = at('2026-06-15T02:00:00Z');
    expect(officeDate(instant, TZ)).toBe('2026-06-14');
    expect(officeDate(instant, 'UTC')).toBe('2026-06-15');
    expect(officeDate(instant, 'Asia/Tokyo')).toBe('2026-06-15');
  });

  it('day bounds are 23 and 25 hours long on the change days', () => {
    const spring = officeDayBounds('2026-03-08', TZ);
    expect(spring?.start.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(spring?.end.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    const fall = officeDayBounds('2026-11-01', TZ);
    expect(fall?.start.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(fall?.end.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(officeDayBounds('2026-02-30', TZ)).toBeNull();
    // A zone whose clocks spring forward at midnight: the day starts at 01:00.
    expect(officeDayBounds('2026-09-06', 'America/Santiago')?.start.toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('calendar arithmetic', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});

describe('localToInstant', () => {
  it('gives the instant of a real office time', () => {
    expect(localToInstant('2026-12-01T09:30', TZ)?.toISOString()).toBe('2026-12-01T14:30:00.000Z');
    expect(localToInstant('2026-07-01T09:30', TZ)?.toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(localToInstant('2028-02-29T08:00', TZ)?.toISOString()).toBe('2028-02-29T13:00:00.000Z');
  });

  it.each([
    ['2026-12-01T09:75', 'minute 75'],
    ['2026-11-31T09:30', '31 November'],
    ['2026-02-29T09:30', '29 February in a common year'],
    ['2026-13-01T09:30', 'month 13'],
    ['2026-12-00T09:30', 'day 0'],
    ['2026-12-01T24:00', 'hour 24'],
    ['2026-12-01T9:30', 'one-digit hour'],
    ['2026-12-01 09:30', 'a space instead of T'],
    ['2026-12-01T09:30:00', 'seconds'],
    ['', 'empty'],
    ['2026-03-08T02:30', 'skipped by the spring-forward change'],
    ['2026-03-08T02:00', 'the first skipped minute'],
    ['2026-03-08T02:59', 'the last skipped minute'],
  ])('refuses %s (%s)', (local) => {
    expect(localToInstant(local, TZ)).toBeNull();
  });

  it('accepts the minutes around the gap, and takes the first of a repeated time', () => {
    expect(localToInstant('2026-03-08T01:59', TZ)?.toISOString()).toBe('2026-03-08T06:59:00.000Z');
    expect(localToInstant('2026-03-08T03:00', TZ)?.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(localToInstant('2026-11-01T01:30', TZ)?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('round-trips every half hour of a year', () => {
    let t = Date.parse('2026-01-01T05:00:00Z');
    const end = Date.parse('2027-01-01T05:00:00Z');
    for (; t < end; t += 30 * 60_000) {
      const local = officeDateTime(new Date(t), TZ);
      const back = localToInstant(local, TZ);
      expect(back).not.toBeNull();
      expect(officeDateTime(back as Date, TZ)).toBe(local);
    }
  });
});

describe('time zones', () => {
  it('accepts IANA zones Intl knows and refuses the rest', () => {
    for (const tz of ['America/Toronto', 'America/Vancouver', 'Europe/Paris', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) expect(isValidTimeZone(tz)).toBe(true);
    for (const tz of ['', 'Toronto', 'Mars/Olympus', '+05:00', 'EST', 'America/Toronto ', 'america/toronto/x', 42, null]) expect(isValidTimeZone(tz)).toBe(false);
  });

  it('an office clock refuses a zone Intl does not know', () => {
    expect(() => officeClock(() => new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatLocalDateTime', () => {
  const fmt = new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  it('shows the stored wall time', () => {
    expect(formatLocalDateTime('2026-12-01T09:30', fmt)).toBe(fmt.format(new Date('2026-12-01T09:30:00Z')));
    const toronto = new Intl.DateTimeFormat('en-CA', { timeStyle: 'short', hourCycle: 'h23', timeZone: TZ });
    expect(formatLocalDateTime('2026-07-01T09:30', toronto)).toBe('09:30');
  });
  it('never throws on a stored bad value: it shows the text as written', () => {
    expect(formatLocalDateTime('2026-12-01T09:75', fmt)).toBe('2026-12-01T09:75');
    expect(formatLocalDateTime('2026-11-31T09:30', fmt)).toBe('2026-11-31T09:30');
    expect(formatLocalDateTime('garbage', fmt)).toBe('garbage');
  });
});
