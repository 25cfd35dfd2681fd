import type { CaseStatus } from '../case/lifecycle';
import { inForce, stageOn } from '../case/stages';
import { taskFactsOf } from '../case/tasks';
import { REASON_CODES } from '../rules/codes';
import type { Outcome, ReasonCode, Tier } from '../rules/codes';
import { policy, valueAt } from '../rules/policy';
import type { AttachmentKind } from '../schema/attachments';
import type { DecisionRecord } from '../schema/case-api';
import type { ReviewRecord } from '../schema/review';
import type { AssistanceEntry, StageEntry } from '../schema/stages';
import { officeDate } from '../time/office-time';
import type { ReportCase, ReportDecision, ReportExit, ReportPersonAssistance, ReportStages } from './report-case';

/**
 * One case's report facts (ReportCase) from the case as stored: pure, so the back end
 * (electron/core/reports/load.ts) derives each case once per version from the rows it reads in
 * bulk, and tests can derive the same from a hand-built case. The definitions are those of
 * docs/reports.md; the stages in force are read with the functions the case screen uses
 * (shared/case/stages.ts, tasks.ts), the decision in force as shared/case/decision.ts gives it.
 */
export interface StoredReportCase {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  /** When the intake was started (UTC instant): its office date is the 30-day clock's start. */
  createdAt: string;
  /** intake.applicationDate (the column kept with it). */
  applicationDate: string;
  /** UTC instants kept on the case row (null: not yet, or before the column existed). */
  screenedAt: string | null;
  referredAt: string | null;
  /** The withdrawal's date (office date, as the officer gave it) and whether a reason was written. */
  withdrawnOn: string | null;
  withdrawalReasonGiven: boolean;
  /** intake.travel.countryOfReturn. */
  countryOfReturn: string | null;
  /** The persons rows in order (the principal first); the name already folded as search folds it. */
  persons: readonly { nationality: string; uci: string | null; nameFolded: string; dateOfBirth: string }[];
  /** The decision in force (cases.decision_id), or null (none yet, or reopened). */
  decision: StoredDecision | null;
  /** The consent recorded last: its signing date and when it was recorded (UTC instant). */
  consent: { signedOn: string; recordedAt: string } | null;
  /** Every stage entry, oldest first, corrections marked (stages/rows.ts readStagesOf). */
  stages: readonly StageEntry[];
  attachments: readonly AttachmentKind[];
}

/**
 * What the reports read of a decision: the rules' outcome and reason codes (case and persons),
 * each person's computed tier, maximum and unknown facts, and the supervisor's review. The
 * stored result also holds every reason's texts and traces (7 KB a decision): the back end
 * extracts only these parts in SQL, so reading 50,000 decisions does not parse them all.
 * `storedDecisionOf` gives the same from a whole DecisionRecord (tests check both agree).
 */
export interface StoredDecision {
  decidedAt: string;
  policyVersion: string;
  outcome: Outcome;
  reasonCodes: ReasonCode[];
  persons: { id: string; outcome: Outcome; tier: Tier | null; maxAmountCad: number | null; reasonCodes: ReasonCode[]; missing: string[] }[];
  review: ReviewRecord | null;
}

export function storedDecisionOf(d: DecisionRecord): StoredDecision {
  return {
    decidedAt: d.decidedAt,
    policyVersion: d.policyVersion,
    outcome: d.result.outcome,
    reasonCodes: d.result.reasons.map((r) => r.code),
    persons: d.result.persons.map((p) => ({ id: p.id, outcome: p.outcome, tier: p.assistance.tier, maxAmountCad: p.assistance.maxAmountCad, reasonCodes: p.reasons.map((r) => r.code), missing: [...p.missing] })),
    review: d.review,
  };
}

/**
 * Each person's decision in force, as shared/case/decision.ts `effectivePersons` gives it (the
 * supervisor's review where there is one, else the rules'), on the parts the reports read.
 */
