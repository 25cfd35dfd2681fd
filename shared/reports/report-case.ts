import type { CaseStatus } from '../case/lifecycle';
import type { Outcome, ReasonCode, Tier } from '../rules/codes';
import type { AttachmentKind } from '../schema/attachments';
import type { reintegrationCategories } from '../schema/intake';
import type { StageEntry } from '../schema/stages';
import type { TaskFacts } from '../case/tasks';

/**
 * What the reports read of one case: its dates, outcome, exit, assistance and integrity facts,
 * derived once from the stored case (electron/core/reports reads them in bulk and keeps them per
 * case version). Every report number is a count or a statistic over these; nothing else is read.
 * Dates are the office's local dates (YYYY-MM-DD). See docs/reports.md for each definition.
 */
export interface ReportCase {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  /** The AVRR application date (intake.applicationDate): the application basis counts by it. */
  appliedOn: string;
  /** The office date the intake was started (the 30-day clock counts from it). */
  intakeOn: string;
  /** People in the case (the principal and family who depart together). */
  persons: number;
  /** The principal's nationality (ISO 3166 alpha-2 as stored). */
  nationality: string;
  countryOfReturn: string | null;
  /** The principal's nationality was on the DCO list on the application date. */
  dcoAtApplication: boolean;
  /** The first screening at the front counter; null when never screened or recorded before the date was kept. */
  screenedOn: string | null;
  /** The decision in force (none after a reopen until decided again). */
  decision: ReportDecision | null;
  /** The consent recorded for the case (its signing date). */
  consentedOn: string | null;
  referredOn: string | null;
  /** The stages after referral still in force (corrections applied). */
  stages: ReportStages;
  /**
   * What the officers' task rules read of the stages (shared/case/tasks.ts taskFactsOf: the row's
   * task facts as kept with attention_on), so the "stage overdue" check asks `caseTasks` itself.
   */
  taskFacts: TaskFacts;
  /**
   * How the case left the programme early, if it did. An ineligible decision in force is an exit
   * `{ kind: 'ineligible', on: <decision date>, from: 'decided' }`; none once reopened.
   */
  exit: ReportExit | null;
  /** Per person: the tier and maximum of the decision in force and IOM's latest figures by category. */
  assistance: ReportPersonAssistance[];
  /** Kinds of the scans attached to the case. */
  attachments: AttachmentKind[];
  /** For the duplicate check: each person's UCI (if known) and folded name + date of birth. */
  identities: { uci: string | null; nameDob: string }[];
}

export interface ReportDecision {
  decidedOn: string;
  /** The outcome in force: after a supervisor review its result, else the rules' (needs_review while pending). */
  outcome: Outcome;
  reviewed: boolean;
  policyVersion: string;
  /** Codes of the ineligible persons' reasons (E1-E3, X1-X7, W1), each once, in code order. */
  ineligibleCodes: ReasonCode[];
  /** Facts still unknown in the decision in force (case-file paths), each once. */
  missingFacts: string[];
}

export interface ReportStages {
  acknowledgedOn: string | null;
  counselledOn: string | null;
  /** The latest travel-document entry in force, and the dates of each outcome seen. */
  travelDocument: {
    outcome: 'not_needed' | 'requested' | 'issued' | 'refused';
    /** When the document was first asked for (a `requested` entry), if ever. */
    requestedOn: string | null;
    /** When it was issued (the latest `issued` entry) or refused. */
    issuedOn: string | null;
    refusedOn: string | null;
    /** The date of the latest entry. */
    on: string;
  } | null;
  flightBookedOn: string | null;
  flightDate: string | null;
  departedOn: string | null;
  arrivedOn: string | null;
  planAgreedOn: string | null;
  /** The first assistance report in force with something delivered (> 0). */
  assistanceDeliveredOn: string | null;
  closedOn: string | null;
  /** Every date of the entries in force, in the order recorded (the order check reads them). */
  sequence: { action: StageEntry['stage']['action']; on: string }[];
}

export const exitKinds = ['withdrawn', 'ineligible', 'did_not_depart', 'iom_declined', 'travel_document_refused'] as const;
export type ExitKind = (typeof exitKinds)[number];

export interface ReportExit {
  kind: ExitKind;
  on: string;
  /** The status the case was in when it left (withdrawal: derived from the last step reached). */
  from: CaseStatus;
  /** Whether a reason was written (the text itself is personal and only in the case). */
  reasonGiven: boolean;
}

export type ReintegrationCategory = (typeof reintegrationCategories)[number];

export interface ReportPersonAssistance {
  tier: Tier | null;
  maxCad: number;
  byCategory: { category: ReintegrationCategory; committedCad: number; deliveredCad: number }[];
}
