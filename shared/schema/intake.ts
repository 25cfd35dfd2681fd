import { z } from 'zod';
import { claimOutcomes, radAppealStatuses } from './case-facts';
import { countryCode, entityId, nationalityCode, isoDate, personName, uci } from './common';
import { intakeChannel, relationship } from './case';
import { nameCharacterProblem } from './name-characters';
import { FINAL_DESTINATION_MAX, INTERPRETER_NAME_MAX, MEDICAL_CONDITIONS_MAX, MOBILITY_MAX, REINTEGRATION_NOTES_MAX } from './limits';

/**
 * The intake interview, one schema for the form (react-hook-form resolver), the IPC input and
 * the stored case document. Facts that may be unknown are `null` (never guessed): the rules
 * answer "needs review" on an unknown fact that matters.
 */

const yesNo = z.boolean({ error: 'validation.choice' }).nullable();
const optionalDate = isoDate.nullable();
const shortText = (max: number) => z.string().max(max, { error: 'validation.too_long' }).transform((s) => s.trim());

export const travelDocumentStatuses = ['valid_passport', 'expired_passport', 'held_by_cbsa', 'travel_document_needed', 'none'] as const;
export const reintegrationCategories = [
  'luggage', // additional luggage allowance
  'onward_transport', // onward transportation to the final destination
  'job_search', // job search assistance
  'material', // material assistance
  'medical', // medical assistance
  'small_business', // small business support
  'housing', // temporary accommodation and housing
  'training', // training and schooling
  'legal', // legal assistance
] as const;

/** The refugee claim and the recourse history, with the dates the officer has. */
export const claimHistory = z.object({
  outcome: z.enum(claimOutcomes, { error: 'validation.choice' }).nullable(),
  inGta: yesNo,
  claimDate: optionalDate,
  decisionDate: optionalDate,
  noCredibleBasis: yesNo,
  manifestlyUnfounded: yesNo,
  radAppeal: z.enum(radAppealStatuses, { error: 'validation.choice' }).nullable(),
});

/** One person's eligibility facts (the rules' inputs) and their dates. */
export const personFactsInput = z.object({
  claim: claimHistory,
  federalCourtLeaveApplied: yesNo,
  federalCourtLeaveDate: optionalDate,
  prraApplied: yesNo,
  prraDate: optionalDate,
  criminalRecord: yesNo,
  inadmissibleSecurity: yesNo,
  inadmissibleHumanRights: yesNo,
  inadmissibleOrganizedCrime: yesNo,
  prApplicationWithSpousalSponsorship: yesNo,
  compliantWithConditions: yesNo,
});
export type PersonFactsInput = z.infer<typeof personFactsInput>;

export const travelDocument = z.object({
  status: z.enum(travelDocumentStatuses, { error: 'validation.choice' }).nullable(),
  expiryDate: optionalDate,
});

/** Special needs. Medical conditions go to IOM only if the person consents to it. */
export const specialNeeds = z.object({
  medicalEscort: yesNo,
  nonMedicalEscort: yesNo,
  mobility: shortText(MOBILITY_MAX),
  medicalConditions: shortText(MEDICAL_CONDITIONS_MAX),
  shareMedicalWithIom: z.boolean(),
});

export const intakePerson = z.object({
  id: entityId,
  relationship,
  nameAsWritten: personName,
  nameLatin: personName,
  dateOfBirth: isoDate,
  nationality: nationalityCode,
  uci: uci.nullable(),
  facts: personFactsInput,
  travelDocument,
  specialNeeds,
});
export type IntakePerson = z.infer<typeof intakePerson>;

export const languageCode = z.string().regex(/^[a-z]{2,3}$/, { error: 'validation.language' });

