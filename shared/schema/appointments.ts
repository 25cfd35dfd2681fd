import { z } from 'zod';
import type { CaseStatus } from './case';
import { entityId, isoDate } from './common';

/**
 * Appointments at the office: one schema for the booking form, the IPC validation and the rows
 * read back (electron/core/appointments/rows.ts). The rules of when (office hours, working days,
 * slots) are in shared/appointments/slots.ts.
 */

/** What the person comes for: the reporting interview, or a later visit (documents, questions). */
export const appointmentKinds = ['interview', 'follow_up'] as const;
export const appointmentKind = z.enum(appointmentKinds);
export type AppointmentKind = z.infer<typeof appointmentKind>;

/**
 * booked: waiting for the day; checked_in: the person arrived; no_show: did not come;
 * cancelled: called off; rescheduled: replaced by a new booking (which names this one).
 * Only a booked appointment changes: the others are its history.
 */
export const appointmentStatuses = ['booked', 'checked_in', 'rescheduled', 'cancelled', 'no_show'] as const;
export const appointmentStatus = z.enum(appointmentStatuses);
export type AppointmentStatus = z.infer<typeof appointmentStatus>;

/** A wall time HH:mm (the slot's start). */
export const localTime = z.string({ error: 'validation.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'appointments.error.time' });

const reason = z.string().trim().max(500, { error: 'validation.too_long' });

export const bookAppointmentInput = z.object({ caseId: entityId, date: isoDate, time: localTime, kind: appointmentKind }).strict();
export type BookAppointmentInput = z.infer<typeof bookAppointmentInput>;
export const rescheduleAppointmentInput = z.object({ appointmentId: entityId, date: isoDate, time: localTime }).strict();
export const appointmentIdInput = z.object({ appointmentId: entityId }).strict();
export const cancelAppointmentInput = z.object({ appointmentId: entityId, reason: reason.optional() }).strict();
export const appointmentDayInput = z.object({ date: isoDate }).strict();
/** The slots of a day; a reschedule does not count the booking it moves as taking its own slot. */
export const appointmentSlotsInput = z.object({ date: isoDate, excluding: entityId.optional() }).strict();
export const caseAppointmentsInput = z.object({ caseId: entityId }).strict();
/** No-shows over a period of office dates (both included), for the reports. */
export const noShowCountInput = z.object({ from: isoDate, to: isoDate }).strict();

/** One booking as the screens show it. */
export interface AppointmentInfo {
  id: string;
  caseId: string;
  /** The office's local date and start time. */
  date: string;
  time: string;
  timeZone: string;
  minutes: number;
  kind: AppointmentKind;
  status: AppointmentStatus;
  bookedAt: string;
  bookedByName: string | null;
  statusAt: string | null;
  statusByName: string | null;
  /** The booking this one replaced, and the one that replaced it. */
  rescheduledFromId: string | null;
  rescheduledToId: string | null;
  reason: string | null;
}

/** A booking in a day's list, with the case it belongs to. */
export interface DayAppointment extends AppointmentInfo {
  caseNumber: string;
  caseStatus: CaseStatus;
  principalNameAsWritten: string;
  principalNameLatin: string;
}

/** The office's hours on a day, or null when it is closed. */
export type DayHours = { opens: string; closes: string } | null;

export interface AppointmentDay {
  date: string;
  hours: DayHours;
  /** In time order; rescheduled ones (moved elsewhere) are left out, their new booking is listed on its own day. */
  appointments: DayAppointment[];
}

export interface SlotList {
  date: string;
  hours: DayHours;
  minutes: number;
  /** Every slot of the day; a slot already past, or full, is not free. */
  slots: { time: string; free: boolean }[];
}

