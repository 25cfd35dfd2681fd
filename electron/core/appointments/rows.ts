import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { caseStatus } from '../../../shared/schema/case';
import { appointmentKind, appointmentStatus } from '../../../shared/schema/appointments';
import type { AppointmentInfo, AppointmentStatus, DayAppointment } from '../../../shared/schema/appointments';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { appointments, cases, persons, users } from '../db/schema';

/**
 * The `appointments` table: its reads and its writes, inside the caller's transaction. Kind and
 * status are parsed with their zod enums as read. Rows are never deleted; a status changes once,
 * from booked.
 */

export type AppointmentRow = typeof appointments.$inferSelect;

/** The statuses that hold a slot (a cancelled, moved or missed booking frees it). */
export const HOLDING: readonly AppointmentStatus[] = ['booked', 'checked_in'];

const bookedBy = aliasedTable(users, 'booked_by_user');
const statusBy = aliasedTable(users, 'status_by_user');
const next = aliasedTable(appointments, 'next_appointment');

const infoSelection = {
  a: appointments,
  bookedByName: bookedBy.displayName,
  statusByName: statusBy.displayName,
  rescheduledToId: next.id,
};

function toInfo(r: { a: AppointmentRow; bookedByName: string | null; statusByName: string | null; rescheduledToId: string | null }): AppointmentInfo {
  const a = r.a;
  return {
    id: a.id,
    caseId: a.caseId,
    date: a.localDate,
    time: a.localTime,
    timeZone: a.timeZone,
    minutes: a.minutes,
    kind: appointmentKind.parse(a.kind),
    status: appointmentStatus.parse(a.status),
    bookedAt: a.bookedAt,
    bookedByName: r.bookedByName,
    statusAt: a.statusAt,
    statusByName: r.statusByName,
    rescheduledFromId: a.rescheduledFromId,
    rescheduledToId: r.rescheduledToId,
    reason: a.reason,
  };
}

const withNames = (db: Db) =>
  db
    .select(infoSelection)
    .from(appointments)
    .leftJoin(bookedBy, eq(bookedBy.id, appointments.bookedBy))
    .leftJoin(statusBy, eq(statusBy.id, appointments.statusBy))
    .leftJoin(next, eq(next.rescheduledFromId, appointments.id));

/** One booking, or not_found. */
export function appointmentRow(db: Db, id: string): AppointmentRow {
  const row = db.select().from(appointments).where(eq(appointments.id, id)).get();
  if (!row) throw new IpcFailure(ipcError('not_found'));
  return row;
}

/** A case's bookings, newest date first (its history: moved, cancelled, missed, kept). */
export function caseAppointments(db: Db, caseId: string): AppointmentInfo[] {
  return withNames(db).where(eq(appointments.caseId, caseId)).orderBy(desc(appointments.localDate), desc(appointments.localTime), desc(appointments.bookedAt)).all().map(toInfo);
}

/** The case's booking still to come or under way (booked or checked in), the latest if several. */
export function currentAppointment(db: Db, caseId: string): AppointmentRow | undefined {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.caseId, caseId), inArray(appointments.status, [...HOLDING])))
    .orderBy(desc(appointments.localDate), desc(appointments.localTime))
    .get();
}

/** A day's bookings in time order with their case and principal, moved ones left out (their new booking is listed). */
export function dayAppointments(db: Db, date: string): DayAppointment[] {
  const infos = withNames(db)
    .where(and(eq(appointments.localDate, date), ne(appointments.status, 'rescheduled')))
    .orderBy(asc(appointments.localTime), asc(appointments.bookedAt))
    .all()
    .map(toInfo);
  const caseIds = [...new Set(infos.map((a) => a.caseId))];
  if (caseIds.length === 0) return [];
  const facts = new Map(
    db
      .select({ id: cases.id, caseNumber: cases.caseNumber, caseStatus: cases.status, principalNameAsWritten: persons.nameAsWritten, principalNameLatin: persons.nameLatin })
      .from(cases)
      .innerJoin(persons, and(eq(persons.caseId, cases.id), eq(persons.position, 0)))
      .where(inArray(cases.id, caseIds))
      .all()
      .map((c) => [c.id, c] as const),
  );
  return infos.flatMap((a) => {
    const c = facts.get(a.caseId);
    return c ? [{ ...a, caseNumber: c.caseNumber, caseStatus: caseStatus.parse(c.caseStatus), principalNameAsWritten: c.principalNameAsWritten, principalNameLatin: c.principalNameLatin }] : [];
  });
}

/** How many bookings hold each slot of a day (`excluding` one being moved). */
export function takenSlots(db: Db, date: string, excluding?: string): Map<string, number> {
  const rows = db
    .select({ time: appointments.localTime, n: count() })
    .from(appointments)
    .where(and(eq(appointments.localDate, date), inArray(appointments.status, [...HOLDING]), excluding ? ne(appointments.id, excluding) : undefined))
    .groupBy(appointments.localTime)
    .all();
  return new Map(rows.map((r) => [r.time, r.n]));
}

export function insertAppointment(db: Db, row: typeof appointments.$inferInsert): void {
  db.insert(appointments).values(row).run();
}

/** Change a booked appointment's status; refused as a conflict if it changed meanwhile. */
export function setAppointmentStatus(db: Db, id: string, status: AppointmentStatus, w: { at: string; by: string }, reason?: string | null): void {
  const r = db
    .update(appointments)
    .set({ status, statusAt: w.at, statusBy: w.by, ...(reason !== undefined ? { reason } : {}) })
    .where(and(eq(appointments.id, id), eq(appointments.status, 'booked')))
    .run();
  if (r.changes !== 1) throw new IpcFailure(ipcError('conflict'));
}

/** No-shows on office dates from `from` to `to` (both included): for the reports. */
export function countNoShows(db: Db, from: string, to: string): number {
  const row = db
    .select({ n: count() })
    .from(appointments)
    .where(and(eq(appointments.status, 'no_show'), gte(appointments.localDate, from), lte(appointments.localDate, to)))
    .get();
  return row?.n ?? 0;
}
