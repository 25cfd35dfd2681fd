import { randomUUID } from 'node:crypto';
import { checkSlot, DEFAULT_SLOT_RULES } from '../../../shared/appointments/slots';
import { appointmentActionRefusal, appointmentNext } from '../../../shared/appointments/status';
import type { AppointmentAction } from '../../../shared/appointments/status';
import { appointmentRefusal } from '../../../shared/case/lifecycle';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { appointmentKind, appointmentStatus } from '../../../shared/schema/appointments';
import type { AppointmentInfo, AppointmentKind, BookAppointmentInput } from '../../../shared/schema/appointments';
import type { SignedInContext } from '../context';
import { requireNotDisposed } from '../cases/guard';
import { caseRow, statusOf } from '../cases/rows';
import { appointmentRow, caseAppointments, currentAppointment, insertAppointment, setAppointmentStatus, takenSlots } from './rows';

/**
 * Booking, moving, cancelling, checking in and marking a no-show: each checked (the case still
 * in the programme, the office's hours and slots, the booking's own status) and written in one
 * transaction with its audit entry naming the case and the booking. The case row is not touched:
 * a booking is not a change of the case's facts or status.
 */

const who = (ctx: SignedInContext) => ({ by: ctx.session.userId, at: ctx.now().toISOString() });

/** Where a refused date or time is reported: the booking form's own fields, or the hand-over's one field. */
export type WhenPath = { date: (string | number)[]; time: (string | number)[] };
const FORM_PATH: WhenPath = { date: ['date'], time: ['time'] };

function refused(messageKey: string): IpcFailure {
  return new IpcFailure(ipcError('rejected', { messageKey }));
}

function requireOpenCase(ctx: SignedInContext, caseId: string): void {
  const row = caseRow(ctx.db().db, caseId);
  requireNotDisposed(row);
  const why = appointmentRefusal(statusOf(row));
  if (why) throw refused(why);
}

/** The slot can be booked now (`excluding` the booking being moved), or the field's message. */
function requireSlot(ctx: SignedInContext, date: string, time: string, path: WhenPath, excluding?: string): void {
  const taken = takenSlots(ctx.db().db, date, excluding).get(time) ?? 0;
  const no = checkSlot(date, time, ctx.clock, taken, DEFAULT_SLOT_RULES);
  if (no) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: path[no.field], messageKey: no.messageKey, ...(no.params ? { params: no.params } : {}) }] }));
}

/** Write a new booking (inside the caller's transaction); returns its id. */
function insertBooking(ctx: SignedInContext, b: { caseId: string; date: string; time: string; kind: AppointmentKind; rescheduledFromId: string | null }): string {
  const id = randomUUID();
  const w = who(ctx);
  insertAppointment(ctx.db().db, {
    id,
    caseId: b.caseId,
    localDate: b.date,
    localTime: b.time,
    timeZone: ctx.clock.timeZone,
    minutes: DEFAULT_SLOT_RULES.minutes,
    kind: b.kind,
    status: 'booked',
    bookedAt: w.at,
    bookedBy: w.by,
    rescheduledFromId: b.rescheduledFromId,
  });
  ctx.auditDetail(`appointment=${id}`);
  return id;
}

export function bookAppointment(ctx: SignedInContext, input: BookAppointmentInput): AppointmentInfo[] {
  const { db } = ctx.db();
  return ctx.tx(input.caseId, () => {
    requireOpenCase(ctx, input.caseId);
    // One booking to come at a time: another is moved (its history kept), not doubled.
    if (currentAppointment(db, input.caseId)?.status === 'booked') throw refused('appointments.error.alreadyBooked');
    requireSlot(ctx, input.date, input.time, FORM_PATH);
    insertBooking(ctx, { ...input, rescheduledFromId: null });
    return caseAppointments(db, input.caseId);
  });
}

/** Move a booking: the old one stays as `rescheduled`, the new one names it. */
function moveBooking(ctx: SignedInContext, oldId: string, date: string, time: string, path: WhenPath): void {
  const { db } = ctx.db();
  const old = appointmentRow(db, oldId);
  const status = appointmentStatus.parse(old.status);
  const why = appointmentActionRefusal('reschedule', { status, date: old.localDate, time: old.localTime }, ctx.clock);
  if (why) throw refused(why);
  requireOpenCase(ctx, old.caseId);
  requireSlot(ctx, date, time, path, old.id);
  setAppointmentStatus(db, old.id, 'rescheduled', who(ctx));
  insertBooking(ctx, { caseId: old.caseId, date, time, kind: appointmentKind.parse(old.kind), rescheduledFromId: old.id });
}

export function rescheduleAppointment(ctx: SignedInContext, input: { appointmentId: string; date: string; time: string }): AppointmentInfo[] {
  const caseId = appointmentRow(ctx.db().db, input.appointmentId).caseId;
  return ctx.tx(caseId, () => {
    moveBooking(ctx, input.appointmentId, input.date, input.time, FORM_PATH);
    return caseAppointments(ctx.db().db, caseId);
  });
}

/** Check in, cancel or mark a no-show: a booked appointment's last change. */
export function closeAppointment(ctx: SignedInContext, action: Exclude<AppointmentAction, 'reschedule'>, input: { appointmentId: string; reason?: string | undefined }): AppointmentInfo[] {
  const { db } = ctx.db();
  const caseId = appointmentRow(db, input.appointmentId).caseId;
  ctx.auditDetail(`appointment=${input.appointmentId}`);
  return ctx.tx(caseId, () => {
    const a = appointmentRow(db, input.appointmentId);
    const why = appointmentActionRefusal(action, { status: appointmentStatus.parse(a.status), date: a.localDate, time: a.localTime }, ctx.clock);
    if (why) throw refused(why);
    const reason = action === 'cancel' ? input.reason?.trim() || null : undefined;
    setAppointmentStatus(db, a.id, appointmentNext[action], who(ctx), reason);
    return caseAppointments(db, caseId);
  });
}

/**
 * The hand-over at the counter to an appointment (inside `case.screen`'s transaction): a case
 * with a booking to come has it moved, otherwise an interview is booked. A refused date or time
 * is reported on the hand-over's field.
 */
export function bookAtHandover(ctx: SignedInContext, caseId: string, local: { date: string; time: string }): void {
  const path: WhenPath = { date: ['handover', 'at'], time: ['handover', 'at'] };
  const current = currentAppointment(ctx.db().db, caseId);
  if (current?.status === 'booked') {
    if (current.localDate === local.date && current.localTime === local.time) return;
    moveBooking(ctx, current.id, local.date, local.time, path);
    return;
  }
  requireOpenCase(ctx, caseId);
  requireSlot(ctx, local.date, local.time, path);
  insertBooking(ctx, { caseId, date: local.date, time: local.time, kind: 'interview', rescheduledFromId: null });
}
