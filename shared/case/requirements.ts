import { intakeToCaseFacts } from '../intake/to-facts';
import { evaluateCase } from '../rules';
import { isMinorOn } from '../rules/dates';
import type { CaseDetail } from '../schema/case-api';
import type { IntakeDocument, IntakePerson } from '../schema/intake';
import { effectiveOutcome, effectivePersons } from './decision';
import type { RequirementId } from './lifecycle';
import type { SectionId } from './sections';

/**
 * What each precondition of the lifecycle table means, checked on the case as stored. A gap is
 * said to the officer in their language (an i18n key under `lifecycle.gap`) with the section to
 * go to: never a field path.
 */
export interface Gap {
  key: string;
  section: SectionId | null;
  params?: Record<string, string | number>;
}

/** The parts of a case the preconditions read (a CaseDetail has them all). */
export type CaseState = Pick<CaseDetail, 'status' | 'intake' | 'intakeVersion' | 'decision' | 'consentForm' | 'consent'>;

const gap = (key: string, section: SectionId | null, params?: Record<string, string | number>): Gap => ({ key: `lifecycle.gap.${key}`, section, ...(params ? { params } : {}) });
const who = (p: IntakePerson, i: number) => ({ person: p.nameLatin || p.nameAsWritten || `#${i + 1}` });

/** The facts the referral packet prints that the officer records (tiers aside). */
export function packetFactGaps(intake: IntakeDocument): Gap[] {
  const gaps: Gap[] = [];
  if (intake.interpreterNeeded === null) gaps.push(gap('interpreter_needed', 'application'));
  if (intake.interpreterNeeded === true && intake.interpreterName.trim() === '') gaps.push(gap('interpreter_name', 'application'));
  if (!intake.travel.countryOfReturn) gaps.push(gap('country_of_return', 'travel'));
  if (intake.travel.finalDestination.trim() === '') gaps.push(gap('final_destination', 'travel'));
  intake.persons.forEach((p, i) => {
    if (p.travelDocument.status === null) gaps.push(gap('travel_document', 'travel', who(p, i)));
    if (p.specialNeeds.medicalEscort === null || p.specialNeeds.nonMedicalEscort === null) gaps.push(gap('escort', 'needs', who(p, i)));
  });
  return gaps;
}

function tierGaps(intake: IntakeDocument, tiers: readonly { id: string; outcome: string; tier: unknown; maxAmountCad: number | null }[]): Gap[] {
  const gaps: Gap[] = [];
  intake.persons.forEach((p, i) => {
    const t = tiers.find((x) => x.id === p.id);
    if (t && t.outcome === 'eligible' && (t.tier === null || t.maxAmountCad === null)) gaps.push(gap('tier', 'claim', who(p, i)));
  });
  return gaps;
}

/** Before the decision: an eligible result must be complete enough to refer (tiers, amounts, packet facts). */
function decisionReady(s: CaseState): Gap[] {
  const result = evaluateCase(intakeToCaseFacts(s.intake));
  if (result.outcome !== 'eligible') return [];
  return [...tierGaps(s.intake, result.persons.map((p) => ({ id: p.id, outcome: p.outcome, tier: p.assistance.tier, maxAmountCad: p.assistance.maxAmountCad }))), ...packetFactGaps(s.intake)];
}

function packetReady(s: CaseState): Gap[] {
  if (!s.decision) return [gap('decision', null)];
  return [...tierGaps(s.intake, effectivePersons(s.decision)), ...packetFactGaps(s.intake)];
}

function samePersons(ids: readonly string[], intake: IntakeDocument): boolean {
  const now = intake.persons.map((p) => p.id);
  return ids.length === now.length && now.every((id) => ids.includes(id));
}

function consentFormCurrent(s: CaseState): Gap[] {
  const f = s.consentForm;
  if (!f) return [gap('consent_form_missing', null)];
  if (f.intakeVersion !== s.intakeVersion || !samePersons(f.personIds, s.intake)) return [gap('consent_form_stale', null, { form: f.number })];
  return [];
}

function consentCoversPersons(s: CaseState): Gap[] {
  const c = s.consent;
  if (!c) return [gap('consent_missing', null)];
  if (c.intakeVersion !== s.intakeVersion || !samePersons(c.personIds, s.intake)) return [gap('consent_stale', null)];
  const gaps: Gap[] = [];
  s.intake.persons.forEach((p, i) => {
    const signer = c.signers.find((x) => x.personId === p.id);
    if (!signer) gaps.push(gap('consent_person', null, who(p, i)));
    else if (isMinorOn(p.dateOfBirth, c.signedOn) !== (signer.signedBy === 'guardian')) {
      gaps.push(gap(signer.signedBy === 'guardian' ? 'consent_adult_self' : 'consent_minor_guardian', null, who(p, i)));
    }
  });
  return gaps;
}

const checks: { readonly [R in RequirementId]: (s: CaseState) => Gap[] } = {
  decision_ready: decisionReady,
  eligible: (s) => (effectiveOutcome(s.decision) === 'eligible' ? [] : [gap('not_eligible', null)]),
  ineligible: (s) => (effectiveOutcome(s.decision) === 'ineligible' ? [] : [gap('not_ineligible', null)]),
  packet_ready: packetReady,
  // On the case as the save would leave it (electron/core/cases/actions.ts); the UI asks it of the case as stored.
  packet_facts_kept: (s) => (effectiveOutcome(s.decision) === 'eligible' ? packetFactGaps(s.intake) : []),
  consent_form_current: consentFormCurrent,
  consent_covers_persons: consentCoversPersons,
};

/** What stands between the case and a requirement: empty when it holds. */
export function unmet(requirement: RequirementId, s: CaseState): Gap[] {
  return checks[requirement](s);
}
