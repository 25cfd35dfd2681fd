import fc from 'fast-check';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import { addDaysIso } from '../../../shared/case/timeline';
import type { Outcome, ReasonCode, Tier } from '../../../shared/rules/codes';
import type { AttachmentKind } from '../../../shared/schema/attachments';
import { reintegrationCategories } from '../../../shared/schema/intake';
import type { ExitKind, ReportCase, ReportPersonAssistance, ReportStages } from '../../../shared/reports/report-case';

/**
 * Consistent ReportCases for the property tests and the timing: each case walks the lifecycle up
 * to a furthest status, its dates in lifecycle order (never after TODAY), its status and exit
 * agreeing with its dates; a few are reopened, under review, or (when asked) have a date out of
 * order. Built from plain choices, so fast-check (shrinking) and a seeded PRNG (50,000 cases)
 * share one builder.
 */
export const TODAY = '2026-12-31';
export const CURRENT_POLICY = '2026-11-21.1';
const POLICIES = ['2012-06-29.1', '2013-02-15.1', CURRENT_POLICY] as const;
const FIRST_DAY = '2012-06-29';
/** Applications up to early 2025: with at most 19 gaps of 30 days after it, every date is before TODAY. */
export const APPLICATION_DAYS = 4600;
export const GAPS = 15;

/** The lifecycle walked, in order: progress 0..13. */
const PATH: readonly CaseStatus[] = [
  'draft',
  'screened',
  'decided',
  'consented',
  'referred',
  'acknowledged',
  'counselled',
  'travel_document_requested',
  'ready_to_book',
  'flight_booked',
  'departed',
  'arrived',
  'reintegration',
  'closed',
];
/** Each status's place on PATH. */
const P = {
  draft: 0,
  screened: 1,
  decided: 2,
  consented: 3,
  referred: 4,
  acknowledged: 5,
  counselled: 6,
  travel_document_requested: 7,
  ready_to_book: 8,
  flight_booked: 9,
  departed: 10,
  arrived: 11,
  reintegration: 12,
  closed: 13,
} as const;

export interface CaseChoices {
  applied: number;
  /** Days between successive steps (0..30). */
  gaps: number[];
  progress: number;
  /** 0: none; else which exit (adjusted to what the progress allows). */
  exit: number;
  outcome: number;
  reviewed: boolean;
  /** 1 in 8: the decision was reopened (no decision in force). */
  reopen: number;
  screened: boolean;
  policy: number;
  codes: number;
  missing: number;
  persons: number;
  nationality: number;
  countryRecorded: boolean;
  dco: boolean;
  tiers: number[];
  committed: number[];
  delivered: number[];
  attachments: number;
  ucis: number[];
  names: number[];
  documentNeeded: boolean;
  reasonGiven: boolean;
  followUp: boolean;
  /** With `disorder`: 1 in 6 cases has its decision dated before the intake. */
  disorder: number;
}

const NATIONALITIES = ['SY', 'MX', 'HU', 'CO', 'NG', 'CN', 'HT'] as const;
const CODES: readonly ReasonCode[] = ['E1', 'E2', 'E3', 'X1', 'X2', 'X4', 'W1'];
const ATTACHMENTS: readonly AttachmentKind[] = ['signed_consent', 'departure_confirmation', 'travel_document', 'other'];
const TIER_CHOICES: readonly (Tier | null)[] = ['T1', 'T2', 'T3', 'DCO', null];

function pick<T>(list: readonly T[], i: number): T {
  const v = list[((i % list.length) + list.length) % list.length];
  if (v === undefined) throw new Error('empty list');
  return v;
}

/** The exit a case can have at its progress, from the choice (0: none). */
function exitFor(choice: number, progress: number, outcome: Outcome | null): ExitKind | null {
  if (progress === P.decided && outcome === 'ineligible') return 'ineligible';
  if (choice === 0) return null;
  const possible: ExitKind[] = [];
  if (progress < P.departed) possible.push('withdrawn');
  if (progress === P.flight_booked) possible.push('did_not_depart');
  if (progress >= P.referred && progress <= P.ready_to_book) possible.push('iom_declined');
  if (progress === P.travel_document_requested) possible.push('travel_document_refused');
  return possible.length === 0 ? null : pick(possible, choice);
}

