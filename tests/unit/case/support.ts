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

const ON = '2026-11-21';

/** A valid report of each stage after referral (dated the test clock's day). */
export function stageOf(c: CaseDetail, action: string): Record<string, unknown> {
  const first = c.intake.persons[0]!.id;
  switch (action) {
    case 'acknowledge':
      return { action, iomReference: 'IOM-CA-2026-0042' };
    case 'recordTravelDocument':
      return { action, outcome: 'issued', documents: c.intake.persons.map((p) => ({ personId: p.id, type: 'emergency_travel_document', number: `ETD${p.id.slice(0, 6)}`, expiryDate: '2027-06-30' })) };
    case 'bookFlight':
      return { action, flightDate: '2026-12-05', departureAirport: 'YYZ', itineraryReference: 'TK-018' };
    case 'confirmDeparture':
      return { action, place: 'Toronto Pearson, Terminal 3' };
    case 'noShow':
    case 'iomDecline':
      return { action, reason: 'The person did not come to the airport.' };
    case 'recordAssistance':
      return { action, entries: [{ personId: first, category: 'housing', committedCad: 800, deliveredCad: 300 }] };
    case 'recordFollowUp':
      return { action, notes: 'Reached by phone; housing found.' };
    default:
      return { action };
  }
}

/** Record one stage through the channel. */
export function recordStage(t: TestCore, c: CaseDetail, stage: Record<string, unknown>): Promise<CaseDetail> {
  return t.ok<CaseDetail>('stage.record', { caseId: c.id, baseVersion: c.version, occurredOn: ON, source: 'iom_email', stage });
}

/** The stages, in order, that bring a referred case to each status after referral. */
const STAGE_PATHS: Partial<Record<CaseStatus, string[]>> = {
  acknowledged: ['acknowledge'],
  counselled: ['acknowledge', 'counsel'],
  travel_document_requested: ['acknowledge', 'counsel', 'requested'],
  ready_to_book: ['acknowledge', 'counsel', 'recordTravelDocument'],
  flight_booked: ['acknowledge', 'counsel', 'recordTravelDocument', 'bookFlight'],
  departed: ['acknowledge', 'counsel', 'recordTravelDocument', 'bookFlight', 'confirmDeparture'],
  arrived: ['acknowledge', 'counsel', 'recordTravelDocument', 'bookFlight', 'confirmDeparture', 'confirmArrival'],
  reintegration: ['acknowledge', 'counsel', 'recordTravelDocument', 'bookFlight', 'confirmDeparture', 'confirmArrival', 'agreePlan'],
  closed: ['acknowledge', 'counsel', 'recordTravelDocument', 'bookFlight', 'confirmDeparture', 'confirmArrival', 'agreePlan', 'close'],
  did_not_depart: ['acknowledge', 'counsel', 'recordTravelDocument', 'bookFlight', 'noShow'],
  iom_declined: ['iomDecline'],
  travel_document_refused: ['acknowledge', 'counsel', 'refused'],
};

/** A case brought to `status` through the real channels (the caller is signed in as a supervisor). */
export async function caseIn(t: TestCore, status: CaseStatus, intake: IntakeDocumentInput = familyIntake(syrianFamily)): Promise<CaseDetail> {
  const path = STAGE_PATHS[status];
  if (path) {
    let c = await caseIn(t, 'referred', intake);
    for (const step of path) {
      const stage =
        step === 'requested' ? { action: 'recordTravelDocument', outcome: 'requested' } : step === 'refused' ? { action: 'recordTravelDocument', outcome: 'refused', reason: 'The embassy refused.' } : stageOf(c, step);
      c = await recordStage(t, c, stage);
    }
    return c;
  }
  let c = await t.ok<CaseDetail>('case.create', { intake: status === 'under_review' ? reviewIntake() : intake });
  if (status === 'draft') return c;
  if (status === 'screened') return t.ok<CaseDetail>('case.screen', { caseId: c.id, baseVersion: c.version, handover: { kind: 'now' } });
  if (status === 'withdrawn') return t.ok<CaseDetail>('case.withdraw', { caseId: c.id, baseVersion: c.version, date: '2026-11-20' });
  if (status !== 'decided' && status !== 'under_review' && status !== 'consented' && status !== 'referred') throw new Error(`no path to ${status}`);
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
    case 'generateIneligibilityLetter':
      return { channel: 'letter.generateIneligibility', input: base };
    case 'withdraw':
      return { channel: 'case.withdraw', input: { ...base, date: '2026-11-20' } };
    case 'correctStage':
      return { channel: 'stage.correct', input: { ...base, entryId: c.stages.filter((e) => !e.correctedBy && e.stage.action !== 'correctStage').at(-1)?.id ?? c.id, reason: 'Recorded on the wrong case.' } };
    default:
      return { channel: 'stage.record', input: { ...base, occurredOn: ON, source: 'iom_email', stage: stageOf(c, action) } };
  }
}
