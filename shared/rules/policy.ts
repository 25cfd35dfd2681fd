/**
 * The AVRR policy as data (OpenFisca style). Every parameter is a list of dated values; each value
 * names its source. The value in force on a date is the last one whose `from` is on or before that
 * date. A later policy change is a NEW dated value appended to the list, never an edit of history;
 * bump `version` whenever anything here changes.
 *
 * Domain reference: ../shared/avrr-policy.md (the "policy brief"); seeds in ../shared/seeds/.
 */
import type { ExclusionCode } from './codes';

export interface DatedValue<T> {
  /** First day (ISO 'YYYY-MM-DD') this value is in force, inclusive. */
  readonly from: string;
  readonly value: T;
  /** Seed file name or public source. */
  readonly source: string;
  readonly note?: string;
}

export interface Parameter<T> {
  readonly description: string;
  /** Ascending by `from`, no duplicates (checked by tests/rules/policy.test.ts). */
  readonly values: readonly DatedValue<T>[];
}

export interface TierAmounts {
  readonly T1: number;
  readonly T2: number;
  readonly T3: number;
}

export interface PolicyParameters {
  readonly programmeOpen: Parameter<boolean>;
  readonly exclusions: Parameter<readonly ExclusionCode[]>;
  readonly manifestlyUnfoundedReview: Parameter<boolean>;
  readonly radInForce: Parameter<boolean>;
  readonly gtaLocations: Parameter<readonly string[]>;
  readonly maxPerPerson: Parameter<number>;
  readonly tierAmounts: Parameter<TierAmounts>;
  readonly transitionFlatAmount: Parameter<boolean>;
  readonly dcoCountries: Parameter<readonly string[]>;
  readonly dcoAmount: Parameter<number>;
  readonly ageOfMajority: Parameter<number>;
}

export type ParameterName = keyof PolicyParameters;

export interface Policy {
  /** 'YYYY-MM-DD.n': the day this policy file was issued and a serial for that day. */
  readonly version: string;
  readonly parameters: PolicyParameters;
}

/** Sources, named once. */
export const SOURCES = {
  seed000: 'seed 000_7ca5f69db11f3e95.txt (IOM leaflet: AVRR pilot programme from the GTA)',
  seed003:
    'seed 003_365e42b88c0eeb63.txt (CBSA, Standing Committee on Public Accounts, Spring 2020 AG report: legacy AVRR pilot 29 June 2012 to 31 March 2015)',
  bulletin436: 'IRCC (CIC) operational bulletin 436, 3 July 2012 (AVRR pilot)',
  enf34: 'CBSA enforcement manual ENF 34 (GTA region)',
  press2012: 'Globe and Mail, Huffington Post Canada, National Post, July 2012 (AVRR amounts by recourse)',
  evaluation: 'public reporting of the CBSA AVRR pilot evaluation ("up to $500 for claimants from Designated Countries of Origin")',
  dco2012: 'Ministerial designation of countries of origin, IRPA s.109.1, in force 15 December 2012 (IRCC DCO list)',
  dco2013a: 'Ministerial designation of countries of origin, 15 February 2013 (IRCC DCO list)',
  dco2013b: 'Ministerial designation of countries of origin, 31 May 2013 (IRCC DCO list)',
  dcoEnd: 'IRCC news release, 17 May 2019: all countries removed from the DCO list (Canada ends the DCO practice)',
  pcisa: 'Protecting Canada\'s Immigration System Act (S.C. 2012, c. 17): Refugee Appeal Division in force 15 December 2012',
  brief: '../shared/avrr-policy.md',
  majority: 'Age of Majority and Accountability Act, R.S.O. 1990, c. A.7, s.1 (Ontario)',
} as const;

const PROGRAMME_START = '2012-06-29';

const DCO_2012_12_15 = [
  'AUT', 'BEL', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA',
  'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'SVK', 'SVN', 'ESP', 'SWE', 'GBR', 'USA',
] as const;
const DCO_2013_02_15 = [...DCO_2012_12_15, 'MEX', 'ISR', 'JPN', 'NOR', 'ISL', 'NZL', 'AUS', 'CHE'] as const;
const DCO_2013_05_31 = [...DCO_2013_02_15, 'CHL', 'KOR'] as const;