export function effectiveDecisionPersons(d: StoredDecision): { id: string; outcome: Outcome; tier: Tier | null; maxAmountCad: number | null }[] {
  return d.persons.map((p) => {
    const r = d.review?.persons.find((x) => x.personId === p.id);
    return r ? { id: p.id, outcome: r.outcome, tier: r.tier, maxAmountCad: r.maxAmountCad } : { id: p.id, outcome: p.outcome, tier: p.tier, maxAmountCad: p.maxAmountCad };
  });
}

/** The case's outcome in force (shared/case/decision.ts effectiveOutcome). */
const outcomeInForce = (d: StoredDecision): Outcome => d.review?.outcome ?? d.outcome;

/** Reason codes that say why a person is ineligible (conditions, exclusions, the programme window). */
const INELIGIBLE_CODES: ReadonlySet<ReasonCode> = new Set<ReasonCode>(['E1', 'E2', 'E3', 'X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'W1']);
const codeOrder = (a: ReasonCode, b: ReasonCode) => REASON_CODES.indexOf(a) - REASON_CODES.indexOf(b);

export function deriveReportCase(c: StoredReportCase, timeZone: string): ReportCase {
  const dateOf = (instant: string | null) => (instant === null ? null : officeDate(new Date(instant), timeZone));
  const principal = c.persons[0];
  const nationality = principal?.nationality ?? '';
  const held = inForce(c.stages);
  const decision = c.decision ? reportDecision(c.decision, timeZone) : null;
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    status: c.status,
    appliedOn: c.applicationDate,
    intakeOn: officeDate(new Date(c.createdAt), timeZone),
    persons: c.persons.length,
    nationality,
    countryOfReturn: c.countryOfReturn,
    dcoAtApplication: (valueAt(policy.parameters.dcoCountries, c.applicationDate) ?? []).includes(nationality),
    screenedOn: dateOf(c.screenedAt),
    decision,
    consentedOn: c.consent?.signedOn ?? null,
    referredOn: dateOf(c.referredAt),
    stages: reportStages(c.stages, held),
    taskFacts: taskFactsOf(c.stages),
    exit: exitOf(c, held, decision),
    assistance: c.decision ? assistanceOf(c.decision, held) : [],
    attachments: [...c.attachments],
    // A person without a name (disposed of after the retention period) matches nobody by name.
    identities: c.persons.map((p) => ({ uci: p.uci, nameDob: p.nameFolded === '' ? '' : `${p.nameFolded}|${p.dateOfBirth}` })),
  };
}

function reportDecision(d: StoredDecision, timeZone: string): ReportDecision {
  const outcome = outcomeInForce(d);
  const ruled = new Map(d.persons.map((p) => [p.id, p]));
  const codes = new Set<ReasonCode>();
  for (const p of effectiveDecisionPersons(d)) {
    if (p.outcome !== 'ineligible') continue;
    for (const code of ruled.get(p.id)?.reasonCodes ?? []) if (INELIGIBLE_CODES.has(code)) codes.add(code);
  }
  if (outcome === 'ineligible') for (const code of d.reasonCodes) if (INELIGIBLE_CODES.has(code)) codes.add(code);
  const missing = new Set<string>();
  for (const p of d.persons) for (const m of p.missing) missing.add(m);
  return {
    decidedOn: officeDate(new Date(d.decidedAt), timeZone),
    outcome,
    reviewed: d.review !== null,
    policyVersion: d.policyVersion,
    ineligibleCodes: [...codes].sort(codeOrder),
    missingFacts: [...missing],
  };
}

function reportStages(all: readonly StageEntry[], held: readonly StageEntry[]): ReportStages {
  let travelDocument: ReportStages['travelDocument'] = null;
  let requestedOn: string | null = null;
  let issuedOn: string | null = null;
  let refusedOn: string | null = null;
  let flightBookedOn: string | null = null;
  let flightDate: string | null = null;
  let assistanceDeliveredOn: string | null = null;
  for (const e of held) {
    const s = e.stage;
    if (s.action === 'recordTravelDocument') {
      if (s.outcome === 'requested') requestedOn ??= e.occurredOn;
      if (s.outcome === 'issued') issuedOn = e.occurredOn;
      if (s.outcome === 'refused') refusedOn = e.occurredOn;
      travelDocument = { outcome: s.outcome, requestedOn, issuedOn, refusedOn, on: e.occurredOn };
    } else if (s.action === 'bookFlight') {
      flightBookedOn = e.occurredOn;
      flightDate = s.flightDate;
    } else if (s.action === 'recordAssistance' && assistanceDeliveredOn === null && s.entries.some((x) => x.deliveredCad > 0)) {
      assistanceDeliveredOn = e.occurredOn;
    }
  }
  if (travelDocument) travelDocument = { ...travelDocument, requestedOn, issuedOn, refusedOn };
  return {
    acknowledgedOn: stageOn(all, 'acknowledge'),
    counselledOn: stageOn(all, 'counsel'),
    travelDocument,
    flightBookedOn,
    flightDate,
    departedOn: stageOn(all, 'confirmDeparture'),
    arrivedOn: stageOn(all, 'confirmArrival'),
    planAgreedOn: stageOn(all, 'agreePlan'),
    assistanceDeliveredOn,
    closedOn: stageOn(all, 'close'),
    sequence: held.map((e) => ({ action: e.stage.action, on: e.occurredOn })),
  };
}

/** The exit of a stage that ends the programme: the latest entry in force that led to the case's status. */
const STAGE_EXITS: Partial<Record<CaseStatus, ReportExit['kind']>> = {
  did_not_depart: 'did_not_depart',
  iom_declined: 'iom_declined',
  travel_document_refused: 'travel_document_refused',
};

function exitOf(c: StoredReportCase, held: readonly StageEntry[], decision: ReportDecision | null): ReportExit | null {
  if (c.status === 'withdrawn') {
    return { kind: 'withdrawn', on: c.withdrawnOn ?? c.applicationDate, from: reachedBeforeWithdrawal(c, held), reasonGiven: c.withdrawalReasonGiven };
  }
  const stageExit = STAGE_EXITS[c.status];
  if (stageExit) {
    const e = held.findLast((x) => x.statusAfter === c.status);
    if (e) {
      const s = e.stage;
      const text = 'reason' in s ? s.reason : '';
      return { kind: stageExit, on: e.occurredOn, from: e.statusBefore, reasonGiven: text.trim().length > 0 || (e.reason ?? '').trim().length > 0 };
    }
  }
  if (decision?.outcome === 'ineligible') {
    // "A reason given" is the participant's own (a withdrawal's, a no-show's): a decision's reasons are the rules'.
    return { kind: 'ineligible', on: decision.decidedOn, from: 'decided', reasonGiven: false };
  }
  return null;
}

/**
 * The furthest status a withdrawn case had reached: its last stage in force after referral, else
 * the last CBSA step it has (a consent counts only if recorded after the decision in force: a
 * reopened case is back before consent).
 */
function reachedBeforeWithdrawal(c: StoredReportCase, held: readonly StageEntry[]): CaseStatus {
  const last = held.at(-1);
  if (last) return last.statusAfter;
  if (c.referredAt !== null) return 'referred';
  const d = c.decision;
  if (d && c.consent && c.consent.recordedAt >= d.decidedAt) return 'consented';
  if (d) return d.outcome === 'needs_review' && d.review === null ? 'under_review' : 'decided';
  if (c.screenedAt !== null) return 'screened';
  return 'draft';
}

/** Per person of the decision in force: tier and maximum, and IOM's latest figures per category. */
function assistanceOf(d: StoredDecision, held: readonly StageEntry[]): ReportPersonAssistance[] {
  const latest = new Map<string, AssistanceEntry>();
  for (const e of held) if (e.stage.action === 'recordAssistance') for (const x of e.stage.entries) latest.set(`${x.personId}|${x.category}`, x);
  const byPerson = new Map<string, AssistanceEntry[]>();
  for (const x of latest.values()) {
    const list = byPerson.get(x.personId);
    if (list) list.push(x);
    else byPerson.set(x.personId, [x]);
  }
  return effectiveDecisionPersons(d).map((p) => ({
    tier: p.tier,
    maxCad: p.maxAmountCad ?? 0,
    byCategory: (byPerson.get(p.id) ?? []).map((x) => ({ category: x.category, committedCad: x.committedCad, deliveredCad: x.deliveredCad })),
  }));
}
