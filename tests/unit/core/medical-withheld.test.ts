import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { IntakeDocumentInput } from '../../../shared/schema/intake';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { makeCore, withAccounts } from './helpers';
import type { TestCore } from './helpers';

/** The principal's notes not consented for IOM; the spouse's consented. */
const PRIVATE = 'HIV positive, on antiretroviral treatment';
const SHARED = 'Asthma, carries an inhaler';
function withNotes(): IntakeDocumentInput {
  const intake = familyIntake(syrianFamily);
  const notes = [
    { medicalConditions: PRIVATE, shareMedicalWithIom: false },
    { medicalConditions: SHARED, shareMedicalWithIom: true },
  ];
  return { ...intake, persons: intake.persons.map((p, i) => ({ ...p, specialNeeds: { ...p.specialNeeds!, ...(notes[i] ?? {}) } })) };
}

const notesOf = (c: CaseDetail) => c.intake.persons.map((p) => p.specialNeeds.medicalConditions);

// Medical notes a person did not consent to share with IOM: interview officers and supervisors
// only. Issue 12, point 5.
describe('medical notes not consented for IOM', () => {
  let t: TestCore;
  let accounts: Record<Role, { username: string; password: string }>;
  let c: CaseDetail;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('auth.signIn', accounts.front_counter);
    c = await t.ok<CaseDetail>('case.create', { intake: withNotes() });
  });
  afterAll(() => t.dispose());

  it('the front counter does not get them back, even for the case it just created; the consented notes it does', () => {
    expect(notesOf(c)).toEqual(['', SHARED, '']);
    expect(c.medicalWithheld).toEqual([c.intake.persons[0]!.id]);
  });

  it('interview officers and supervisors read them', async () => {
    for (const role of ['interview_officer', 'supervisor'] as const) {
      await t.ok('auth.signIn', accounts[role]);
      const read = await t.ok<CaseDetail>('case.get', { caseId: c.id });
      expect(notesOf(read), role).toEqual([PRIVATE, SHARED, '']);
      expect(read.medicalWithheld).toEqual([]);
    }
  });

  it('a front-counter save of the case as it was shown keeps the notes it never saw', async () => {
    await t.ok('auth.signIn', accounts.front_counter);
    const shown = await t.ok<CaseDetail>('case.get', { caseId: c.id });
    const edited = { ...shown.intake, contact: { ...shown.intake.contact, phone: '+1 416 555 0199' } };
    const saved = await t.ok<CaseDetail>('case.saveIntake', { caseId: c.id, baseVersion: shown.version, intake: edited });
    expect(notesOf(saved)).toEqual(['', SHARED, '']);

    await t.ok('auth.signIn', accounts.interview_officer);
    const read = await t.ok<CaseDetail>('case.get', { caseId: c.id });
    expect(read.intake.contact.phone).toBe('+1 416 555 0199');
    expect(notesOf(read)).toEqual([PRIVATE, SHARED, '']);
    expect(read.intake.persons[0]!.specialNeeds.shareMedicalWithIom).toBe(false);
  });
});
