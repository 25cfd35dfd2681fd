import { statusInfo } from '../case/lifecycle';
import { TIERS } from '../rules/codes';
import type { Tier } from '../rules/codes';
import type { AttachmentKind } from '../schema/attachments';
import { reintegrationCategories } from '../schema/intake';
import { aimDaysOn, dayNumber, fiscalYearNumber, monthNumber } from './dates';
import { funnelSteps, intervals } from './report';
import type { TravelDocumentState } from './report';
import type { ReintegrationCategory, ReportCase } from './report-case';

/**
 * What a report derives from one case alone, whatever the query and today: the funnel's dates,
 * the days between steps, the month and fiscal year numbers, the assistance sums, the travel
 * document's state, the dates out of order, the scans missing. Worked out once per case object
 * and kept (a WeakMap: gone with the case), so a report call only compares and adds up.
 *
 * A ReportCase is never changed once made: electron/core/reports/load.ts makes a new object for a
 * new version (or new scans), and tests build new ones. A case changed in place would keep its
 * old facts here.
 */
export interface CaseFacts {
  /** No exit and not in a final status (docs/reports.md: "still open"). */
  readonly open: boolean;
  /** Each funnel step's date (null: not reached), by index in `funnelSteps`. */
  readonly stepDates: readonly (string | null)[];
  /** The furthest step reached (index in `funnelSteps`). */
  readonly furthest: number;
  /** Days of each interval (by index in `intervals`), or NaN when one of its dates is missing. */
  readonly intervalDays: readonly number[];
  /** Intake to departure (days), or null before departure. */
  readonly toDeparture: number | null;
  /** Departed within the aim in force on the intake date. */
  readonly withinAim: boolean;
  /** The aim in force on the intake date, and the intake's day number (the "departure aim" check against today). */
  readonly aimDays: number;
  readonly intakeDay: number;
  readonly appliedMonth: number;
  readonly intakeMonth: number;
  /** Month and fiscal year of the departure (NaN: none). */
  readonly departedMonth: number;
  readonly departedFiscalYear: number;
  /** Country of return and nationality as the place rows key them (null: not recorded). */
  readonly country: string | null;
  readonly nationality: string | null;
  readonly assistance: AssistanceSums;
  /** The travel document's state in force, whether one was needed, and the days from request to issue (NaN: not both). */
  readonly travelDocument: { readonly state: TravelDocumentState; readonly needed: boolean; readonly days: number };
  /** The first two dates (in force) out of lifecycle order, by the names the integrity detail gives; null when in order. */
  readonly outOfOrder: readonly string[] | null;
  /** The scans a recorded step calls for and that are not attached (empty: none missing). */
  readonly missingScans: readonly AttachmentKind[];
}

/** A case's assistance, added up per tier and per category as visitAssistance tells the sink. */
export interface AssistanceSums {
  readonly persons: number;
  readonly maxCad: number;
  readonly committedCad: number;
  readonly deliveredCad: number;
  /** The tiers with persons, in `tierKeys` order. */
  readonly tiers: readonly { readonly tier: Tier | 'none'; readonly persons: number; readonly maxCad: number; readonly committedCad: number; readonly deliveredCad: number }[];
  /** The categories with an entry, in `reintegrationCategories` order; `persons`: those with something committed (> 0). */
  readonly categories: readonly { readonly category: ReintegrationCategory; readonly persons: number; readonly committedCad: number; readonly deliveredCad: number }[];
}

export const tierKeys = [...TIERS, 'none'] as const;
export const STEP = { intake: 0, screened: 1, decided: 2, consented: 3, referred: 4, acknowledged: 5, departed: 6, delivered: 7 } as const;
/** Each interval's two steps, by index in `intervals`. */
export const INTERVAL_ENDS: readonly (readonly [number, number])[] = [
  [STEP.intake, STEP.decided],
  [STEP.decided, STEP.referred],
  [STEP.referred, STEP.departed],
  [STEP.intake, STEP.referred],
  [STEP.intake, STEP.departed],
];
const INTAKE_TO_DEPARTURE = intervals.indexOf('intake_to_departure');
/** Index of each category and tier (a property read: cheaper than a Map in the per-person loop). */
const categoryIndex: Readonly<Record<ReintegrationCategory, number>> = {
  luggage: reintegrationCategories.indexOf('luggage'),
  onward_transport: reintegrationCategories.indexOf('onward_transport'),
  job_search: reintegrationCategories.indexOf('job_search'),
  material: reintegrationCategories.indexOf('material'),
  medical: reintegrationCategories.indexOf('medical'),
  small_business: reintegrationCategories.indexOf('small_business'),
  housing: reintegrationCategories.indexOf('housing'),
  training: reintegrationCategories.indexOf('training'),
  legal: reintegrationCategories.indexOf('legal'),
};
const tierIndex: Readonly<Record<Tier, number>> = { T1: tierKeys.indexOf('T1'), T2: tierKeys.indexOf('T2'), T3: tierKeys.indexOf('T3'), DCO: tierKeys.indexOf('DCO') };
const NO_TIER = tierKeys.length - 1;
const NEEDED: ReadonlySet<string> = new Set(['requested', 'issued', 'refused']);

const kept = new WeakMap<ReportCase, CaseFacts>();

/** The case's facts, worked out on first use and kept with the case object. */
export function factsOf(c: ReportCase): CaseFacts {
  let f = kept.get(c);
  if (f === undefined) {
    f = deriveFacts(c);
    kept.set(c, f);
  }
  return f;
}

