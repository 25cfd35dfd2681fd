import type { Outcome, ReasonCode, Tier } from './codes';
import type { FactPath } from './facts';
import type { ParameterName } from './policy';

/** One parameter value used by a rule (OpenFisca-style trace). `from` null: no value in force. */
export interface ParameterTrace {
  readonly name: ParameterName;
  readonly from: string | null;
  readonly value: unknown;
  readonly source: string;
}

/** One fact read by a rule, as recorded (null: unknown). */
export interface FactTrace {
  readonly path: FactPath;
  readonly value: unknown;
}

export interface Trace {
  /** The date the parameters were looked up for (the application date). */
  readonly date: string;
  readonly facts: readonly FactTrace[];
  readonly parameters: readonly ParameterTrace[];
}

export interface Reason {
  readonly code: ReasonCode;
  /** A sentence the officer can read to the person, in English and in French. */
  readonly text: { readonly en: string; readonly fr: string };
  /** The policy rule and its legal or seed source. */
  readonly reference: string;
  readonly trace: Trace;
}

export interface Assistance {
  /** Null when the person is not eligible (yet) or when the facts that set the tier are unknown. */
  readonly tier: Tier | null;
  /** Eligible: the maximum in CAD, or null when the tier is unknown. Ineligible: 0. Needs review: null. */
  readonly maxAmountCad: number | null;
  /** Why this tier (A1-A5), or why it cannot be set (A0); null when the person is not eligible. */
  readonly basis: Reason | null;
}

export interface PersonDecision {
  readonly id: string;
  readonly outcome: Outcome;
  /**
   * What decides the outcome: eligible -> [E0]; ineligible -> every condition failed and every
   * exclusion applying, in code order (W1, E1, E2, E3, X1-X7); needs review -> R1 and/or R3.
   */
  readonly reasons: readonly Reason[];
  /** Unknown facts that would change the outcome or the assistance, as case-file paths. */
  readonly missing: readonly FactPath[];
  readonly assistance: Assistance;
  /** Under the age of majority on the application date (consent signed by a parent); null if unknown. */
  readonly minor: boolean | null;
}

export interface CaseDecision {
  readonly outcome: Outcome;
  readonly policyVersion: string;
  readonly applicationDate: string;
  /** Case-level reasons: R2 (mixed family outcomes), R3 (no usable application date or no person). */
  readonly reasons: readonly Reason[];
  readonly persons: readonly PersonDecision[];
}
