import type { AppointmentStatus } from '../schema/appointments';
import type { OfficeClock } from '../time/office-time';
import { localToInstant } from '../time/office-time';

/** What an officer does to a booking. */
export type AppointmentAction = 'checkIn' | 'reschedule' | 'cancel' | 'noShow';

/** The status each action leaves the booking in. Only a booked appointment changes. */
export const appointmentNext: { readonly [A in AppointmentAction]: AppointmentStatus } = {
  checkIn: 'checked_in',
  reschedule: 'rescheduled',
  cancel: 'cancelled',
  noShow: 'no_show',
};

/**
 * May `action` be done now on a booking (its status, its office date and start time)? Null when
 * it may, else the message: a booking that is no longer booked is history; the person checks in
 * on the day of the appointment; a no-show is recorded once the start time has passed.
 */
export function appointmentActionRefusal(
  action: AppointmentAction,
  a: { status: AppointmentStatus; date: string; time: string },
  clock: OfficeClock,
): string | null {
  if (a.status !== 'booked') return `appointments.error.already.${a.status}`;
  if (action === 'checkIn' && a.date !== clock.today()) return 'appointments.error.checkInDay';
  if (action === 'noShow') {
    const start = localToInstant(`${a.date}T${a.time}`, clock.timeZone);
    if (start && clock.now().getTime() < start.getTime()) return 'appointments.error.noShowEarly';
  }
  return null;
}
