/**
 * The AVRR rules: pure, synchronous TypeScript shared by the renderer and the back end.
 * See docs/rules.md.
 */
export { evaluateCase, combineOutcomes, type EvaluateOptions } from './evaluate';
export { whatIf, WHAT_IF_VALUES, type WhatIfChange } from './what-if';
export { policy, valueAt, entryAt, SOURCES } from './policy';
export type { Policy, PolicyParameters, Parameter, ParameterName, DatedValue, TierAmounts } from './policy';
export { reasonText, FACT_LABELS, OUTCOME_LABELS, REFERENCES, formatCad, type Lang, type TextVars } from './texts';
export { decisionToText } from './format';
export { REASON_CODES, CONDITION_CODES, EXCLUSION_CODES, OUTCOMES, TIERS, missingCaseError } from './codes';
export type { ReasonCode, ConditionCode, ExclusionCode, Outcome, Tier } from './codes';
export { FACT_PATHS, type FactPath, type PersonFactPath } from './facts';
export { isIsoDate } from './dates';
export type { CaseDecision, PersonDecision, Reason, Assistance, Trace, FactTrace, ParameterTrace } from './types';
export {
  caseFactsSchema,
  caseFileSchema,
  personFactsSchema,
  claimFactsSchema,
  claimOutcomes,
  radAppealStatuses,
} from '../schema/case-facts';
export type { CaseFacts, CaseFile, PersonFacts, ClaimFacts, ClaimOutcome, RadAppeal } from '../schema/case-facts';