export function buildCase(ch: CaseChoices, index: number, opts: { disorder?: boolean } = {}): ReportCase {
  const gap = (i: number) => ch.gaps[i % ch.gaps.length] ?? 0;
  let g = 0;
  const next = (on: string) => addDaysIso(on, gap(g++));
  const appliedOn = addDaysIso(FIRST_DAY, ch.applied);
  const intakeOn = next(appliedOn);
  const progress = ch.progress;
  const reopened = ch.reopen === 0 && (progress === P.decided || progress === P.consented);
  const rawOutcome: Outcome = progress > P.decided ? 'eligible' : pick(['eligible', 'ineligible', 'needs_review'] as const, ch.outcome);
  const screenedOn = progress >= P.screened && (ch.screened || reopened || progress === P.screened) ? next(intakeOn) : null;
  let on = screenedOn ?? intakeOn;
  const decidedOn = progress >= P.decided ? (on = next(on)) : null;
  const decision: ReportCase['decision'] =
    decidedOn === null || reopened
      ? null
      : {
          decidedOn: opts.disorder && ch.disorder === 0 ? addDaysIso(intakeOn, -3) : decidedOn,
          outcome: rawOutcome,
          reviewed: rawOutcome !== 'needs_review' && ch.reviewed,
          policyVersion: pick(POLICIES, ch.policy),
          ineligibleCodes: rawOutcome === 'ineligible' ? CODES.filter((_, i) => (ch.codes >> i) & 1) : [],
          missingFacts: ch.missing % 4 === 0 ? ['persons.0.facts.prraApplied'] : [],
        };
  if (decision && decision.outcome === 'ineligible' && decision.ineligibleCodes.length === 0) decision.ineligibleCodes = ['E1'];
  const consentedOn = progress >= P.consented ? (on = next(on)) : null;
  const referredOn = progress >= P.referred ? (on = next(on)) : null;
  const sequence: ReportStages['sequence'] = [];
  const stage = (action: ReportStages['sequence'][number]['action']) => {
    on = next(on);
    sequence.push({ action, on });
    return on;
  };
  const acknowledgedOn = progress >= P.acknowledged ? stage('acknowledge') : null;
  const counselledOn = progress >= P.counselled ? stage('counsel') : null;
  const outcome = decision?.outcome ?? null;
  const exit = exitFor(ch.exit, progress, reopened ? null : outcome);

  let travelDocument: ReportStages['travelDocument'] = null;
  let documentExpiries: string[] = [];
  if (progress >= P.travel_document_requested) {
    if (ch.documentNeeded || progress === P.travel_document_requested) {
      const requestedOn = stage('recordTravelDocument');
      travelDocument = { outcome: 'requested', requestedOn, issuedOn: null, refusedOn: null, on: requestedOn };
      if (exit === 'travel_document_refused') {
        const refusedOn = stage('recordTravelDocument');
        travelDocument = { ...travelDocument, outcome: 'refused', refusedOn, on: refusedOn };
      } else if (progress >= P.ready_to_book) {
        const issuedOn = stage('recordTravelDocument');
        travelDocument = { ...travelDocument, outcome: 'issued', issuedOn, on: issuedOn };
        documentExpiries = [addDaysIso(issuedOn, 20 + gap(3) * 12)];
      }
    } else {
      const notNeededOn = stage('recordTravelDocument');
      travelDocument = { outcome: 'not_needed', requestedOn: null, issuedOn: null, refusedOn: null, on: notNeededOn };
    }
  }
  const flightBookedOn = progress >= P.flight_booked ? stage('bookFlight') : null;
  const flightDate = flightBookedOn === null ? null : addDaysIso(flightBookedOn, 1 + gap(5));
  if (flightDate !== null) on = flightDate;
  const departedOn = progress >= P.departed ? stage('confirmDeparture') : null;
  const arrivedOn = progress >= P.arrived ? stage('confirmArrival') : null;
  const planAgreedOn = progress >= P.reintegration ? stage('agreePlan') : null;
  const assistanceDeliveredOn = progress >= P.reintegration ? stage('recordAssistance') : null;
  const lastFollowUpOn = progress >= P.reintegration && ch.followUp ? stage('recordFollowUp') : null;
  const closedOn = progress >= P.closed ? stage('close') : null;
  const exitOn = exit === null ? null : exit === 'ineligible' ? (decision?.decidedOn ?? on) : exit === 'travel_document_refused' ? on : next(on);
  if (exit === 'did_not_depart') sequence.push({ action: 'noShow', on: exitOn ?? on });
  if (exit === 'iom_declined') sequence.push({ action: 'iomDecline', on: exitOn ?? on });

  let status: CaseStatus = pick(PATH, progress);
  if (reopened) status = 'screened';
  else if (progress === P.decided && rawOutcome === 'needs_review') status = 'under_review';
  if (exit !== null && exit !== 'ineligible') status = exit;

  const persons = ch.persons;
  const eligible = decision?.outcome === 'eligible';
  const assistance: ReportPersonAssistance[] = eligible
    ? Array.from({ length: persons }, (_, p) => {
        const tier = pick(TIER_CHOICES, ch.tiers[p] ?? 0);
        return {
          tier,
          maxCad: tier === null ? 0 : tier === 'DCO' ? 500 : tier === 'T1' ? 2000 : tier === 'T2' ? 1500 : 1000,
          byCategory:
            progress >= P.referred
              ? reintegrationCategories
                  .filter((_, k) => ((ch.committed[p] ?? 0) >> k) & 1)
                  .map((category, k) => {
                    const committedCad = 100 + ((ch.committed[p] ?? 0) % 5) * 50 + k;
                    const deliveredCad = assistanceDeliveredOn !== null && k === 0 ? committedCad : assistanceDeliveredOn !== null ? Math.min(committedCad, ch.delivered[p] ?? 0) : 0;
                    return { category, committedCad, deliveredCad };
                  })
              : [],
        };
      })
    : [];
  if (assistanceDeliveredOn !== null && eligible) {
    // Something delivered (> 0) on that date: the first person gets one category delivered.
    const first = assistance[0];
    if (first && !first.byCategory.some((e) => e.deliveredCad > 0)) first.byCategory.push({ category: 'housing', committedCad: 300, deliveredCad: 300 });
  }

  const attachments = ATTACHMENTS.filter((_, k) => (ch.attachments >> k) & 1);
  const identities = Array.from({ length: persons }, (_, p) => ({
    uci: (ch.ucis[p] ?? 0) % 3 === 0 ? null : `UCI-${ch.ucis[p] ?? 0}`,
    nameDob: `name-${ch.names[p] ?? p}|1980-01-0${1 + (p % 9)}`,
  }));
  const nationality = pick(NATIONALITIES, ch.nationality);
  return {
    id: `case-${index}`,
    caseNumber: `AVRR-${String(index).padStart(6, '0')}`,
    status,
    appliedOn,
    intakeOn,
    persons,
    nationality,
    countryOfReturn: ch.countryRecorded ? nationality : null,
    dcoAtApplication: ch.dco && (nationality === 'MX' || nationality === 'HU'),
    screenedOn,
    decision,
    consentedOn,
    referredOn,
    stages: {
      acknowledgedOn,
      counselledOn,
      travelDocument,
      flightBookedOn,
      flightDate,
      departedOn,
      arrivedOn,
      planAgreedOn,
      assistanceDeliveredOn,
      closedOn,
      sequence,
    },
    taskFacts: { flightDate, documentExpiries: travelDocument?.outcome === 'issued' ? documentExpiries : [], arrivedOn, lastFollowUpOn },
    exit: exit === null || exitOn === null ? null : { kind: exit, on: exitOn, from: exit === 'ineligible' ? 'decided' : pick(PATH, progress), reasonGiven: ch.reasonGiven },
    assistance,
    attachments,
    identities,
  };
}

