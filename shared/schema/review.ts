import { z } from 'zod';
import { TIERS } from '../rules/codes';
import { entityId } from './common';

/**
 * A supervisor's review of a flagged case: an outcome per person, the tier and amount kept from
 * the rules (or set, with the reason), and an explicit confirmation when it overrides an
 * exclusion. The input of `case.review` and the JSON kept with the decision.
 */
const version = z.number({ error: 'validation.invalid' }).int().min(1);
const tier = z.enum(TIERS, { error: 'validation.choice' });
const reviewOutcome = z.enum(['eligible', 'ineligible'], { error: 'validation.choice' });

export const reviewPersonInput = z
  .object({
    personId: entityId,
    outcome: reviewOutcome,
    /** Only to set a tier the rules could not (or to change it): the review's reason says why. */
    tier: tier.optional(),
  })
  .strict();

export const reviewCaseInput = z
  .object({
    caseId: entityId,
    baseVersion: version,
    persons: z.array(reviewPersonInput).min(1, { error: 'validation.required' }).max(20),
    reason: z.string().trim().min(10, { error: 'validation.reason_required' }).max(2000, { error: 'validation.too_long' }),
    /** The supervisor's second confirmation that an exclusion (criminality, security, rights, organized crime) is overridden. */
    confirmExclusionOverride: z.boolean().default(false),
  })
  .strict();
export type ReviewCaseInput = z.infer<typeof reviewCaseInput>;

const bilingual = z.object({ en: z.string(), fr: z.string() });

export const reviewRecord = z.object({
  outcome: reviewOutcome,
  reason: z.string(),
  exclusionOverride: z.boolean(),
  reviewedAt: z.string(),
  reviewedBy: z.string(),
  persons: z.array(
    z.object({
      personId: z.string(),
      outcome: reviewOutcome,
      tier: tier.nullable(),
      maxAmountCad: z.number().int().min(0).nullable(),
      tierSetBySupervisor: z.boolean(),
      /** The rules' basis of the computed tier (needs-review persons get none from the decision itself). */
      computedBasis: bilingual.nullable(),
    }),
  ),
});
export type ReviewRecord = z.infer<typeof reviewRecord>;
