import { intakeToCaseFacts } from '../intake/to-facts';
import { evaluateCase, policy, valueAt } from '../rules';
import type { Assistance, CaseDecision, ExclusionCode, Tier } from '../rules';
import type { IntakeDocument } from '../schema/intake';

/** Exclusions a supervisor may override only with a second confirmation (policy brief §3). */
export const GRAVE_EXCLUSIONS: readonly ExclusionCode[] = ['X3', 'X4', 'X5', 'X6'];

/**
 * The assistance a person would get if found eligible: the rules run again with the conditions
 * and exclusions taken as met, and the facts that set the tier (recourse, nationality, dates)
 * as recorded. A needs-review person has no tier in the decision; the supervisor keeps this one.
 */
export function assistanceIfEligible(intake: IntakeDocument, personId: string): Assistance | null {
  const facts = intakeToCaseFacts(intake);
  const persons = facts.persons.map((p) =>
    p.id !== personId
      ? p
      : {
          ...p,
          claim: { ...p.claim, outcome: 'rejected' as const, inGta: true, noCredibleBasis: false, manifestlyUnfounded: false, radAppeal: p.claim?.radAppeal ?? 'none' },
          criminalRecord: false,
          inadmissibleSecurity: false,
          inadmissibleHumanRights: false,
          inadmissibleOrganizedCrime: false,
          prApplicationWithSpousalSponsorship: false,
          compliantWithConditions: true,
        },
  );
  const result = evaluateCase({ ...facts, persons });
  const p = result.persons.find((x) => x.id === personId);
  return p && p.outcome === 'eligible' ? p.assistance : null;
}

/** The maximum per person for a tier on the application date (the supervisor sets the tier, never the amount). */
export function tierAmount(tier: Tier, applicationDate: string): number | null {
  const params = policy.parameters;
  const cap = valueAt(params.maxPerPerson, applicationDate);
  const amount = tier === 'DCO' ? valueAt(params.dcoAmount, applicationDate) : valueAt(params.tierAmounts, applicationDate)?.[tier];
  if (amount === undefined || cap === undefined) return null;
  return Math.min(amount, cap);
}

/** The grave exclusions the rules found for a person (criminal record, security, rights, organized crime). */
export function graveExclusionsOf(result: CaseDecision, personId: string): ExclusionCode[] {
  const p = result.persons.find((x) => x.id === personId);
  if (!p) return [];
  return p.reasons.map((r) => r.code).filter((c): c is ExclusionCode => (GRAVE_EXCLUSIONS as readonly string[]).includes(c));
}
