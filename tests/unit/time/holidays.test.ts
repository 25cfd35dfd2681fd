import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FEDERAL_HOLIDAYS, easterSunday, federalHolidayOn, observedHolidays } from '../../../shared/time/holidays';
import { OFFICE_CALENDAR, OFFICE_HOURS, addWorkingDays, checkAppointment, isWorkingDay } from '../../../shared/time/office-hours';
import type { OfficeCalendar } from '../../../shared/time/office-hours';
import { isoWeekday, officeClock } from '../../../shared/time/office-time';

const dates = (year: number) => observedHolidays(year).map((h) => `${h.date} ${h.id}`);

describe('federal holidays observed by the office (Ontario)', () => {
  it('Easter by the computus, against known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });

  it('2026: every holiday on its day', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01 new_years_day',
      '2026-04-03 good_friday',
      '2026-04-06 easter_monday',
      '2026-05-18 victoria_day',
      '2026-07-01 canada_day',
      '2026-08-03 civic_holiday',
      '2026-09-07 labour_day',
      '2026-09-30 truth_and_reconciliation',
      '2026-10-12 thanksgiving',
      '2026-11-11 remembrance_day',
      '2026-12-25 christmas_day',
      '2026-12-28 boxing_day',
    ]);
    // Boxing Day 2026 is a Saturday: observed on Monday 28 December.
    expect(observedHolidays(2026).find((h) => h.id === 'boxing_day')?.actualDate).toBe('2026-12-26');
  });

  it('a holiday on a weekend moves to the next weekday that is not a holiday', () => {
    // 2021: Christmas Saturday, Boxing Day Sunday -> Monday 27 and Tuesday 28; the first Truth and Reconciliation day (Thursday).
    expect(dates(2021).filter((d) => d.startsWith('2021-12') || d.includes('truth'))).toEqual(['2021-09-30 truth_and_reconciliation', '2021-12-27 christmas_day', '2021-12-28 boxing_day']);
    // 2022: New Year's Day Saturday -> Monday 3 January.
    expect(dates(2022)[0]).toBe('2022-01-03 new_years_day');
    // 2023: Truth and Reconciliation Saturday -> Monday 2 October; Canada Day Saturday -> Monday 3 July; Remembrance Day Saturday -> Monday 13.
    expect(dates(2023)).toContain('2023-10-02 truth_and_reconciliation');
    expect(dates(2023)).toContain('2023-07-03 canada_day');
    expect(dates(2023)).toContain('2023-11-13 remembrance_day');
    // Before 2021 there was no Truth and Reconciliation day.
    expect(dates(2020).some((d) => d.includes('truth'))).toBe(false);
  });

  it('every observed holiday is a weekday, one per rule, each with a source', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2200 }), (year) => {
        const hs = observedHolidays(year);
        expect(hs.length).toBe(FEDERAL_HOLIDAYS.filter((r) => year >= r.fromYear).length);
        expect(new Set(hs.map((h) => h.date)).size).toBe(hs.length);
        for (const h of hs) {
          expect(isoWeekday(h.date)).toBeLessThan(6);
          expect(h.date.startsWith(String(year))).toBe(true);
          expect(h.source.length).toBeGreaterThan(10);
          expect(federalHolidayOn(h.date)?.id).toBe(h.id);
        }
        const easter = easterSunday(year);
        expect(isoWeekday(easter)).toBe(7);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});

describe('the office calendar with the holidays plugged in', () => {
  it('holidays are not working days; appointments on them are refused', () => {
    expect(isWorkingDay('2026-11-11')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-11-12')).toBe(true);
    const clock = officeClock(() => new Date('2026-11-02T14:00:00Z'), 'America/Toronto');
    expect(checkAppointment('2026-11-11T10:00', clock)).toEqual({ ok: false, messageKey: 'validation.appointment_weekend' });
    expect(checkAppointment('2026-11-12T10:00', clock)).toEqual({ ok: true, at: '2026-11-12T10:00' });
  });

  it('addWorkingDays skips weekends, holidays and closures', () => {
    expect(addWorkingDays('2026-03-30', 3)).toBe('2026-04-02');
    // Thursday 2 April + 3: Good Friday, the weekend and Easter Monday are skipped.
    expect(addWorkingDays('2026-04-02', 3)).toBe('2026-04-09');
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
    expect(addWorkingDays('2026-11-21', 0)).toBe('2026-11-21');
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    // A fixture calendar: no holidays, one closure.
    const fixture: OfficeCalendar = { hours: OFFICE_HOURS, closures: [{ date: '2026-04-08', name: 'Office move', source: 'test' }] };
    expect(addWorkingDays('2026-04-02', 3, fixture)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-02', 4, fixture)).toBe('2026-04-09');
    expect(addWorkingDays('2026-04-02', 2, OFFICE_CALENDAR)).toBe('2026-04-08');
  });

  it('a calendar with no working day is refused rather than looping', () => {
    expect(() => addWorkingDays('2026-01-01', 1, { hours: [], closures: [] })).toThrow(RangeError);
  });
});
