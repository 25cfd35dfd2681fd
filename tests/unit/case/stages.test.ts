import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistanceSummary } from '../../../shared/case/assistance';
import { caseStatuses, transition } from '../../../shared/case/lifecycle';
import { inForce } from '../../../shared/case/stages';
import { caseClock } from '../../../shared/case/timeline';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { intakeDocument } from '../../../shared/schema/intake';
import type { StageDetails, StageEntry } from '../../../shared/schema/stages';
import { checkStage } from '../../../electron/core/stages/check';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { caseIn, recordStage, stageOf } from './support';

/** The stages after referral through the real core: order, dates, corrections, exits, assistance. */
describe('stages after referral', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = makeCore();
    await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
  });
  afterAll(() => t.dispose());
  const stage = (c: CaseDetail, s: Record<string, unknown>, occurredOn = '2026-11-21') =>
    t.call('stage.record', { caseId: c.id, baseVersion: c.version, occurredOn, source: 'iom_email', stage: s });

  it('refuses a stage out of order, dated before the one it follows, or in the future, and changes nothing', async () => {
    let c = await caseIn(t, 'referred');
    const early = await stage(c, stageOf(c, 'bookFlight'));
    expect(early.ok ? 'ok' : early.error.messageKey).toBe('lifecycle.refused.stage_order');
    c = await recordStage(t, c, stageOf(c, 'acknowledge'));
    const before = await stage(c, { action: 'counsel' }, '2026-11-20');
    expect(before.ok ? 'ok' : before.error.issues).toEqual([{ path: ['occurredOn'], messageKey: 'validation.stage_before_previous', params: { date: '2026-11-21' } }]);
    const future = await stage(c, { action: 'counsel' }, '2026-11-22');
    expect(future.ok ? 'ok' : future.error.issues?.map((i) => i.messageKey)).toEqual(['validation.date_in_future']);
    const again = await t.ok<CaseDetail>('case.get', { caseId: c.id });
    expect([again.status, again.version, again.stages.length]).toEqual(['acknowledged', c.version, 1]);
  });

  it('a stage recorded by mistake is corrected by an entry with a reason: the history keeps both, the case goes back', async () => {
    let c = await caseIn(t, 'flight_booked');
    const booked = c.stages.at(-1)!;
    const wrong = await t.call('stage.correct', { caseId: c.id, baseVersion: c.version, entryId: c.stages[0]!.id, reason: 'Typed on the wrong case.' });
    expect(wrong.ok ? 'ok' : wrong.error.issues?.map((i) => i.messageKey)).toEqual(['validation.correct_latest_only']);
    c = await t.ok<CaseDetail>('stage.correct', { caseId: c.id, baseVersion: c.version, entryId: booked.id, reason: 'The booking was for another family.' });
    expect(c.status).toBe('ready_to_book');
    expect(c.stages.length).toBe(5);
    expect(c.stages.find((e) => e.id === booked.id)?.correctedBy).toBe(c.stages.at(-1)!.id);
    expect(c.stages.at(-1)).toMatchObject({ stage: { action: 'correctStage' }, correctsId: booked.id, reason: 'The booking was for another family.', statusBefore: 'flight_booked', statusAfter: 'ready_to_book' });
    expect(inForce(c.stages).map((e) => e.stage.action)).toEqual(['acknowledge', 'counsel', 'recordTravelDocument']);
    // Booked again, correctly.
    c = await recordStage(t, c, stageOf(c, 'bookFlight'));
    expect(c.status).toBe('flight_booked');
  });

  it('a stage that keeps the status (a follow-up) can be corrected too', async () => {
    let c = await caseIn(t, 'arrived');
    c = await recordStage(t, c, stageOf(c, 'recordFollowUp'));
    c = await t.ok<CaseDetail>('stage.correct', { caseId: c.id, baseVersion: c.version, entryId: c.stages.at(-1)!.id, reason: 'The call was with another family.' });
    expect([c.status, inForce(c.stages).at(-1)?.stage.action]).toEqual(['arrived', 'confirmArrival']);
  });

  it('every side exit is possible before departure, and a no-show ends the case with its reason', async () => {
    for (const [status, action, to] of [
      ['referred', 'iomDecline', 'iom_declined'],
      ['counselled', 'iomDecline', 'iom_declined'],
      ['ready_to_book', 'noShow', 'did_not_depart'],
      ['flight_booked', 'noShow', 'did_not_depart'],
    ] as const) {
      const c = await caseIn(t, status);
      const done = await recordStage(t, c, stageOf(c, action));
      expect([done.status, done.stages.at(-1)?.reason]).toEqual([to, 'The person did not come to the airport.']);
    }
    const refused = await caseIn(t, 'travel_document_refused');
    expect(refused.status).toBe('travel_document_refused');
    const withdrawing = await caseIn(t, 'arrived');
    const w = await t.ok<CaseDetail>('case.withdraw', { caseId: withdrawing.id, baseVersion: withdrawing.version, date: '2026-11-21' });
    expect(w.status).toBe('withdrawn');
  }, 60_000);

  it('assistance: delivered above a person\'s maximum is refused; family totals add up', async () => {
    let c = await caseIn(t, 'reintegration', familyIntake(syrianFamily));
    const [a, b, child] = c.intake.persons.map((p) => p.id);
    const over = await stage(c, { action: 'recordAssistance', entries: [{ personId: a, category: 'housing', committedCad: 1500, deliveredCad: 500 }, { personId: a, category: 'material', committedCad: 600, deliveredCad: 0 }] });
    expect(over.ok ? 'ok' : over.error.issues).toEqual([{ path: ['stage', 'entries', 0, 'committedCad'], messageKey: 'validation.assistance_over_max', params: { max: 2000, total: 2100 } }]);
    const notCommitted = await stage(c, { action: 'recordAssistance', entries: [{ personId: b, category: 'housing', committedCad: 100, deliveredCad: 200 }] });
    expect(notCommitted.ok ? 'ok' : notCommitted.error.issues?.map((i) => i.messageKey)).toEqual(['validation.assistance_delivered_over_committed']);
    c = await recordStage(t, c, { action: 'recordAssistance', entries: [{ personId: a, category: 'housing', committedCad: 1500, deliveredCad: 500 }, { personId: b, category: 'small_business', committedCad: 2000, deliveredCad: 0 }] });
    // A later report updates a figure (IOM reports the figures so far), it does not add to it.
    c = await recordStage(t, c, { action: 'recordAssistance', entries: [{ personId: a, category: 'housing', committedCad: 1500, deliveredCad: 1500 }, { personId: child, category: 'training', committedCad: 400, deliveredCad: 400 }] });
    const s = assistanceSummary(c);
    expect(s.persons.map((p) => [p.committedCad, p.deliveredCad, p.maxCad])).toEqual([[1500, 1500, 2000], [2000, 0, 2000], [400, 400, 2000]]);
    expect(s.family).toEqual({ maxCad: 6000, committedCad: 3900, deliveredCad: 1900 });
  });

  it('the 30-day clock counts from the intake, in plain words', async () => {
    const c = await caseIn(t, 'flight_booked');
    expect(caseClock(c, '2026-11-21')).toMatchObject({ intakeOn: '2026-11-21', aimDays: 30, aimOn: '2026-12-21', state: 'on_track', message: { key: 'clock.on_track', params: { days: 30 } } });
    expect(caseClock(c, '2026-12-16').state).toBe('due_soon');
    expect(caseClock(c, '2026-12-30').message).toEqual({ key: 'clock.overdue', params: { days: 9, aim: 30, date: '2026-12-21' } });
    const departed = await recordStage(t, c, stageOf(c, 'confirmDeparture'));
    expect(caseClock(departed, '2027-03-01')).toMatchObject({ state: 'met', elapsedDays: 0, steps: [{ step: 'decision', days: 0 }, { step: 'referral', days: 0 }, { step: 'departure', days: 0 }] });
  });
});