function deriveFacts(c: ReportCase): CaseFacts {
  const st = c.stages;
  const decidedOn = c.decision?.decidedOn ?? null;
  const stepDates = new Array<string | null>(funnelSteps.length).fill(null);
  stepDates[STEP.intake] = c.intakeOn;
  stepDates[STEP.screened] = c.screenedOn ?? decidedOn;
  stepDates[STEP.decided] = decidedOn;
  stepDates[STEP.consented] = c.consentedOn;
  stepDates[STEP.referred] = c.referredOn;
  stepDates[STEP.acknowledged] = st.acknowledgedOn;
  stepDates[STEP.departed] = st.departedOn;
  stepDates[STEP.delivered] = st.assistanceDeliveredOn;
  let furthest = 0;
  for (let i = stepDates.length - 1; i > 0; i--) {
    if (stepDates[i] !== null) {
      furthest = i;
      break;
    }
  }

  const intervalDays = INTERVAL_ENDS.map(([from, to]) => {
    const a = stepDates[from] ?? null;
    const b = stepDates[to] ?? null;
    return a === null || b === null ? NaN : dayNumber(b) - dayNumber(a);
  });
  const days = intervalDays[INTAKE_TO_DEPARTURE] ?? NaN;
  const toDeparture = Number.isNaN(days) ? null : days;
  const aimDays = aimDaysOn(c.intakeOn);
  const departedOn = st.departedOn;

  const td = st.travelDocument;
  const state: TravelDocumentState = td === null ? 'none_yet' : td.outcome;

  const missingScans: AttachmentKind[] = [];
  if (c.consentedOn !== null && !c.attachments.includes('signed_consent')) missingScans.push('signed_consent');
  if (departedOn !== null && !c.attachments.includes('departure_confirmation')) missingScans.push('departure_confirmation');
  if (td?.outcome === 'issued' && !c.attachments.includes('travel_document')) missingScans.push('travel_document');

  return {
    open: c.exit === null && !statusInfo[c.status].final,
    stepDates,
    furthest,
    intervalDays,
    toDeparture,
    withinAim: toDeparture !== null && toDeparture <= aimDays,
    aimDays,
    intakeDay: dayNumber(c.intakeOn),
    appliedMonth: monthNumber(c.appliedOn),
    intakeMonth: monthNumber(c.intakeOn),
    departedMonth: departedOn === null ? NaN : monthNumber(departedOn),
    departedFiscalYear: departedOn === null ? NaN : fiscalYearNumber(departedOn),
    country: c.countryOfReturn === '' ? null : c.countryOfReturn,
    nationality: c.nationality === '' ? null : c.nationality,
    assistance: assistanceSums(c),
    travelDocument: {
      state,
      needed: NEEDED.has(state),
      days: td !== null && td.requestedOn !== null && td.issuedOn !== null ? dayNumber(td.issuedOn) - dayNumber(td.requestedOn) : NaN,
    },
    outOfOrder: firstOutOfOrder(c),
    missingScans,
  };
}

/** The case's persons' maxima and IOM's figures, per tier and per category (each sum in the order of the persons and their entries). */
function assistanceSums(c: ReportCase): AssistanceSums {
  const tiers = tierKeys.map((tier) => ({ tier, persons: 0, maxCad: 0, committedCad: 0, deliveredCad: 0 }));
  const categories = reintegrationCategories.map((category) => ({ category, persons: 0, committedCad: 0, deliveredCad: 0, seen: false }));
  let maxCad = 0;
  let committed = 0;
  let delivered = 0;
  for (const p of c.assistance) {
    const t = tiers[p.tier === null ? NO_TIER : tierIndex[p.tier]];
    let pCommitted = 0;
    let pDelivered = 0;
    let counted = 0; // bit i: this person already counted in category i
    for (const e of p.byCategory) {
      pCommitted += e.committedCad;
      pDelivered += e.deliveredCad;
      // Data read back from storage: a category this code does not know counts in no category.
      const i: number | undefined = categoryIndex[e.category];
      const k = i === undefined ? undefined : categories[i];
      if (i === undefined || k === undefined) continue;
      k.seen = true;
      k.committedCad += e.committedCad;
      k.deliveredCad += e.deliveredCad;
      if (e.committedCad > 0 && (counted & (1 << i)) === 0) {
        counted |= 1 << i;
        k.persons++;
      }
    }
    if (t !== undefined) {
      t.persons++;
      t.maxCad += p.maxCad;
      t.committedCad += pCommitted;
      t.deliveredCad += pDelivered;
    }
    maxCad += p.maxCad;
    committed += pCommitted;
    delivered += pDelivered;
  }
  return {
    persons: c.assistance.length,
    maxCad,
    committedCad: committed,
    deliveredCad: delivered,
    tiers: tiers.filter((t) => t.persons > 0),
    categories: categories.filter((k) => k.seen).map(({ category, persons, committedCad, deliveredCad }) => ({ category, persons, committedCad, deliveredCad })),
  };
}

/** The first two dates (in force) out of lifecycle order, by the step names the integrity detail gives. */
function firstOutOfOrder(c: ReportCase): string[] | null {
  if (c.appliedOn > c.intakeOn) return ['application', 'intake'];
  let prevName = 'intake';
  let prevOn = c.intakeOn;
  const d = c.decision;
  if (d !== null) {
    if (d.decidedOn < prevOn) return [prevName, 'decision'];
    prevName = 'decision';
    prevOn = d.decidedOn;
  }
  if (c.consentedOn !== null) {
    if (c.consentedOn < prevOn) return [prevName, 'consent'];
    prevName = 'consent';
    prevOn = c.consentedOn;
  }
  if (c.referredOn !== null) {
    if (c.referredOn < prevOn) return [prevName, 'referral'];
    prevName = 'referral';
    prevOn = c.referredOn;
  }
  for (const s of c.stages.sequence) {
    if (s.on < prevOn) return [prevName, s.action];
    prevName = s.action;
    prevOn = s.on;
  }
  return null;
}
