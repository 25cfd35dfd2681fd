import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineHandlers } from '../../../electron/core/handler-map';
import { verdict } from '../../../shared/case/guard';
import { lifecycle } from '../../../shared/case/lifecycle';
import type { CaseDetail, TodaySummary } from '../../../shared/schema/case-api';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { caseIn, reviewIntake, signersFor } from './support';

/** Regressions of issue 9: each case that the app stranded or got wrong before the lifecycle table. */
describe('cases are never stranded', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
  });
  afterAll(() => t.dispose());
  const as = (role: keyof typeof accounts) => t.ok('auth.signIn', accounts[role]);

  it('an eligible case with empty travel facts cannot be decided: the officer is told what to fill in, by section, never a field path', async () => {
    await as('interview_officer');
    const intake = familyIntake(syrianFamily);
    const c = await t.ok<CaseDetail>('case.create', {
      intake: { ...intake, travel: { countryOfReturn: null, finalDestination: '' }, persons: intake.persons.map((p) => ({ ...p, travelDocument: { status: null, expiryDate: null } })) },
    });
    const r = await t.call('case.decide', { caseId: c.id, baseVersion: c.version });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.messageKey).toBe('lifecycle.blocked');
    expect(r.error.gaps?.map((g) => g.key)).toEqual([
      'lifecycle.gap.country_of_return',
      'lifecycle.gap.final_destination',
      'lifecycle.gap.travel_document',
      'lifecycle.gap.travel_document',
      'lifecycle.gap.travel_document',
    ]);
    expect(new Set(r.error.gaps?.map((g) => g.section))).toEqual(new Set(['travel']));
    expect(r.error.gaps?.[2]?.params).toEqual({ person: 'Mohammed Al-Ahmad' });
    expect(JSON.stringify(r.error)).not.toMatch(/persons\[|travel\.countryOfReturn/);
    // Nor can a consent form be made for it.
    const form = await t.call('consent.generateForm', { caseId: c.id, baseVersion: c.version });
    expect(form.ok ? 'ok' : form.error.messageKey).toBe('lifecycle.refused.decide_first');
  });

  it('an eligible person whose tier facts are unknown is never decided eligible: the claim section is named', async () => {
    await as('interview_officer');
    const intake = familyIntake(syrianFamily);
    const [p0, ...rest] = intake.persons;
    const c = await t.ok<CaseDetail>('case.create', { intake: { ...intake, persons: [{ ...p0!, facts: { ...p0!.facts, federalCourtLeaveApplied: null } }, ...rest] } });
    const r = await t.call('case.decide', { caseId: c.id, baseVersion: c.version });
    expect(r.ok ? [] : r.error.gaps).toEqual([{ key: 'lifecycle.gap.tier', section: 'claim', params: { person: 'Mohammed Al-Ahmad' } }]);
  });

  it('the longest medical notes the intake accepts still make a referral packet', async () => {
    await as('interview_officer');
    const intake = familyIntake(syrianFamily);
    const long = { mobility: 'm'.repeat(500), medicalConditions: 'c'.repeat(2000), shareMedicalWithIom: true, medicalEscort: true, nonMedicalEscort: false };
    const referred = await caseIn(t, 'referred', { ...intake, persons: intake.persons.map((p) => ({ ...p, specialNeeds: long })) });
    expect(referred.status).toBe('referred');
  }, 30_000);

  it('a case a supervisor approves in review goes through consent to referral, with the computed tier kept', async () => {
    await as('interview_officer');
    let c = await caseIn(t, 'under_review');
    expect(c.status).toBe('under_review');
    await as('supervisor');
    const today = await t.ok<TodaySummary>('today.summary', {});
    // The queue says why the case is there: the principal's claim was found manifestly unfounded, so the family's outcomes differ.
    expect(today.review.find((x) => x.id === c.id)?.reviewReasons).toEqual(['R1', 'R2']);
    c = await t.ok<CaseDetail>('case.review', {
      caseId: c.id,
      baseVersion: c.version,
      persons: c.intake.persons.map((p) => ({ personId: p.id, outcome: 'eligible' })),
      reason: 'The claim file shows no fraud: eligible.',
    });
    expect(c.status).toBe('decided');
    expect(c.decision?.review?.persons.map((p) => [p.tier, p.maxAmountCad])).toEqual([['T1', 2000], ['T1', 2000], ['T1', 2000]]);
    await as('interview_officer');
    const form = await t.ok<DocumentInfo>('consent.generateForm', { caseId: c.id, baseVersion: c.version });
    c = await t.ok<CaseDetail>('consent.record', { caseId: c.id, baseVersion: c.version, documentId: form.id, signedOn: '2026-11-20', signers: signersFor(c) });
    c = await t.ok<CaseDetail>('referral.create', { caseId: c.id, baseVersion: c.version });
    expect(c.status).toBe('referred');
  }, 30_000);

  it('overriding a criminal record asks for a second confirmation; the supervisor may set a tier, with the reason', async () => {
    await as('interview_officer');
    const intake = reviewIntake();
    const [p0, p1, ...rest] = intake.persons;
    let c = await caseIn(t, 'decided', { ...intake, persons: [p0!, { ...p1!, facts: { ...p1!.facts, criminalRecord: true } }, ...rest] });
    expect(c.status).toBe('under_review');
    await as('supervisor');
    const persons = c.intake.persons.map((p) => ({ personId: p.id, outcome: 'eligible' as const }));
    const first = await t.call('case.review', { caseId: c.id, baseVersion: c.version, persons, reason: 'Pardon granted in 2019; eligible.' });
    expect(first.ok ? 'ok' : [first.error.messageKey, first.error.params]).toEqual(['errors.review_confirm_exclusion', { persons: 'Fatima Al-Zahraa' }]);
    const withTier = persons.map((p, i) => (i === 0 ? { ...p, tier: 'T2' as const } : p));
    c = await t.ok<CaseDetail>('case.review', { caseId: c.id, baseVersion: c.version, persons: withTier, reason: 'Pardon granted in 2019; eligible.', confirmExclusionOverride: true });
    expect(c.decision?.review?.exclusionOverride).toBe(true);
    expect(c.decision?.review?.persons[0]).toMatchObject({ tier: 'T2', maxAmountCad: 1500, tierSetBySupervisor: true });
  });

  it('consent recorded on an old form after a child was added is refused; the new form covers the child', async () => {
    await as('interview_officer');
    let c = await caseIn(t, 'decided', familyIntake(syrianFamily.slice(0, 2)));
    const old = await t.ok<DocumentInfo>('consent.generateForm', { caseId: c.id, baseVersion: c.version });
    // Adding a person changes the facts the decision rests on: a save alone is refused...
    const child = { ...c.intake.persons[1]!, id: crypto.randomUUID(), relationship: 'child' as const, nameAsWritten: 'ليلى', nameLatin: 'Layla Al-Ahmad', dateOfBirth: '2014-02-20' };
    const added = { ...c.intake, persons: [...c.intake.persons, child] };
    const save = await t.call('case.saveIntake', { caseId: c.id, baseVersion: c.version, intake: added });
    expect(save.ok ? 'ok' : save.error.messageKey).toBe('lifecycle.refused.facts_decided');
    // ...so the officer reopens the decision with a reason, adds her and decides again.
    c = await t.ok<CaseDetail>('case.reopen', { caseId: c.id, baseVersion: c.version, reason: 'A daughter joins the family.' });
    c = await t.ok<CaseDetail>('case.saveIntake', { caseId: c.id, baseVersion: c.version, intake: added });
    c = await t.ok<CaseDetail>('case.decide', { caseId: c.id, baseVersion: c.version });
    const stale = await t.call('consent.record', { caseId: c.id, baseVersion: c.version, documentId: old.id, signedOn: '2026-11-20', signers: signersFor(c) });
    expect(stale.ok).toBe(false);
    const fresh = await t.ok<DocumentInfo>('consent.generateForm', { caseId: c.id, baseVersion: c.version });
    const stale2 = await t.call('consent.record', { caseId: c.id, baseVersion: c.version, documentId: old.id, signedOn: '2026-11-20', signers: signersFor(c) });
    expect(stale2.ok ? 'ok' : stale2.error.issues?.map((i) => i.messageKey)).toEqual(['validation.consent_form_not_latest']);
    c = await t.ok<CaseDetail>('consent.record', { caseId: c.id, baseVersion: c.version, documentId: fresh.id, signedOn: '2026-11-20', signers: signersFor(c) });
    c = await t.ok<CaseDetail>('referral.create', { caseId: c.id, baseVersion: c.version });
    expect(c.consent?.personIds.sort()).toEqual(c.intake.persons.map((p) => p.id).sort());
  }, 30_000);

  it('saving a decided case (a phone number, by the front counter) keeps the decision and the review queue', async () => {
    await as('interview_officer');
    const decided = await caseIn(t, 'decided');
    const review = await caseIn(t, 'under_review');
    await as('front_counter');
    for (const c of [decided, review]) {
      const saved = await t.ok<CaseDetail>('case.saveIntake', { caseId: c.id, baseVersion: c.version, intake: { ...c.intake, contact: { ...c.intake.contact, phone: '+1 647 555 0199' } } });
      expect(saved.status).toBe(c.status);
      expect(saved.decision?.id).toBe(c.decision?.id);
      expect(saved.intake.contact.phone).toBe('+1 647 555 0199');
    }
    await as('supervisor');
    const today = await t.ok<TodaySummary>('today.summary', {});
    expect(today.review.map((x) => x.id)).toContain(review.id);
  });

  it('a case decided eligible keeps its packet facts: a save may change them, not blank them, and the table says so to the UI', async () => {
    await as('interview_officer');
    const c = await caseIn(t, 'decided');
    expect(lifecycle.decided.save.allowed && lifecycle.decided.save.requires).toEqual(['packet_facts_kept']);
    const blanked = { ...c.intake, travel: { countryOfReturn: null, finalDestination: '' } };
    const r = await t.call('case.saveIntake', { caseId: c.id, baseVersion: c.version, intake: blanked });
    expect(r.ok ? 'ok' : [r.error.messageKey, r.error.gaps?.map((g) => g.key)]).toEqual(['lifecycle.blocked', ['lifecycle.gap.country_of_return', 'lifecycle.gap.final_destination']]);
    // The UI's verdict on the edited case names the same gaps; the case as stored may be saved.
    const v = verdict('save', { ...c, intake: blanked }, 'interview_officer');
    expect(v.ok ? [] : v.kind === 'requirements' ? v.gaps : v.kind).toEqual(r.ok ? [] : r.error.gaps);
    expect(verdict('save', c, 'interview_officer').ok).toBe(true);
    // Changed, not blanked: saved.
    const moved = await t.ok<CaseDetail>('case.saveIntake', { caseId: c.id, baseVersion: c.version, intake: { ...c.intake, travel: { ...c.intake.travel, finalDestination: 'Homs' } } });
    expect(moved.intake.travel.finalDestination).toBe('Homs');
    // Before a decision, or after reopening it, the same facts may be left blank for now.
    const open = await t.ok<CaseDetail>('case.reopen', { caseId: moved.id, baseVersion: moved.version, reason: 'The family is moving to another city.' });
    const saved = await t.ok<CaseDetail>('case.saveIntake', { caseId: open.id, baseVersion: open.version, intake: { ...open.intake, travel: { countryOfReturn: null, finalDestination: '' } } });
    expect(saved.intake.travel.finalDestination).toBe('');
  });

  it("a withdrawn case's packet leaves the print queue and is printed only as a copy for the file", async () => {
    await as('interview_officer');
    const c = await caseIn(t, 'referred');
    await as('clerk');
    const queue = await t.ok<DocumentInfo[]>('document.printQueue', {});
    const packet = queue.find((d) => d.caseId === c.id && d.type === 'referral_packet');
    expect(packet).toBeDefined();
    await as('interview_officer');
    await t.ok('case.withdraw', { caseId: c.id, baseVersion: c.version, date: '2026-11-20', reason: 'Changed their mind.' });
    await as('clerk');
    const after = await t.ok<DocumentInfo[]>('document.printQueue', {});
    expect(after.filter((d) => d.caseId === c.id).map((d) => d.type)).toEqual(['withdrawal_notice']);
    const print = await t.call('document.print', { documentId: packet!.id });
    expect(print.ok ? 'ok' : print.error.messageKey).toBe('errors.document_superseded');
    const copy = await t.ok<{ copy: boolean }>('document.print', { documentId: packet!.id, forFile: true });
    expect(copy.copy).toBe(true);
  }, 30_000);

  it('a mistyped, impossible or past appointment is refused with a clear message and changes nothing', async () => {
    await as('front_counter');
    const c = await caseIn(t, 'draft');
    for (const [at, key] of [
      ['2026-12-01T09:75', 'appointments.error.time'],
      ['2026-11-31T09:30', 'validation.date_invalid'],
      ['2026-11-20T09:30', 'appointments.error.pastDay'],
      ['2026-11-28T10:00', 'appointments.error.closedDay'],
      ['2026-11-24T17:30', 'appointments.error.hours'],
    ] as const) {
      const r = await t.call('case.screen', { caseId: c.id, baseVersion: c.version, handover: { kind: 'appointment', at } });
      expect(r.ok ? 'ok' : r.error.issues?.map((i) => [i.path, i.messageKey])).toEqual([[['handover', 'at'], key]]);
    }
    const ok = await t.ok<CaseDetail>('case.screen', { caseId: c.id, baseVersion: c.version, handover: { kind: 'appointment', at: '2026-11-24T10:30' } });
    expect(ok.appointmentAt).toBe('2026-11-24T10:30');
    expect((await t.ok<CaseDetail>('case.get', { caseId: c.id })).appointmentAt).toBe('2026-11-24T10:30');
  });

  it('a case started at 22:30 on 31 December in Mississauga is numbered for that year', async () => {
    const saved = t.clock.now;
    t.clock.now = new Date('2027-01-01T03:30:00Z');
    try {
      await as('front_counter');
      const c = await t.ok<CaseDetail>('case.create', { intake: familyIntake(syrianFamily) });
      expect(c.caseNumber).toMatch(/^AVRR-2026-/);
    } finally {
      t.clock.now = saved;
    }
  });
});

describe('the handler map', () => {
  it('refuses a channel served twice instead of letting one silently win', () => {
    const handler = () => ({ items: [], total: 0, more: false });
    expect(() => combineHandlers({ 'case.list': handler }, { 'case.list': handler })).toThrow(/case\.list is served twice/);
  });
});
