import type { CaseStatus } from '../../../shared/case/lifecycle';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import type { IntakeDocumentInput } from '../../../shared/schema/intake';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import type { TestCore } from '../core/helpers';

/** Signers of a consent form for these persons: adults themselves, minors by a guardian (at the 2026 signing date). */
export function signersFor(c: CaseDetail) {
  return c.intake.persons.map((p) =>
    p.dateOfBirth > '2008-11-20' ? { personId: p.id, signedBy: 'guardian' as const, guardianName: 'Fatima Al-Zahraa' } : { personId: p.id, signedBy: 'self' as const },
  );
}

/** A family that needs supervisor review: the principal's claim was found manifestly unfounded. */
export function reviewIntake(): IntakeDocumentInput {
  const intake = familyIntake(syrianFamily);
  const [principal, ...rest] = intake.persons;
  return { ...intake, persons: [{ ...principal!, facts: { ...principal!.facts, claim: { ...principal!.facts.claim, manifestlyUnfounded: true } } }, ...rest] };
}

/** A case brought to `status` through the real channels (the caller is signed in as a supervisor). */
export async function caseIn(t: TestCore, status: CaseStatus, intake: IntakeDocumentInput = familyIntake(syrianFamily)): Promise<CaseDetail> {
  let c = await t.ok<CaseDetail>('case.create', { intake: status === 'under_review' ? reviewIntake() : intake });
  if (status === 'draft') return c;
  if (status === 'screened') return t.ok<CaseDetail>('case.screen', { caseId: c.id, baseVersion: c.version, handover: { kind: 'now' } });
  if (status === 'withdrawn') return t.ok<CaseDetail>('case.withdraw', { caseId: c.id, baseVersion: c.version, date: '2026-11-20' });
  c = await t.ok<CaseDetail>('case.decide', { caseId: c.id, baseVersion: c.version });
  if (status === 'decided' || status === 'under_review') return c;
  const form = await t.ok<DocumentInfo>('consent.generateForm', { caseId: c.id, baseVersion: c.version });
  c = await t.ok<CaseDetail>('consent.record', { caseId: c.id, baseVersion: c.version, documentId: form.id, signedOn: '2026-11-20', signers: signersFor(c) });
  if (status === 'consented') return c;
  return t.ok<CaseDetail>('referral.create', { caseId: c.id, baseVersion: c.version });
}

/** A valid call of each action's channel on this case (what a person at the screen would send). */
export function actionCall(c: CaseDetail, action: string): { channel: string; input: unknown } {
  const base = { caseId: c.id, baseVersion: c.version };
  switch (action) {
    case 'save':
      return { channel: 'case.saveIntake', input: { ...base, intake: c.intake } };
    case 'screen':
      return { channel: 'case.screen', input: { ...base, handover: { kind: 'now' } } };
    case 'decide':
      return { channel: 'case.decide', input: base };
    case 'review':
      return { channel: 'case.review', input: { ...base, persons: c.intake.persons.map((p) => ({ personId: p.id, outcome: 'eligible' })), reason: 'Checked the claim file in full.' } };
    case 'reopen':
      return { channel: 'case.reopen', input: { ...base, reason: 'New facts from the claim file.' } };
    case 'generateConsent':
      return { channel: 'consent.generateForm', input: base };
    case 'recordConsent':
      return { channel: 'consent.record', input: { ...base, documentId: c.consentForm?.documentId ?? c.id, signedOn: '2026-11-20', signers: signersFor(c) } };
    case 'refer':
      return { channel: 'referral.create', input: base };
    case 'withdraw':
      return { channel: 'case.withdraw', input: { ...base, date: '2026-11-20' } };
    default:
      throw new Error(`no channel for ${action}`);
  }
}