export const intakeDocument = z
  .object({
    channel: intakeChannel,
    /** The AVRR application date: the policy in force, tiers and DCO status follow it. */
    applicationDate: isoDate,
    language: languageCode,
    interpreterNeeded: yesNo,
    /** The interpreter who explains the forms (printed on the consent form). */
    interpreterName: shortText(INTERPRETER_NAME_MAX)
      .superRefine((s, ctx) => {
        // Printed on the consent form beside the signatures: the same characters as a person's name.
        const problem = s === '' ? null : nameCharacterProblem(s);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default(''),
    contact: z.object({
      phone: shortText(40),
      email: shortText(200).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'validation.email' }),
      address: shortText(300),
    }),
    persons: z.array(intakePerson).min(1, { error: 'validation.required' }).max(20, { error: 'validation.too_many' }),
    travel: z.object({
      countryOfReturn: countryCode.nullable(),
      finalDestination: shortText(FINAL_DESTINATION_MAX),
    }),
    reintegration: z.object({
      categories: z.array(z.enum(reintegrationCategories)).max(reintegrationCategories.length),
      notes: shortText(REINTEGRATION_NOTES_MAX),
    }),
  })
  .superRefine(checkFamily);
export type IntakeDocument = z.infer<typeof intakeDocument>;
export type IntakeDocumentInput = z.input<typeof intakeDocument>;

/** Family consistency: one principal, first; no child older than a parent; dates in order. */
function checkFamily(doc: { applicationDate: string; persons: { relationship: string; dateOfBirth: string; facts: PersonFactsInput }[] }, ctx: z.core.$RefinementCtx): void {
  doc.persons.forEach((p, i) => {
    if ((i === 0) !== (p.relationship === 'principal')) {
      ctx.addIssue({ code: 'custom', path: ['persons', i, 'relationship'], message: i === 0 ? 'validation.first_is_principal' : 'validation.one_principal' });
    }
    if (p.dateOfBirth > doc.applicationDate) ctx.addIssue({ code: 'custom', path: ['persons', i, 'dateOfBirth'], message: 'validation.born_after_application' });
    const c = p.facts.claim;
    if (c.claimDate && c.claimDate < p.dateOfBirth) ctx.addIssue({ code: 'custom', path: ['persons', i, 'facts', 'claim', 'claimDate'], message: 'validation.before_birth' });
    if (c.claimDate && c.decisionDate && c.decisionDate < c.claimDate) ctx.addIssue({ code: 'custom', path: ['persons', i, 'facts', 'claim', 'decisionDate'], message: 'validation.decision_before_claim' });
  });
  const parents = doc.persons.filter((p) => p.relationship === 'principal' || p.relationship === 'spouse');
  doc.persons.forEach((p, i) => {
    if (p.relationship !== 'child') return;
    if (parents.some((parent) => p.dateOfBirth <= parent.dateOfBirth)) {
      ctx.addIssue({ code: 'custom', path: ['persons', i, 'dateOfBirth'], message: 'validation.child_older_than_parent' });
    }
  });
}

/** A blank person of the given relationship, every fact unknown. */
export function blankPerson(id: string, rel: IntakePerson['relationship']): z.input<typeof intakePerson> {
  return {
    id,
    relationship: rel,
    nameAsWritten: '',
    nameLatin: '',
    dateOfBirth: '',
    nationality: '',
    uci: null,
    facts: {
      claim: { outcome: null, inGta: null, claimDate: null, decisionDate: null, noCredibleBasis: null, manifestlyUnfounded: null, radAppeal: null },
      federalCourtLeaveApplied: null,
      federalCourtLeaveDate: null,
      prraApplied: null,
      prraDate: null,
      criminalRecord: null,
      inadmissibleSecurity: null,
      inadmissibleHumanRights: null,
      inadmissibleOrganizedCrime: null,
      prApplicationWithSpousalSponsorship: null,
      compliantWithConditions: null,
    },
    travelDocument: { status: null, expiryDate: null },
    specialNeeds: { medicalEscort: null, nonMedicalEscort: null, mobility: '', medicalConditions: '', shareMedicalWithIom: false },
  };
}

/** A blank intake for a new case, applied for on `today` (the office's date: OfficeClock.today()). */
export function blankIntake(principalId: string, channel: IntakeDocument['channel'], today: string): IntakeDocumentInput {
  return {
    channel,
    applicationDate: today,
    language: 'en',
    interpreterNeeded: null,
    interpreterName: '',
    contact: { phone: '', email: '', address: '' },
    persons: [blankPerson(principalId, 'principal')],
    travel: { countryOfReturn: null, finalDestination: '' },
    reintegration: { categories: [], notes: '' },
  };
}
