import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countNoShows, insertAppointment } from '../../../electron/core/appointments/rows';
import { openEncryptedDatabase, sourceMigrationsDir } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { todaySummary } from '../../../electron/core/today/service';
import { DEFAULT_OFFICE_TIME_ZONE, officeClock } from '../../../shared/time/office-time';
import { makeDataDir, randomKey, removeDataDir } from '../db/helpers';

/**
 * Issue 13 point 2, the defect: a case started at the counter today with an appointment dated in
 * the past (typed before appointments were checked, or kept from before this table) was listed
 * under "Walk-ins waiting" on the Today screen, as if nobody had handed it over.
 */

// Monday 23 November 2026, 11:00 in Mississauga.
const NOW = new Date('2026-11-23T16:00:00Z');
const clock = officeClock(() => NOW, DEFAULT_OFFICE_TIME_ZONE);
const USER = '00000000-0000-4000-8000-000000000001';
const CASE = '00000000-0000-4000-8000-0000000000c1';

let dir: string | null = null;
let open: OpenDatabase | null = null;
afterEach(() => {
  open?.close();
  open = null;
  if (dir) removeDataDir(dir);
  dir = null;
});

/** The migrations before appointments were records (0000-0016), in a folder of their own. */
function migrationsBeforeAppointments(root: string): string {
  const out = join(root, 'migrations-0016');
  cpSync(sourceMigrationsDir, out, { recursive: true });
  const journalFile = join(out, 'meta', '_journal.json');
  const journal: { entries: { tag: string }[] } = JSON.parse(readFileSync(journalFile, 'utf8'));
  const upTo = journal.entries.findIndex((e) => e.tag === '0016_cases_id_version');
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo + 1) }));
  return out;
}

/** A walk-in case started today at the counter, screened, with its principal. */
function insertWalkIn(o: OpenDatabase, extra: Record<string, string> = {}): void {
  const cols = { id: CASE, case_number: 'AVRR-2026-000001', status: 'screened', channel: 'walk_in', created_at: NOW.toISOString(), created_by: USER, updated_at: NOW.toISOString(), updated_by: USER, ...extra };
  o.sqlite.prepare(`INSERT INTO cases (${Object.keys(cols).join(', ')}) VALUES (${Object.keys(cols).map(() => '?').join(', ')})`).run(...Object.values(cols));
  o.sqlite
    .prepare(`INSERT INTO persons (id, case_id, position, relationship, name_as_written, name_latin, date_of_birth, nationality, search_text) VALUES (?, ?, 0, 'principal', 'Amara Diallo', 'Amara Diallo', '1984-03-07', 'GIN', 'amara diallo')`)
    .run('00000000-0000-4000-8000-0000000000b1', CASE);
}

describe('a past-dated appointment is not a walk-in waiting', () => {
  it('kept from before appointments were records: the migration makes it a booking, and Today lists it under no walk-ins', () => {
    dir = makeDataDir('appt-legacy');
    const file = join(dir, 'avrr.db');
    const key = randomKey();
    const before = openEncryptedDatabase(file, key, { migrationsDir: migrationsBeforeAppointments(dir) });
    insertWalkIn(before, { appointment_at: '2026-11-20T09:30' });
    before.close();

    open = openEncryptedDatabase(file, key);
    const today = todaySummary(open, USER, clock, { appointments: true });
    expect(today.walkIns).toEqual([]);
    expect(open.sqlite.prepare('SELECT case_id AS caseId, local_date AS date, local_time AS time, time_zone AS zone, kind, status FROM appointments').all()).toEqual([
      { caseId: CASE, date: '2026-11-20', time: '09:30', zone: 'America/Toronto', kind: 'interview', status: 'booked' },
    ]);
    // The case row no longer holds a second copy of the appointment.
    expect(open.sqlite.prepare(`SELECT count(*) AS n FROM pragma_table_info('cases') WHERE name = 'appointment_at'`).get()).toEqual({ n: 0 });
  });

  it('a booking dated before today (written past the checks) keeps the case out of the walk-ins; a cancelled one does not', () => {
    dir = makeDataDir('appt-past');
    open = openEncryptedDatabase(join(dir, 'avrr.db'), randomKey());
    insertWalkIn(open);
    expect(todaySummary(open, USER, clock, { appointments: true }).walkIns.map((c) => c.id)).toEqual([CASE]);
    const row = { caseId: CASE, localDate: '2026-11-20', localTime: '09:30', timeZone: DEFAULT_OFFICE_TIME_ZONE, minutes: 30, kind: 'interview', bookedAt: NOW.toISOString(), bookedBy: USER };
    insertAppointment(open.db, { ...row, id: '00000000-0000-4000-8000-0000000000a1', status: 'cancelled' });
    expect(todaySummary(open, USER, clock, { appointments: true }).walkIns.map((c) => c.id)).toEqual([CASE]);
    insertAppointment(open.db, { ...row, id: '00000000-0000-4000-8000-0000000000a2', status: 'no_show' });
    const today = todaySummary(open, USER, clock, { appointments: true });
    expect(today.walkIns).toEqual([]);
    // Nor is it one of today's appointments: it was on Friday.
    expect(today.appointments).toEqual([]);
    // Counted for the reports by the office date of the appointment.
    expect(countNoShows(open.db, '2026-11-20', '2026-11-20')).toBe(1);
    expect(countNoShows(open.db, '2026-11-21', '2026-11-30')).toBe(0);
  });
});
