import type { Handlers } from '../dispatch';
import { bookAppointment, closeAppointment, rescheduleAppointment } from './actions';
import { appointmentDay, slotList } from './day';
import { caseAppointments } from './rows';

/** Every `appointment.*` channel. Reads of names (a day, a case's bookings) are audited like any read of a case. */
export const appointmentHandlers = {
  'appointment.day': (input, ctx) => appointmentDay(ctx.db().db, input.date),
  'appointment.slots': (input, ctx) => slotList(ctx.db().db, ctx.clock, input.date, input.excluding),
  'appointment.forCase': (input, ctx) => ctx.tx(input.caseId, () => caseAppointments(ctx.db().db, input.caseId)),
  'appointment.book': (input, ctx) => bookAppointment(ctx, input),
  'appointment.reschedule': (input, ctx) => rescheduleAppointment(ctx, input),
  'appointment.cancel': (input, ctx) => closeAppointment(ctx, 'cancel', input),
  'appointment.checkIn': (input, ctx) => closeAppointment(ctx, 'checkIn', input),
  'appointment.noShow': (input, ctx) => closeAppointment(ctx, 'noShow', input),
} satisfies Pick<
  Handlers,
  | 'appointment.day'
  | 'appointment.slots'
  | 'appointment.forCase'
  | 'appointment.book'
  | 'appointment.reschedule'
  | 'appointment.cancel'
  | 'appointment.checkIn'
  | 'appointment.noShow'
>;