const small = (max: number) => fc.integer({ min: 0, max });

export const caseChoices: fc.Arbitrary<CaseChoices> = fc.record({
  applied: small(APPLICATION_DAYS),
  gaps: fc.array(small(30), { minLength: GAPS, maxLength: GAPS }),
  progress: small(PATH.length - 1),
  exit: small(4),
  outcome: small(2),
  reviewed: fc.boolean(),
  reopen: small(7),
  screened: fc.boolean(),
  policy: small(POLICIES.length - 1),
  codes: small(127),
  missing: small(7),
  persons: fc.integer({ min: 1, max: 5 }),
  nationality: small(NATIONALITIES.length - 1),
  countryRecorded: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  dco: fc.boolean(),
  tiers: fc.array(small(4), { minLength: 5, maxLength: 5 }),
  committed: fc.array(small(511), { minLength: 5, maxLength: 5 }),
  delivered: fc.array(small(400), { minLength: 5, maxLength: 5 }),
  attachments: small(15),
  ucis: fc.array(small(400), { minLength: 5, maxLength: 5 }),
  names: fc.array(small(400), { minLength: 5, maxLength: 5 }),
  documentNeeded: fc.boolean(),
  reasonGiven: fc.boolean(),
  followUp: fc.boolean(),
  disorder: small(5),
});

