import { describe, expect, it } from 'vitest';
import { OFFICE_CALENDAR, OFFICE_HOURS, checkAppointment, counterOpenNow, hoursOn, isCounterOpen, isWorkingDay } from '../../../shared/time/office-hours';
import type { OfficeCalendar } from '../../../shared/time/office-hours';
import { DEFAULT_OFFICE_TIME_ZONE, officeClock } from '../../../shared/time/office-time';

// Monday 23 November 2026, 10:00 in Toronto (EST, 15:00 UTC).
const clock = officeClock(() => new Date('2026-11-23T15:00:00Z'), DEFAULT_OFFICE_TIME_ZONE);

describe('office hours as dated, sourced data', () => {
  it('walk-in hours: Monday to Friday 8:00 to 16:00, with their source', () => {
    expect(OFFICE_HOURS).toHaveLength(1);
    expect(OFFICE_HOURS[0]).toMatchObject({ weekdays: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00', validTo: null });
    expect(OFFICE_HOURS[0]?.source).toMatch(/policy brief §2/);
    expect(hoursOn('2026-11-23')).toEqual({ opens: '08:00', closes: '16:00' });
  });

  it('working days are Monday to Friday', () => {
    expect(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].every((d) => isWorkingDay(d))).toBe(true);
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(isWorkingDay('2026-11-29')).toBe(false);
  });

  it('a closure added as data makes a weekday a non-working day (the later office calendar)', () => {
    const withHoliday: OfficeCalendar = { ...OFFICE_CALENDAR, closures: [{ date: '2026-12-23', name: 'Office move', source: 'test' }] };
    expect(isWorkingDay('2026-12-23')).toBe(true);
    expect(isWorkingDay('2026-12-23', withHoliday)).toBe(false);
    expect(checkAppointment('2026-12-23T10:00', clock, withHoliday)).toEqual({ ok: false, messageKey: 'validation.appointment_weekend' });
  });

  it('the counter is open from opening time until just before closing time, on the office clock', () => {
    expect(isCounterOpen('2026-11-23T07:59')).toBe(false);
    expect(isCounterOpen('2026-11-23T08:00')).toBe(true);
    expect(isCounterOpen('2026-11-23T15:59')).toBe(true);
    expect(isCounterOpen('2026-11-23T16:00')).toBe(false);
    expect(isCounterOpen('2026-11-28T10:00')).toBe(false);
    expect(counterOpenNow(clock)).toBe(true);
    // 13:30 UTC is 08:30 in Toronto (open), although it is 13:30 in UTC and 05:30 in Vancouver.
    expect(counterOpenNow(officeClock(() => new Date('2026-11-23T13:30:00Z'), DEFAULT_OFFICE_TIME_ZONE))).toBe(true);
    expect(counterOpenNow(officeClock(() => new Date('2026-11-23T13:30:00Z'), 'America/Vancouver'))).toBe(false);
  });
});

describe('checkAppointment', () => {
  it.each([
    ['2026-11-23T10:00', 'now, to the minute'],
    ['2026-11-23T14:30', 'later today'],
    ['2026-11-24T08:00', 'opening time'],
    ['2026-11-24T16:00', 'closing time'],
    ['2026-11-27T12:15', 'Friday'],
    ['2027-03-08T09:00', 'the Monday after the spring-forward change'],
  ])('accepts %s (%s)', (local) => {
    expect(checkAppointment(local, clock)).toEqual({ ok: true, at: local });
  });

  it.each([
    ['2026-12-01T09:75', 'validation.datetime'],
    ['2026-11-31T09:30', 'validation.datetime'],
    ['2026-12-01T24:00', 'validation.datetime'],
    ['2026-12-01', 'validation.datetime'],
    ['tomorrow', 'validation.datetime'],
    ['2027-03-14T02:30', 'validation.datetime'], // skipped by the spring-forward change (a Sunday, too)
    ['2026-11-23T09:59', 'validation.appointment_past'],
    ['2026-11-20T10:00', 'validation.appointment_past'],
    ['2025-12-01T10:00', 'validation.appointment_past'],
    ['2026-11-28T10:00', 'validation.appointment_weekend'],
    ['2026-11-29T10:00', 'validation.appointment_weekend'],
    ['2026-11-24T07:59', 'validation.appointment_hours'],
    ['2026-11-24T16:01', 'validation.appointment_hours'],
    ['2026-11-24T00:00', 'validation.appointment_hours'],
    ['2026-11-24T23:30', 'validation.appointment_hours'],
  ])('refuses %s with %s', (local, messageKey) => {
    expect(checkAppointment(local, clock)).toEqual({ ok: false, messageKey });
  });

  it('judges the past on the office clock, not UTC: 22:30 on a Monday in Toronto is already Tuesday in UTC', () => {
    const lateMonday = officeClock(() => new Date('2026-11-24T03:30:00Z'), DEFAULT_OFFICE_TIME_ZONE);
    expect(checkAppointment('2026-11-24T09:00', lateMonday)).toEqual({ ok: true, at: '2026-11-24T09:00' });
    expect(checkAppointment('2026-11-23T15:00', lateMonday)).toEqual({ ok: false, messageKey: 'validation.appointment_past' });
  });
});
