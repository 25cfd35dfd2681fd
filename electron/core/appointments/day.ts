import { DEFAULT_SLOT_RULES, freeSlots } from '../../../shared/appointments/slots';
import type { AppointmentDay, SlotList } from '../../../shared/schema/appointments';
import { hoursOn } from '../../../shared/time/office-hours';
import type { OfficeClock } from '../../../shared/time/office-time';
import type { Db } from '../db/open';
import { dayAppointments, takenSlots } from './rows';

/** A day at the office: its hours and its bookings in time order (the day view, today's list). */
export function appointmentDay(db: Db, date: string): AppointmentDay {
  return { date, hours: hoursOn(date, DEFAULT_SLOT_RULES.calendar), appointments: dayAppointments(db, date) };
}

/** The slots of a day the picker offers: every one, free or not (past, full), as the back end would judge a booking now. */
export function slotList(db: Db, clock: OfficeClock, date: string, excluding?: string): SlotList {
  return {
    date,
    hours: hoursOn(date, DEFAULT_SLOT_RULES.calendar),
    minutes: DEFAULT_SLOT_RULES.minutes,
    slots: freeSlots(date, clock, takenSlots(db, date, excluding)),
  };
}
