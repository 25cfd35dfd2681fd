import { z } from 'zod';
import { isIsoDate } from '../rules/dates';
import { relationships } from './case';

/**
 * The facts of one AVRR case on an application date: the input of the eligibility rules
 * (shared/rules) and the format of the policy staff's case files (docs/rules.md).
 *
 * Every fact except `applicationDate` and a person's `id` may be absent or null: that means
 * "unknown", and the rules never answer "eligible" on an unknown fact that matters.
 * Objects are strict: a misspelt field name is an error, not a silently unknown fact.
 */

export const claimOutcomes = ['rejected', 'withdrawn', 'abandoned', 'pending', 'accepted', 'none'] as const;
export const radAppealStatuses = ['none', 'pending', 'dismissed', 'allowed'] as const;

const isoDate = z.string().refine(isIsoDate, { error: 'must be a real calendar date written YYYY-MM-DD' });
/** A fact that may be unknown (absent or null). */
const fact = <T extends z.ZodType>(t: T) => t.nullable().optional();
const yesNo = fact(z.boolean());

export const claimFactsSchema = z.strictObject({
  outcome: fact(z.enum(claimOutcomes)),
  inGta: yesNo,
  noCredibleBasis: yesNo,
  manifestlyUnfounded: yesNo,
  radAppeal: fact(z.enum(radAppealStatuses)),
});

export const personFactsSchema = z.strictObject({
  id: z.string().min(1, { error: 'must be a non-empty identifier' }).max(64),
  relationship: fact(z.enum(relationships)),
  dateOfBirth: fact(isoDate),
  nationality: fact(z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 3166-1 alpha-3 code in capitals, e.g. "HUN"' })),
  claim: fact(claimFactsSchema),
  federalCourtLeaveApplied: yesNo,
  prraApplied: yesNo,
  criminalRecord: yesNo,
  inadmissibleSecurity: yesNo,
  inadmissibleHumanRights: yesNo,
  inadmissibleOrganizedCrime: yesNo,
  prApplicationWithSpousalSponsorship: yesNo,
  compliantWithConditions: yesNo,
});

const caseShape = {
  applicationDate: isoDate,
  persons: z.array(personFactsSchema).min(1, { error: 'a case needs at least one person' }).max(50),
};

type CaseShape = { applicationDate: string; persons: { id: string; relationship?: string | null; dateOfBirth?: string | null }[] };

function checkCase(c: CaseShape, ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  let principals = 0;
  c.persons.forEach((p, i) => {
    if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['persons', i, 'id'], message: `duplicate person id "${p.id}"` });
    seen.add(p.id);
    if (p.relationship === 'principal') principals++;
    if (principals > 1 && p.relationship === 'principal')
      ctx.addIssue({ code: 'custom', path: ['persons', i, 'relationship'], message: 'a case has only one principal applicant' });
    if (typeof p.dateOfBirth === 'string' && p.dateOfBirth > c.applicationDate)
      ctx.addIssue({ code: 'custom', path: ['persons', i, 'dateOfBirth'], message: 'is after the application date' });
  });
}

/** The facts the rules evaluate. */
export const caseFactsSchema = z.strictObject(caseShape).superRefine(checkCase);

/** A case file as policy staff write it: the facts, plus an optional description and expected result (tests). */
export const caseFileSchema = z
  .strictObject({ ...caseShape, description: z.string().optional(), expected: z.unknown().optional() })
  .superRefine(checkCase);

export type ClaimOutcome = (typeof claimOutcomes)[number];
export type RadAppeal = (typeof radAppealStatuses)[number];
export type ClaimFacts = z.infer<typeof claimFactsSchema>;
export type PersonFacts = z.infer<typeof personFactsSchema>;
export type CaseFacts = z.infer<typeof caseFactsSchema>;
export type CaseFile = z.infer<typeof caseFileSchema>;