/**
 * stages/check.ts `checkStage`: the one rule both stage.record and the IOM file import ask (the
 * parity test in tests/unit/iom-import shows the two agree end to end). Pure: no core here.
 */
describe('checkStage, the rule behind every stage recorded', () => {
  const TODAY = '2026-11-21';
  const samples: StageDetails[] = [
    { action: 'acknowledge', iomReference: 'IOM-1' },
    { action: 'counsel' },
    { action: 'recordTravelDocument', outcome: 'not_needed', documents: [], reason: '' },
    { action: 'recordTravelDocument', outcome: 'requested', documents: [], reason: '' },
    { action: 'recordTravelDocument', outcome: 'refused', documents: [], reason: 'Refused.' },
    { action: 'bookFlight', flightDate: '2026-12-05', departureAirport: 'YYZ', itineraryReference: 'TK-1' },
    { action: 'confirmDeparture', place: 'Pearson' },
    { action: 'noShow', reason: 'Did not come.' },
    { action: 'confirmArrival' },
    { action: 'agreePlan' },
    { action: 'recordFollowUp', notes: 'Called.' },
    { action: 'close' },
    { action: 'iomDecline', reason: 'Outside the mandate.' },
  ];
  const untouched = (): never => {
    throw new Error('the rest of the case was read');
  };
  const entry = (action: 'acknowledge' | 'counsel', occurredOn: string, correctedBy: string | null = null): StageEntry => ({
    id: `${action}-${occurredOn}`,
    seq: 1,
    occurredOn,
    source: 'iom_email',
    stage: action === 'acknowledge' ? { action, iomReference: 'IOM-1' } : { action },
    statusBefore: 'referred',
    statusAfter: 'acknowledged',
    correctsId: null,
    correctedBy,
    reason: null,
    recordedAt: `${occurredOn}T12:00:00.000Z`,
    recordedBy: 'u',
    recordedByName: null,
  });

  it('allows a stage exactly where the table does, to a status the table names, without reading the rest of the case', () => {
    for (const status of caseStatuses) {
      for (const stage of samples) {
        const t = transition(status, stage.action);
        const got = checkStage({ status, stages: [], referredOn: '2026-11-01', rest: untouched }, stage, TODAY, 'interview_officer', TODAY);
        const where = `${stage.action} in ${status}`;
        // Stage actions have no requirements in the table (else the rest of the case would be read).
        expect(t.allowed ? t.requires : [], where).toEqual([]);
        if (t.allowed) {
          expect(got.ok, where).toBe(true);
          if (got.ok) expect(t.next, where).toContain(got.next);
        } else {
          expect(got, where).toEqual({ ok: false, kind: 'lifecycle', verdict: { ok: false, kind: 'status', reason: t.reason } });
        }
        // Without the permission, never.
        expect(checkStage({ status, stages: [], referredOn: null, rest: untouched }, stage, TODAY, 'clerk', TODAY).ok, where).toBe(false);
      }
    }
  });

  it('a date after today first, then the table, then every issue of the date and the facts, the date first', () => {
    const referred = { status: 'referred' as const, stages: [], referredOn: '2026-11-10', rest: untouched };
    // Out of order and in the future: the date is what is said.
    expect(checkStage(referred, { action: 'counsel' }, '2026-11-22', 'supervisor', TODAY)).toEqual({ ok: false, kind: 'issues', issues: [{ path: ['occurredOn'], messageKey: 'validation.date_in_future' }] });
    expect(checkStage(referred, { action: 'counsel' }, '2026-11-05', 'supervisor', TODAY)).toMatchObject({ ok: false, kind: 'lifecycle', verdict: { kind: 'status', reason: 'lifecycle.refused.stage_order' } });
    // Before the referral.
    expect(checkStage(referred, { action: 'acknowledge', iomReference: 'R' }, '2026-11-05', 'supervisor', TODAY)).toEqual({
      ok: false,
      kind: 'issues',
      issues: [{ path: ['occurredOn'], messageKey: 'validation.stage_before_previous', params: { date: '2026-11-10' } }],
    });
    // Before the latest stage in force (a corrected one does not count), with the flight's own issue after it.
    const stages = [entry('acknowledge', '2026-11-12'), entry('counsel', '2026-11-18', 'fix')];
    const booked = checkStage({ status: 'ready_to_book', stages, referredOn: '2026-11-10', rest: untouched }, { action: 'bookFlight', flightDate: '2026-11-10', departureAirport: 'YYZ', itineraryReference: 'T' }, '2026-11-11', 'supervisor', TODAY);
    expect(booked).toEqual({
      ok: false,
      kind: 'issues',
      issues: [
        { path: ['occurredOn'], messageKey: 'validation.stage_before_previous', params: { date: '2026-11-12' } },
        { path: ['stage', 'flightDate'], messageKey: 'validation.flight_before_booking' },
      ],
    });
    expect(checkStage({ status: 'ready_to_book', stages, referredOn: '2026-11-10', rest: untouched }, { action: 'bookFlight', flightDate: '2026-12-01', departureAirport: 'YYZ', itineraryReference: 'T' }, '2026-11-13', 'supervisor', TODAY)).toEqual({ ok: true, next: 'flight_booked' });
  });

  it('reads the persons only for a stage that names them: documents of the case, not expired on the date', () => {
    const intake = intakeDocument.parse(familyIntake(syrianFamily));
    const [p0, p1] = intake.persons.map((p) => p.id);
    let reads = 0;
    const rest = () => {
      reads++;
      return { intake, intakeVersion: 1, decision: null, consentForm: null, consent: null };
    };
    const doc = (personId: string, expiryDate: string) => ({ personId, type: 'passport' as const, number: 'P1', expiryDate });
    const issued = (documents: ReturnType<typeof doc>[]): StageDetails => ({ action: 'recordTravelDocument', outcome: 'issued', documents, reason: '' });
    const c = { status: 'counselled' as const, stages: [], referredOn: '2026-11-10', rest };
    expect(checkStage(c, issued([doc(p0!, '2027-01-01')]), '2026-11-20', 'supervisor', TODAY)).toEqual({ ok: true, next: 'ready_to_book' });
    expect(checkStage(c, issued([doc('nobody', '2027-01-01'), doc(p1!, '2026-11-19')]), '2026-11-20', 'supervisor', TODAY)).toEqual({
      ok: false,
      kind: 'issues',
      issues: [
        { path: ['stage', 'documents', 0, 'personId'], messageKey: 'validation.assistance_person' },
        { path: ['stage', 'documents', 1, 'expiryDate'], messageKey: 'validation.document_expired' },
      ],
    });
    expect(reads).toBe(2);
    checkStage(c, { action: 'recordTravelDocument', outcome: 'requested', documents: [], reason: '' }, '2026-11-20', 'supervisor', TODAY);
    expect(reads).toBe(2);
  });
});
