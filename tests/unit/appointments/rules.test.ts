import { describe, expect, it } from 'vitest';
import { APPOINTMENT_SLOTS, checkSlot, DEFAULT_SLOT_RULES, freeSlots, slotTimes } from '../../../shared/appointments/slots';
import { appointmentActionRefusal } from '../../../shared/appointments/status';
import { appointmentRefusal, caseStatuses, statusInfo } from '../../../shared/case/lifecycle';
import { OFFICE_CALENDAR, OFFICE_HOURS } from '../../../shared/time/office-hours';
import { DEFAULT_OFFICE_TIME_ZONE, officeClock } from '../../../shared/time/office-time';

// Monday 23 November 2026, 10:10 in Toronto (EST: 15:10 UTC).
const clock = officeClock(() => new Date('2026-11-23T15:10:00Z'), DEFAULT_OFFICE_TIME_ZONE);

describe('appointment slots follow the office hours kept in one place', () => {
  it('slots start at opening time every 30 minutes and end by closing time (8:00 to 15:30 for 8:00-16:00)', () => {
    expect(OFFICE_HOURS[0]).toMatchObject({ opens: '08:00', closes: '16:00' });
    expect(APPOINTMENT_SLOTS.minutes).toBe(30);
    const slots = slotTimes('2026-11-24');
    expect(slots[0]).toBe('08:00');
    expect(slots.at(-1)).toBe('15:30');
    expect(slots).toHaveLength(16);
  });

  it('a weekend, a federal holiday or a closure has no slot', () => {
    expect(slotTimes('2026-11-28')).toEqual([]); // Saturday
    expect(slotTimes('2026-11-29')).toEqual([]); // Sunday
    expect(slotTimes('2026-12-25')).toEqual([]); // Christmas Day, a Friday
    const closed = { ...DEFAULT_SLOT_RULES, calendar: { ...OFFICE_CALENDAR, closures: [{ date: '2026-11-25', name: 'Office move', source: 'test' }] } };
    expect(slotTimes('2026-11-25', closed)).toEqual([]);
    expect(checkSlot('2026-11-25', '10:00', clock, 0, closed)).toMatchObject({ field: 'date', messageKey: 'appointments.error.closedDay' });
  });

  it('refuses the past, closed days, times outside the hours or between slots, and a full slot, each with its own message', () => {
    const no = (date: string, time: string, taken = 0) => checkSlot(date, time, clock, taken);
    expect(no('2026-11-24', '10:00')).toBeNull();
    expect(no('2026-11-23', '10:30')).toBeNull(); // later today
    expect(no('2026-11-31', '10:00')).toMatchObject({ field: 'date', messageKey: 'validation.date_invalid' });
    expect(no('2026-11-24', '09:75')).toMatchObject({ field: 'time', messageKey: 'appointments.error.time' });
    expect(no('2026-11-20', '10:00')).toMatchObject({ field: 'date', messageKey: 'appointments.error.pastDay' });
    expect(no('2026-11-23', '10:00')).toMatchObject({ field: 'time', messageKey: 'appointments.error.pastTime' });
    expect(no('2026-11-28', '10:00')).toMatchObject({ field: 'date', messageKey: 'appointments.error.closedDay' });
    const hours = { field: 'time', messageKey: 'appointments.error.hours', params: { opens: '08:00', last: '15:30', closes: '16:00', minutes: 30 } };
    expect(no('2026-11-24', '07:30')).toEqual(hours);
    expect(no('2026-11-24', '16:00')).toEqual(hours); // would end after closing
    expect(no('2026-11-24', '17:30')).toEqual(hours);
    expect(no('2026-11-24', '09:45')).toEqual(hours); // between two slots
    expect(no('2026-11-24', '10:00', 1)).toMatchObject({ field: 'time', messageKey: 'appointments.error.taken' });
  });

  it('the picker offers as free exactly the slots the back end would accept', () => {
    const taken = new Map([['11:00', 1]]);
    const today = freeSlots('2026-11-23', clock, taken);
    expect(today.filter((s) => s.free).map((s) => s.time)).toEqual(['10:30', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30']);
    for (const s of today) expect(s.free).toBe(checkSlot('2026-11-23', s.time, clock, taken.get(s.time) ?? 0) === null);
  });

  it('is judged on the office clock, whatever the zone of the machine: 09:00 in Vancouver is already 12:00 in Toronto', () => {
    const vancouverMorning = officeClock(() => new Date('2026-11-23T17:00:00Z'), DEFAULT_OFFICE_TIME_ZONE);
    expect(checkSlot('2026-11-23', '11:30', vancouverMorning, 0)).toMatchObject({ messageKey: 'appointments.error.pastTime' });
    expect(checkSlot('2026-11-23', '12:00', vancouverMorning, 0)).toBeNull();
  });
});

describe('what can be done to a booking', () => {
  const booked = (date: string, time: string) => ({ status: 'booked' as const, date, time });
  it('check-in only on the day of the appointment', () => {
    expect(appointmentActionRefusal('checkIn', booked('2026-11-23', '15:00'), clock)).toBeNull();
    expect(appointmentActionRefusal('checkIn', booked('2026-11-24', '09:00'), clock)).toBe('appointments.error.checkInDay');
  });
  it('a no-show only once the start time has passed', () => {
    expect(appointmentActionRefusal('noShow', booked('2026-11-23', '10:00'), clock)).toBeNull();
    expect(appointmentActionRefusal('noShow', booked('2026-11-23', '10:30'), clock)).toBe('appointments.error.noShowEarly');
  });
  it('only a booked appointment changes: the others are its history', () => {
    for (const status of ['checked_in', 'rescheduled', 'cancelled', 'no_show'] as const) {
      for (const action of ['checkIn', 'reschedule', 'cancel', 'noShow'] as const) {
        expect(appointmentActionRefusal(action, { status, date: '2026-11-23', time: '09:00' }, clock)).toBe(`appointments.error.already.${status}`);
      }
    }
  });
  it('the lifecycle table: booking is for a case still in the programme', () => {
    for (const s of caseStatuses) expect(appointmentRefusal(s) === null).toBe(!statusInfo[s].final);
    expect(appointmentRefusal('withdrawn')).toBe('appointments.error.caseClosed');
    expect(appointmentRefusal('screened')).toBeNull();
  });
});