/** Arrays of consistent cases (ids and case numbers unique). */
export function reportCases(opts: { maxLength?: number; disorder?: boolean } = {}): fc.Arbitrary<ReportCase[]> {
  return fc.array(caseChoices, { maxLength: opts.maxLength ?? 60 }).map((all) => all.map((ch, i) => buildCase(ch, i, opts)));
}

/** A seeded PRNG (mulberry32): the same seed, the same cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` consistent cases from a seed, fast (for timing: 50,000 cases, about 2 persons each). Statuses
 * are uniform over the lifecycle unless `openShare` is given: then only that share of the cases is
 * left anywhere in it, the others are over (closed, or left the programme), as in an office's
 * years of data.
 */
export function randomCases(n: number, seed = 1, opts: { disorder?: boolean; personsMax?: number; openShare?: number } = {}): ReportCase[] {
  const r = prng(seed);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const ints = (k: number, max: number) => Array.from({ length: k }, () => int(max));
  const out: ReportCase[] = [];
  for (let i = 0; i < n; i++) {
    const ch: CaseChoices = {
      applied: int(APPLICATION_DAYS),
      gaps: ints(GAPS, 30),
      progress: int(PATH.length - 1),
      exit: int(4),
      outcome: int(2),
      reviewed: r() < 0.5,
      reopen: int(7),
      screened: r() < 0.5,
      policy: int(POLICIES.length - 1),
      codes: int(127),
      missing: int(7),
      persons: 1 + int((opts.personsMax ?? 3) - 1),
      nationality: int(NATIONALITIES.length - 1),
      countryRecorded: r() < 0.9,
      dco: r() < 0.5,
      tiers: ints(5, 4),
      committed: ints(5, 511),
      delivered: ints(5, 400),
      attachments: int(15),
      ucis: ints(5, n * 4),
      names: ints(5, n * 4),
      documentNeeded: r() < 0.5,
      reasonGiven: r() < 0.5,
      followUp: r() < 0.5,
      disorder: int(5),
    };
    if (opts.openShare !== undefined && r() >= opts.openShare) {
      // Over: closed after the whole walk, or left the programme before departure.
      if (r() < 0.6) ch.progress = P.closed;
      else {
        ch.progress = int(P.flight_booked);
        ch.exit = 1 + int(3);
        ch.outcome = 1;
        ch.reopen = 1 + ch.reopen;
      }
    }
    out.push(buildCase(ch, i, opts));
  }
  return out;
}

/** A case just started at intake (nothing else yet), for hand-made examples: spread what differs. */
export function blankCase(n: number, appliedOn: string, over: Partial<ReportCase> = {}): ReportCase {
  return {
    id: `case-${n}`,
    caseNumber: `AVRR-${String(n).padStart(6, '0')}`,
    status: 'draft',
    appliedOn,
    intakeOn: appliedOn,
    persons: 1,
    nationality: 'SY',
    countryOfReturn: 'SY',
    dcoAtApplication: false,
    screenedOn: null,
    decision: null,
    consentedOn: null,
    referredOn: null,
    stages: noStages(),
    taskFacts: { flightDate: null, documentExpiries: [], arrivedOn: null, lastFollowUpOn: null },
    exit: null,
    assistance: [],
    attachments: [],
    identities: [{ uci: `UCI-${n}`, nameDob: `person-${n}|1980-01-01` }],
    ...over,
  };
}

export function noStages(over: Partial<ReportStages> = {}): ReportStages {
  return {
    acknowledgedOn: null,
    counselledOn: null,
    travelDocument: null,
    flightBookedOn: null,
    flightDate: null,
    departedOn: null,
    arrivedOn: null,
    planAgreedOn: null,
    assistanceDeliveredOn: null,
    closedOn: null,
    sequence: [],
    ...over,
  };
}

export function eligibleDecision(decidedOn: string, over: Partial<NonNullable<ReportCase['decision']>> = {}): NonNullable<ReportCase['decision']> {
  return { decidedOn, outcome: 'eligible', reviewed: false, policyVersion: CURRENT_POLICY, ineligibleCodes: [], missingFacts: [], ...over };
}
