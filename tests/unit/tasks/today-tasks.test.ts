import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, TaskList } from '../../../shared/schema/case-api';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { caseIn, stageOf } from '../case/support';

/**
 * "What needs me today" through the real core: cases referred, acknowledged, booked, departed and
 * followed up at known dates (the test clock moved to each), and the office calendar with its
 * holidays (Good Friday 26 March and Easter Monday 29 March 2027). Today is Wednesday 31 March 2027.
 */
const TODAY = '2027-03-31';

describe('today.tasks', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  const label = new Map<string, string>();
  let list: TaskList;

  let who: { username: string; password: string };
  /** The clock at 11:00 in Toronto on that office date (signed in again: the move would lock the screen). */
  const at = async (date: string) => {
    t.clock.now = new Date(`${date}T15:00:00Z`);
    await t.ok('auth.signIn', who);
  };
  const signIn = async (as: { username: string; password: string }) => {
    who = as;
    await t.ok('auth.signIn', as);
  };
  const referredOn = async (name: string, date: string) => {
    await at(date);
    const c = await caseIn(t, 'referred');
    label.set(c.id, name);
    return c;
  };
  const stage = async (c: CaseDetail, occurredOn: string, s: Record<string, unknown>) =>
    t.ok<CaseDetail>('stage.record', { caseId: c.id, baseVersion: c.version, occurredOn, source: 'iom_email', stage: s });
  const documents = (c: CaseDetail, expiryDate: string) => ({
    action: 'recordTravelDocument',
    outcome: 'issued',
    documents: c.intake.persons.map((p) => ({ personId: p.id, type: 'emergency_travel_document', number: `ETD${p.id.slice(0, 6)}`, expiryDate })),
  });
  const flight = (flightDate: string) => ({ action: 'bookFlight', flightDate, departureAirport: 'YYZ', itineraryReference: 'TK-018' });
  /** Referred, acknowledged, counselled, documents issued and a flight booked on the four days after. */
  const booked = async (name: string, ref: string, days: [string, string, string, string], expiry: string, flightDate: string) => {
    let c = await referredOn(name, ref);
    await at(TODAY);
    c = await stage(c, days[0], stageOf(c, 'acknowledge'));
    c = await stage(c, days[1], { action: 'counsel' });
    c = await stage(c, days[2], documents(c, expiry));
    return stage(c, days[3], flight(flightDate));
  };
  const arrived = async (name: string) => {
    let c = await booked(name, '2026-11-23', ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'], '2028-01-01', '2026-12-10');
    c = await stage(c, '2026-12-10', stageOf(c, 'confirmDeparture'));
    return stage(c, '2026-12-11', { action: 'confirmArrival' });
  };
  const rows = (l: TaskList) => l.tasks.map((x) => `${label.get(x.caseId)} ${x.kind} ${x.dueOn} ${x.daysOverdue} ${x.messageKey}`);

  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    who = accounts.supervisor;
    await t.ok('certificate.generateSelfSigned', {});

    // F and G arrived on 11 December 2026; G was followed up on 15 January.
    await arrived('F');
    let g = await arrived('G');
    g = await stage(g, '2026-12-20', { action: 'agreePlan' });
    await stage(g, '2027-01-15', { action: 'recordFollowUp', notes: 'Reached by phone.' });
    // H: a flight on 15 March booked by mistake and corrected: no departure to confirm, but still no flight.
    const h = await booked('H', '2027-01-04', ['2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'], '2028-01-01', '2027-03-15');
    await t.ok('stage.correct', { caseId: h.id, baseVersion: h.version, entryId: h.stages.at(-1)!.id, reason: 'This booking was for another family.' });

    // D: flight on 29 March not confirmed; documents expire on 20 April (within 30 days).
    await booked('D', '2027-01-04', ['2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'], '2027-04-20', '2027-03-29');
    // E: documents expire on 15 June, before the flight on 20 June.
    await booked('E', '2027-01-04', ['2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'], '2027-06-15', '2027-06-20');
    // C: acknowledged, no flight 21 days after the referral of 1 March.
    const c = await referredOn('C', '2027-03-01');
    await at(TODAY);
    await stage(c, '2027-03-02', stageOf(c, 'acknowledge'));
    // A: referred Tuesday 23 March: 3 working days (Good Friday and Easter Monday skipped) end on Tuesday 30.
    await referredOn('A', '2027-03-23');
    // B: referred Thursday 25 March: the 3 working days end on Thursday 1 April (without the holidays: Tuesday 30).
    await referredOn('B', '2027-03-25');
    // W: withdrawn after referral long ago: no task.
    const w = await referredOn('W', '2027-01-04');
    await at(TODAY);
    await t.ok('case.withdraw', { caseId: w.id, baseVersion: w.version, date: '2027-01-10' });

    // K: referred by the interview officer on Monday 1 March, never acknowledged.
    await signIn(accounts.interview_officer);
    await referredOn('K', '2027-03-01');
    await signIn(accounts.supervisor);
    await at(TODAY);
    list = await t.ok<TaskList>('today.tasks', {});
  }, 120_000);
  afterAll(() => t.dispose());

  it('a supervisor sees exactly the expected tasks, most overdue first, holidays counted', () => {
    expect(list.today).toBe(TODAY);
    expect(list.scope).toBe('everyone');
    expect(rows(list)).toEqual([
      'H flight_not_booked 2027-01-25 65 tasks.kind.flight_not_booked',
      'K acknowledgement_overdue 2027-03-04 27 tasks.kind.acknowledgement_overdue',
      'F follow_up_due 2027-03-11 20 tasks.kind.follow_up_due.since_arrival',
      ...['C', 'K'].sort((a, b) => caseNumberOf(a).localeCompare(caseNumberOf(b))).map((x) => `${x} flight_not_booked 2027-03-22 9 tasks.kind.flight_not_booked`),
      'D departure_unconfirmed 2027-03-29 2 tasks.kind.departure_unconfirmed',
      'A acknowledgement_overdue 2027-03-30 1 tasks.kind.acknowledgement_overdue',
      'D travel_document_expiring 2027-04-20 -20 tasks.kind.travel_document_expiring.soon',
      'E travel_document_expiring 2027-06-15 -76 tasks.kind.travel_document_expiring.before_flight',
    ]);
    expect(list.total).toBe(list.tasks.length);
    const a = list.tasks.find((x) => label.get(x.caseId) === 'A')!;
    expect(a).toMatchObject({ section: 'stages', principalNameAsWritten: expect.any(String), params: { referredOn: '2027-03-23', days: 3, dueOn: '2027-03-30' } });
    expect(a.caseNumber).toMatch(/^AVRR-2027-\d{6}$/);
  });

  it('an officer sees the tasks of the cases they referred or updated; front counter and clerks have none to ask for', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const mine = await t.ok<TaskList>('today.tasks', {});
    expect(mine.scope).toBe('mine');
    expect(rows(mine).map((r) => r.split(' ').slice(0, 2).join(' '))).toEqual(['K acknowledgement_overdue', 'K flight_not_booked']);
    for (const role of ['front_counter', 'clerk'] as const) {
      await t.ok('auth.signIn', accounts[role]);
      const r = await t.call('today.tasks', {});
      expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
    }
    await t.ok('auth.signIn', accounts.supervisor);
  });

  it('the next day: B is due, A one day more, and a follow-up recorded clears its task', async () => {
    await at('2027-04-02');
    const next = await t.ok<TaskList>('today.tasks', {});
    expect(rows(next).filter((r) => r.includes('acknowledgement')).map((r) => r.split(' ').slice(0, 4).join(' '))).toEqual([
      'K acknowledgement_overdue 2027-03-04 29',
      'A acknowledgement_overdue 2027-03-30 3',
      'B acknowledgement_overdue 2027-04-01 1',
    ]);
    const f = next.tasks.find((x) => label.get(x.caseId) === 'F' && x.kind === 'follow_up_due')!;
    const fc = await t.ok<CaseDetail>('case.get', { caseId: f.caseId });
    await stage(fc, '2027-04-01', { action: 'recordFollowUp', notes: 'Visited at home.' });
    const after = await t.ok<TaskList>('today.tasks', {});
    expect(after.tasks.some((x) => x.caseId === f.caseId)).toBe(false);
    await at(TODAY);
  });

  function caseNumberOf(name: string): string {
    for (const [id, n] of label) if (n === name) return list.tasks.find((x) => x.caseId === id)?.caseNumber ?? '';
    return '';
  }
});
