import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPageView } from '../../../shared/schema/audit';
import type { AppointmentDay, AppointmentInfo, SlotList } from '../../../shared/schema/appointments';
import type { CaseDetail, TodaySummary } from '../../../shared/schema/case-api';
import { intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/** Issue 13 point 2: appointments as records, through the channels, on a real core and database. */
describe('appointments', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  const as = (role: keyof typeof accounts) => t.ok('auth.signIn', accounts[role]);
  let n = 0;
  const newCase = async (): Promise<CaseDetail> => {
    n++;
    return t.ok<CaseDetail>('case.create', { intake: intakeWith({ nameAsWritten: `Amara Diallo ${'I'.repeat(n)}`, nameLatin: `Amara Diallo ${'I'.repeat(n)}`, dateOfBirth: '1984-03-07', nationality: 'GIN' }, 'walk_in', '2026-11-23') });
  };
  const issues = (r: Awaited<ReturnType<TestCore['call']>>) => (r.ok ? 'ok' : (r.error.issues?.map((i) => [i.path.join('.'), i.messageKey]) ?? r.error.messageKey));

  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    // Monday 23 November 2026, 09:00 in Mississauga.
    t.clock.now = new Date('2026-11-23T14:00:00Z');
  });
  afterAll(() => t.dispose());

  it('books within office hours on a working day, never in the past, with clear messages per field', async () => {
    await as('front_counter');
    const c = await newCase();
    for (const [date, time, path, key] of [
      ['2026-11-20', '10:00', 'date', 'appointments.error.pastDay'],
      ['2026-11-23', '08:30', 'time', 'appointments.error.pastTime'],
      ['2026-11-28', '10:00', 'date', 'appointments.error.closedDay'],
      ['2026-12-25', '10:00', 'date', 'appointments.error.closedDay'],
      ['2026-11-24', '16:00', 'time', 'appointments.error.hours'],
      ['2026-11-24', '09:45', 'time', 'appointments.error.hours'],
    ] as const) {
      expect(issues(await t.call('appointment.book', { caseId: c.id, date, time, kind: 'interview' }))).toEqual([[path, key]]);
    }
    expect(await t.ok<AppointmentInfo[]>('appointment.forCase', { caseId: c.id })).toEqual([]);
    const booked = await t.ok<AppointmentInfo[]>('appointment.book', { caseId: c.id, date: '2026-11-24', time: '10:00', kind: 'interview' });
    expect(booked).toMatchObject([{ date: '2026-11-24', time: '10:00', timeZone: 'America/Toronto', minutes: 30, status: 'booked', bookedByName: 'Test front_counter' }]);
    // The slot is now taken, for anyone; a second booking for the same case is refused (move it instead).
    const other = await newCase();
    expect(issues(await t.call('appointment.book', { caseId: other.id, date: '2026-11-24', time: '10:00', kind: 'interview' }))).toEqual([['time', 'appointments.error.taken']]);
    expect(issues(await t.call('appointment.book', { caseId: c.id, date: '2026-11-25', time: '10:00', kind: 'interview' }))).toBe('appointments.error.alreadyBooked');
    const slots = await t.ok<SlotList>('appointment.slots', { date: '2026-11-24' });
    expect(slots.slots.find((s) => s.time === '10:00')).toEqual({ time: '10:00', free: false });
    expect(slots.slots.filter((s) => s.free)).toHaveLength(15);
  });

  it('a reschedule keeps the old booking as rescheduled and links the new one; the day view lists the new one in time order', async () => {
    await as('interview_officer');
    const c = await newCase();
    const [first] = await t.ok<AppointmentInfo[]>('appointment.book', { caseId: c.id, date: '2026-11-26', time: '14:00', kind: 'interview' });
    // Moving it onto its own slot is not "taken"; moving it to a closed day is refused and changes nothing.
    expect(issues(await t.call('appointment.reschedule', { appointmentId: first!.id, date: '2026-11-29', time: '10:00' }))).toEqual([['date', 'appointments.error.closedDay']]);
    const history = await t.ok<AppointmentInfo[]>('appointment.reschedule', { appointmentId: first!.id, date: '2026-11-26', time: '09:00' });
    expect(history.map((a) => [a.time, a.status])).toEqual([
      ['14:00', 'rescheduled'],
      ['09:00', 'booked'],
    ]);
    const [old, moved] = history;
    expect(moved!.rescheduledFromId).toBe(old!.id);
    expect(old!.rescheduledToId).toBe(moved!.id);
    expect(old!.statusByName).toBe('Test interview_officer');
    // The old booking is history: it cannot be moved or checked in again.
    expect(issues(await t.call('appointment.reschedule', { appointmentId: old!.id, date: '2026-11-27', time: '09:00' }))).toBe('appointments.error.already.rescheduled');
    await t.ok('appointment.book', { caseId: (await newCase()).id, date: '2026-11-26', time: '08:00', kind: 'follow_up' });
    const day = await t.ok<AppointmentDay>('appointment.day', { date: '2026-11-26' });
    expect(day.hours).toEqual({ opens: '08:00', closes: '16:00' });
    expect(day.appointments.map((a) => [a.time, a.status, a.kind])).toEqual([
      ['08:00', 'booked', 'follow_up'],
      ['09:00', 'booked', 'interview'],
    ]);
    expect(day.appointments[1]).toMatchObject({ caseNumber: c.caseNumber, principalNameLatin: c.intake.persons[0]!.nameLatin });
    expect((await t.ok<CaseDetail>('case.get', { caseId: c.id })).appointmentAt).toBe('2026-11-26T09:00');
  });

  it('check-in on the day, no-show once the time has passed, cancel; each audited with the case and the booking', async () => {
    await as('front_counter');
    const a = await newCase();
    const b = await newCase();
    const [ba] = await t.ok<AppointmentInfo[]>('appointment.book', { caseId: a.id, date: '2026-11-23', time: '09:30', kind: 'interview' });
    const [bb] = await t.ok<AppointmentInfo[]>('appointment.book', { caseId: b.id, date: '2026-11-23', time: '11:00', kind: 'interview' });
    expect(issues(await t.call('appointment.noShow', { appointmentId: ba!.id }))).toBe('appointments.error.noShowEarly');
    const arrived = await t.ok<AppointmentInfo[]>('appointment.checkIn', { appointmentId: ba!.id });
    expect(arrived[0]).toMatchObject({ status: 'checked_in', statusByName: 'Test front_counter' });
    t.clock.advanceMinutes(150); // 11:30 (the idle lock has come down meanwhile)
    await as('front_counter');
    expect((await t.ok<AppointmentInfo[]>('appointment.noShow', { appointmentId: bb!.id }))[0]!.status).toBe('no_show');
    expect(issues(await t.call('appointment.checkIn', { appointmentId: bb!.id }))).toBe('appointments.error.already.no_show');
    const c = await newCase();
    const [bc] = await t.ok<AppointmentInfo[]>('appointment.book', { caseId: c.id, date: '2026-11-30', time: '10:00', kind: 'interview' });
    expect(issues(await t.call('appointment.checkIn', { appointmentId: bc!.id }))).toBe('appointments.error.checkInDay');
    expect((await t.ok<AppointmentInfo[]>('appointment.cancel', { appointmentId: bc!.id, reason: 'Called to say they are ill' }))[0]).toMatchObject({ status: 'cancelled', reason: 'Called to say they are ill' });
    // The freed slot can be booked again.
    await t.ok('appointment.book', { caseId: c.id, date: '2026-11-30', time: '10:00', kind: 'interview' });

    await as('supervisor');
    const audit = (await t.ok<AuditPageView>('audit.list', { action: 'appointment.*', limit: 500 })).rows.map((r) => ({ action: r.action, caseId: r.caseId, outcome: r.outcome, detail: r.detail }));
    expect(audit).toContainEqual({ action: 'appointment.noShow', caseId: b.id, outcome: 'ok', detail: `appointment=${bb!.id}` });
    expect(audit).toContainEqual({ action: 'appointment.checkIn', caseId: a.id, outcome: 'ok', detail: `appointment=${ba!.id}` });
    expect(audit).toContainEqual({ action: 'appointment.noShow', caseId: a.id, outcome: 'error', detail: `appointment=${ba!.id}` });
  });

  it("today's appointments in time order on the Today screen, with their status; a clerk gets none and cannot call the channels", async () => {
    await as('front_counter');
    const today = await t.ok<TodaySummary>('today.summary', {});
    expect(today.appointments.map((a) => [a.time, a.status])).toEqual([
      ['09:30', 'checked_in'],
      ['11:00', 'no_show'],
    ]);
    await as('clerk');
    expect((await t.ok<TodaySummary>('today.summary', {})).appointments).toEqual([]);
    const r = await t.call('appointment.day', { date: '2026-11-23' });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
  });

  it('hand-over at the counter books the appointment; a second hand-over moves it and keeps the history; a withdrawn case cannot book', async () => {
    await as('front_counter');
    const c = await newCase();
    const bad = await t.call('case.screen', { caseId: c.id, baseVersion: c.version, handover: { kind: 'appointment', at: '2026-11-28T10:00' } });
    expect(issues(bad)).toEqual([['handover.at', 'appointments.error.closedDay']]);
    const s1 = await t.ok<CaseDetail>('case.screen', { caseId: c.id, baseVersion: c.version, handover: { kind: 'appointment', at: '2026-11-27T13:00' } });
    expect(s1.appointmentAt).toBe('2026-11-27T13:00');
    const s2 = await t.ok<CaseDetail>('case.screen', { caseId: c.id, baseVersion: s1.version, handover: { kind: 'appointment', at: '2026-11-27T13:30' } });
    expect(s2.appointmentAt).toBe('2026-11-27T13:30');
    expect((await t.ok<AppointmentInfo[]>('appointment.forCase', { caseId: c.id })).map((a) => [a.time, a.status])).toEqual([
      ['13:30', 'booked'],
      ['13:00', 'rescheduled'],
    ]);
    await as('interview_officer');
    const w = await t.ok<CaseDetail>('case.withdraw', { caseId: c.id, baseVersion: s2.version, date: '2026-11-23' });
    expect(w.status).toBe('withdrawn');
    const [current] = await t.ok<AppointmentInfo[]>('appointment.forCase', { caseId: c.id });
    expect(issues(await t.call('appointment.reschedule', { appointmentId: current!.id, date: '2026-11-27', time: '14:00' }))).toBe('appointments.error.caseClosed');
  });
});
