import type { CaseStatus } from '../case/lifecycle';
import type { Outcome, ReasonCode, Tier } from '../rules/codes';
import type { AttachmentKind } from '../schema/attachments';
import type { ReportQuery } from './query';
import type { ExitKind, ReintegrationCategory } from './report-case';

/**
 * The Reports screen's data, the CSV and PDF exports and `npm run report` all come from one
 * `Report` computed by shared/reports/compute.ts. Every number a person can click is a `Count`:
 * its `cell` names the cases behind it, and `report.cases` lists exactly those (the same code
 * decides membership and counts, so a list never disagrees with its number).
 * Definitions: docs/reports.md.
 */
export interface Count {
  n: number;
  /** Opaque id of the cases behind the number (shared/reports/cells.ts). */
  cell: string;
}

/** Days between two steps over the cases that have both (nearest-rank percentile; median of an even sample: mean of the middle two). */
export interface DayStats {
  cases: Count;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export const funnelSteps = ['intake', 'screened', 'decided', 'consented', 'referred', 'acknowledged', 'departed', 'reintegration_delivered'] as const;
export type FunnelStep = (typeof funnelSteps)[number];

export interface FunnelRow {
  step: FunnelStep;
  count: Count;
  persons: number;
  /** Cases whose furthest step is this one and that left the programme, by why. */
  stopped: { kind: ExitKind; count: Count }[];
  /** Ineligible decisions that stopped here, by reason code (a case counts once per code it has). */
  ineligibleCodes: { code: ReasonCode; count: Count }[];
  /** Cases whose furthest step is this one, still open. */
  inProgress: Count;
  /** Only on `decided`: the outcome in force. */
  outcomes?: { outcome: Outcome; count: Count }[];
}

export const intervals = ['intake_to_decision', 'decision_to_referral', 'referral_to_departure', 'intake_to_referral', 'intake_to_departure'] as const;
export type Interval = (typeof intervals)[number];

export interface MonthRow {
  /** YYYY-MM: the month of the application (application basis) or of the event (event basis). */
  month: string;
  intakes: Count;
  departed: Count;
  departedWithinAim: Count;
  medianIntakeToDeparture: number | null;
}

export interface TimesSection {
  intervals: ({ interval: Interval } & DayStats)[];
  /** Departed cases, and those departed within the programme's aim (days from intake, dated parameter). */
  departed: Count;
  withinAim: Count;
  /** withinAim / departed, 0..1, or null with no departure. */
  shareWithinAim: number | null;
  byMonth: MonthRow[];
}

export interface TargetRow {
  fiscalYear: number;
  /** FY2013-14. */
  label: string;
  /** Removals (persons departed) aimed for; null when no target is recorded for the year. */
  target: number | null;
  /** Where the target comes from (the brief for the historical ones, else the supervisor's note). */
  source: string | null;
  /** Pre-filled from the brief, not recorded by a supervisor. */
  historical: boolean;
  /** Persons whose departure date falls in the fiscal year (CBSA counts removals per person). */
  departedPersons: number;
  departedCases: Count;
  /** departedPersons / target, or null. */
  share: number | null;
}

export interface PlaceRow {
  /** Country code, or null when not recorded. */
  code: string | null;
  cases: Count;
  persons: number;
  departed: Count;
  departedPersons: number;
  medianIntakeToDeparture: number | null;
  /** Cases whose principal was a DCO national on the application date. */
  dco: Count;
}

/**
 * Persons are numbers, not Counts: a Count's `n` is always the number of cases its cell lists, so
 * each row gives the cases behind it (`cases`: those with at least one such person) and the persons.
 */
export interface AssistanceSection {
  byTier: { tier: Tier | 'none'; cases: Count; persons: number; maxCad: number; committedCad: number; deliveredCad: number }[];
  /** Persons with something committed in the category (> 0), and the cases they belong to. */
  byCategory: { category: ReintegrationCategory; cases: Count; persons: number; committedCad: number; deliveredCad: number }[];
  totals: { cases: Count; persons: number; maxCad: number; committedCad: number; deliveredCad: number };
}

export const travelDocumentStates = ['none_yet', 'not_needed', 'requested', 'issued', 'refused'] as const;
export type TravelDocumentState = (typeof travelDocumentStates)[number];

export interface TravelDocumentsSection {
  /** Referred cases (the only ones that can have a travel document entry). */
  referred: Count;
  byState: { state: TravelDocumentState; count: Count }[];
  /** requested + issued + refused: cases that needed a document. */
  needed: Count;
  /** Days from the request to the issue, for cases with both. */
  daysToObtain: DayStats;
}

export interface ExitsSection {
  rows: { kind: ExitKind; from: CaseStatus; count: Count; reasonGiven: number }[];
  total: Count;
}

export const integrityIssues = [
  'unknown_after_decision',
  'dates_out_of_order',
  'stage_overdue',
  'duplicate_suspected',
  'policy_not_current',
  'attachment_missing',
] as const;
export type IntegrityIssue = (typeof integrityIssues)[number];

export interface IntegrityRow {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  issues: {
    issue: IntegrityIssue;
    /**
     * What exactly (i18n params): the missing fact paths; the two steps out of order (`application`,
     * `intake`, `decision`, `consent`, `referral` or a stage action); the first scan missing and all
     * of them (`attachments`: a case counts once per issue); the other case's number; the decision's
     * policy version; the overdue task (a task kind of shared/case/tasks.ts, or `departure_aim`).
     */
    detail: { facts?: string[]; steps?: string[]; attachment?: AttachmentKind; attachments?: AttachmentKind[]; otherCase?: string; policyVersion?: string; task?: string };
  }[];
}

export interface IntegritySection {
  counts: { issue: IntegrityIssue; count: Count }[];
  /** Sorted by case number; at most INTEGRITY_ROWS_MAX rows (the counts are complete). */
  rows: IntegrityRow[];
  truncated: boolean;
}

export interface Report {
  query: ReportQuery;
  /** The office date the report was computed for ("today": overdue stages, open cases). */
  today: string;
  generatedAt: string;
  /** The eligibility policy versions of the decisions counted, and the one in force now. */
  policyVersions: { used: string[]; current: string };
  aimDays: number;
  cases: Count;
  funnel: FunnelRow[];
  times: TimesSection;
  targets: TargetRow[];
  byCountry: PlaceRow[];
  byNationality: PlaceRow[];
  assistance: AssistanceSection;
  travelDocuments: TravelDocumentsSection;
  exits: ExitsSection;
  integrity: IntegritySection;
}

export const INTEGRITY_ROWS_MAX = 500;
