/** Every reason code the rules can give. One meaning per code; texts live in texts.ts. */

/** Conditions a person must meet (policy brief §3, seed 000). */
export const CONDITION_CODES = ['E1', 'E2', 'E3'] as const;
/** Exclusions: any one makes the person ineligible (policy brief §3, seed 000, IRPA). */
export const EXCLUSION_CODES = ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7'] as const;

export const REASON_CODES = [
  'E0', // eligible: every condition met, no exclusion
  ...CONDITION_CODES,
  ...EXCLUSION_CODES,
  'W1', // application date outside the programme window
  'R1', // claim found manifestly unfounded (IRPA s.107.1): supervisor review
  'R2', // family with mixed outcomes: supervisor review (case level)
  'R3', // information missing: review until known
  'A0', // assistance amount cannot be set yet (facts missing)
  'A1', // tier T1
  'A2', // tier T2
  'A3', // tier T3
  'A4', // DCO national
  'A5', // transition: on or before 13 July 2012, full amount whatever the recourse
] as const;

export type ConditionCode = (typeof CONDITION_CODES)[number];
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];
export type ReasonCode = (typeof REASON_CODES)[number];

export const OUTCOMES = ['eligible', 'ineligible', 'needs_review'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const TIERS = ['T1', 'T2', 'T3', 'DCO'] as const;
export type Tier = (typeof TIERS)[number];

/** For exhaustive switches: the compiler proves this is never reached. */
export function missingCaseError(x: never): Error {
  return new Error(`Unhandled case: ${String(x)}`);
}