export const policy: Policy = {
  version: '2026-11-21.1',
  parameters: {
    programmeOpen: {
      description: 'Whether CBSA accepts AVRR applications on the application date (the programme window).',
      values: [
        {
          from: PROGRAMME_START,
          value: true,
          source: `${SOURCES.seed003}; ${SOURCES.seed000}`,
          note:
            'The original pilot took its last applications on 2015-03-31 (seed 003, seed 002). Office default (policy brief §3): no end date; when a window closes, append { from: <first closed day>, value: false }.',
        },
      ],
    },
    exclusions: {
      description: 'Exclusions in force (any one applying makes the person ineligible).',
      values: [
        {
          from: PROGRAMME_START,
          value: ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7'],
          source: `${SOURCES.seed000}; IRPA s.107(2) (X2), s.36 (X3), s.34 (X4), s.35 (X5), s.37 (X6)`,
        },
      ],
    },
    manifestlyUnfoundedReview: {
      description: 'A claim found manifestly unfounded (IRPA s.107.1) sends the person to supervisor review.',
      values: [
        {
          from: PROGRAMME_START,
          value: true,
          source: `${SOURCES.brief} §3 (office default: not named in seed 000, so not an exclusion)`,
        },
      ],
    },
    radInForce: {
      description: 'Whether the Refugee Appeal Division exists, so an allowed RAD appeal can set aside the negative decision.',
      values: [
        { from: PROGRAMME_START, value: false, source: SOURCES.pcisa, note: 'No RAD before 15 December 2012.' },
        { from: '2012-12-15', value: true, source: SOURCES.pcisa },
      ],
    },
    gtaLocations: {
      description: 'Places that count as "in or around the GTA" for rule E2 (shown in explanations; the officer records claim.inGta).',
      values: [
        {
          from: PROGRAMME_START,
          value: ['Toronto', 'Peel', 'York', 'Durham', 'Halton', 'Toronto Pearson International Airport'],
          source: `${SOURCES.enf34}; ${SOURCES.bulletin436}`,
        },
      ],
    },
    maxPerPerson: {
      description: 'Maximum in-kind reintegration assistance per person (CAD), whatever the tier.',
      values: [{ from: PROGRAMME_START, value: 2000, source: SOURCES.seed000 }],
    },
    tierAmounts: {
      description: 'Maximum in-kind assistance per person (CAD) by recourse status on the application date (non-DCO nationals).',
      values: [
        {
          from: PROGRAMME_START,
          value: { T1: 2000, T2: 1500, T3: 1000 },
          source: `${SOURCES.seed003}; ${SOURCES.press2012}`,
          note: 'T1: no Federal Court leave applied for; T2: leave applied for, no PRRA; T3: PRRA applied for (pending or decided).',
        },
      ],
    },
    transitionFlatAmount: {
      description: 'Transition: applications on or before 13 July 2012 get the T1 amount whatever the recourse.',
      values: [
        { from: PROGRAMME_START, value: true, source: `${SOURCES.press2012}; ${SOURCES.brief} §4` },
        { from: '2012-07-14', value: false, source: `${SOURCES.press2012}; ${SOURCES.brief} §4`, note: 'Recourse tiers apply from 14 July 2012.' },
      ],
    },
    dcoCountries: {
      description: 'Designated Countries of Origin (ISO 3166-1 alpha-3) in force on the application date.',
      values: [
        { from: PROGRAMME_START, value: [], source: SOURCES.dco2012, note: 'No designation before 15 December 2012.' },
        { from: '2012-12-15', value: DCO_2012_12_15, source: SOURCES.dco2012 },
        {
          from: '2013-02-15',
          value: DCO_2013_02_15,
          source: SOURCES.dco2013a,
          note: 'Israel designated excluding Gaza and the West Bank (nationals of Palestine, PSE, are not covered).',
        },
        {
          from: '2013-05-31',
          value: DCO_2013_05_31,
          source: SOURCES.dco2013b,
          note: 'The list later reached 42 countries; the last additions are not confirmed and are left out (policy brief §4).',
        },
        { from: '2019-05-17', value: [], source: SOURCES.dcoEnd, note: 'DCO regime ended: no one is a DCO national from this day.' },
      ],
    },
    dcoAmount: {
      description: 'Maximum in-kind assistance per person (CAD) for nationals of a Designated Country of Origin.',
      values: [
        {
          from: '2012-12-15',
          value: 500,
          source: `${SOURCES.evaluation}; ${SOURCES.seed003} (the $2K offer was for non-DCO nationals)`,
          note: 'Flat amount: the recourse tiers do not apply to DCO nationals (office default, policy brief §4).',
        },
      ],
    },
    ageOfMajority: {
      description: 'Age from which a person signs their own consent (minors are signed for by a parent or guardian). Informative only.',
      values: [{ from: PROGRAMME_START, value: 18, source: `${SOURCES.majority}; ${SOURCES.brief} §6` }],
    },
  },
};

/** The dated entry in force on `date`, or undefined before the first value. */
export function entryAt<T>(param: Parameter<T>, date: string): DatedValue<T> | undefined {
  const values = param.values;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== undefined && v.from <= date) return v;
  }
  return undefined;
}

/** The value in force on `date`, or undefined before the first value. */
export function valueAt<T>(param: Parameter<T>, date: string): T | undefined {
  return entryAt(param, date)?.value;
}
