import { SOURCES, valueAt } from '../rules/policy';
import type { Parameter } from '../rules/policy';

/**
 * The programme's service parameters after referral: the 30-day aim and the thresholds of the
 * officers' tasks. Dated and sourced like the eligibility policy (shared/rules/policy.ts), kept
 * apart so that changing one does not change the eligibility policy's version.
 */
export interface ProgrammeParameters {
  readonly departureAimDays: Parameter<number>;
  readonly acknowledgementWorkingDays: Parameter<number>;
  readonly flightDueDays: Parameter<number>;
  readonly documentExpiryWarningDays: Parameter<number>;
  readonly followUpEveryDays: Parameter<number>;
}

const START = '2012-06-29';

export const programme: ProgrammeParameters = {
  departureAimDays: {
    description: 'Aim: the person departs within this many days of registration (intake). The pilot averaged 32.',
    values: [{ from: START, value: 30, source: `${SOURCES.brief} §8; ${SOURCES.seed003}` }],
  },
  acknowledgementWorkingDays: {
    description: 'A referral IOM has not acknowledged after this many working days needs a follow-up by the officer.',
    values: [{ from: START, value: 3, source: 'office default (issue 10: referral not acknowledged by IOM after 3 working days)' }],
  },
  flightDueDays: {
    description: 'A referred case with no flight booked this many days after referral needs the officer.',
    values: [{ from: START, value: 21, source: 'office default (issue 10: no flight 21 days after referral)' }],
  },
  documentExpiryWarningDays: {
    description: 'A travel document expiring within this many days (or before the flight) needs the officer.',
    values: [{ from: START, value: 30, source: 'office default (issue 10: travel document expiring before the flight or within 30 days)' }],
  },
  followUpEveryDays: {
    description: "IOM's monitoring after arrival: a follow-up contact is due this many days after the last one (or the arrival).",
    values: [{ from: START, value: 90, source: 'office default: quarterly monitoring until closure (no figure in the brief)' }],
  },
};

/** The value of a programme parameter in force on a date (the case's intake date for its clock). */
export function programmeValue(name: keyof ProgrammeParameters, on: string): number {
  const v = valueAt(programme[name], on) ?? programme[name].values[0]?.value;
  if (v === undefined) throw new Error(`programme parameter ${name} has no value`);
  return v;
}
