import type { Permission } from '../roles';

/**
 * The case's life as data: every status, every action, and for each (status, action) whether it
 * is allowed, with which permission, on which preconditions, and to which next status. The back
 * end checks every case-changing call against this table and nothing else (electron/core/cases);
 * the UI takes its buttons and its "not yet, because..." from the same table;
 * docs/case-lifecycle.md is generated from it (scripts/lifecycle-doc.ts).
 *
 * The stages after referral are added as rows: a new status, a new action, a new requirement.
 */

export const caseStatuses = [
  // CBSA: intake, decision, consent, referral.
  'draft',
  'screened',
  'decided',
  'under_review',
  'consented',
  'referred',
  // IOM's stages after referral (policy brief §5), in order.
  'acknowledged',
  'counselled',
  'travel_document_requested',
  'ready_to_book',
  'flight_booked',
  'departed',
  'arrived',
  'reintegration',
  'closed',
  // Side exits.
  'withdrawn',
  'did_not_depart',
  'iom_declined',
  'travel_document_refused',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** CBSA's actions up to the referral. */
export const intakeActions = ['save', 'screen', 'decide', 'review', 'reopen', 'generateConsent', 'recordConsent', 'refer', 'generateIneligibilityLetter'] as const;
/** The stages after referral, as recorded from IOM's reports or by a CBSA officer at departure. */
export const stageActions = [
  'acknowledge',
  'counsel',
  'recordTravelDocument',
  'bookFlight',
  'confirmDeparture',
  'noShow',
  'confirmArrival',
  'agreePlan',
  'recordAssistance',
  'recordFollowUp',
  'close',
  'iomDecline',
] as const;
export type StageAction = (typeof stageActions)[number];
export const caseActions = [...intakeActions, ...stageActions, 'correctStage', 'withdraw'] as const;
export type CaseAction = (typeof caseActions)[number];

/**
 * Preconditions, checked on the case as stored (shared/case/requirements.ts says how); those of a
 * `save` also on the case as the save would leave it (what a save must keep). Each gives the
 * officer what is missing and the intake section to go to, never a field path.
 */
export const requirementIds = [
  /** The decision the rules would make now is final-ready: eligible persons have tier, amount and every packet fact. */
  'decision_ready',
  /** The decision in force is eligible (after any supervisor review). */
  'eligible',
  /** The decision in force is not eligible (after any supervisor review): the letter explaining it can be made. */
  'ineligible',
  /** Everything the referral packet prints is known and within the packet's limits. */
  'packet_ready',
  /**
   * A save keeps what an eligible decision rests on for its consent and referral: the packet's
   * facts may change, not be blanked. Checked on the case as the save would leave it.
   */
  'packet_facts_kept',
  /** The latest consent form was made for the case as it is now (same persons, same intake version). */
  'consent_form_current',
  /** Recorded consent covers every person of the current version: adults themselves, minors by a guardian. */
  'consent_covers_persons',
] as const;
export type RequirementId = (typeof requirementIds)[number];

export interface Allowed {
  readonly allowed: true;
  readonly permission: Permission;
  readonly requires: readonly RequirementId[];
  /** The status after the action; several when the outcome decides (a decision may need review). */
  readonly next: readonly CaseStatus[];
  /** Moves the case forward (used by the no-dead-end checks); saving, reopening and withdrawing do not. */
  readonly forward: boolean;
}

export interface Refused {
  readonly allowed: false;
  /** i18n key said to the officer when the action is tried in this status. */
  readonly reason: string;
}

export type Transition = Allowed | Refused;

/** The parts of the programme, in order (the case list filters by them, reports group by them). */
export const casePhases = ['intake', 'decision', 'consent', 'iom', 'reintegration', 'closed'] as const;
export type CasePhase = (typeof casePhases)[number];

export interface StatusInfo {
  /** No action can move the case on (besides reading it). */
  readonly final: boolean;
  /** Which part of the programme the status belongs to (for lists and reports). */
  readonly phase: CasePhase;
}

export const statusInfo: { readonly [S in CaseStatus]: StatusInfo } = {
  draft: { final: false, phase: 'intake' },
  screened: { final: false, phase: 'intake' },
  decided: { final: false, phase: 'decision' },
  under_review: { final: false, phase: 'decision' },
  consented: { final: false, phase: 'consent' },
  referred: { final: false, phase: 'iom' },
  acknowledged: { final: false, phase: 'iom' },
  counselled: { final: false, phase: 'iom' },
  travel_document_requested: { final: false, phase: 'iom' },
  ready_to_book: { final: false, phase: 'iom' },
  flight_booked: { final: false, phase: 'iom' },
  departed: { final: false, phase: 'reintegration' },
  arrived: { final: false, phase: 'reintegration' },
  reintegration: { final: false, phase: 'reintegration' },
  // Final: only a correction of a stage recorded by mistake moves a case out of them.
  closed: { final: true, phase: 'closed' },
  withdrawn: { final: true, phase: 'closed' },
  did_not_depart: { final: true, phase: 'closed' },
  iom_declined: { final: true, phase: 'closed' },
  travel_document_refused: { final: true, phase: 'closed' },
};

const ok = (permission: Permission, next: readonly CaseStatus[], requires: readonly RequirementId[] = [], forward = true): Allowed => ({
  allowed: true,
  permission,
  requires,
  next,
  forward,
});
const no = (reason: string): Refused => ({ allowed: false, reason });

type Row = { readonly [A in CaseAction]: Transition };
type IntakeRow = { readonly [A in (typeof intakeActions)[number]]: Transition };
type StageRow = { readonly [A in StageAction | 'correctStage']: Transition };

const edit = (s: CaseStatus, requires: readonly RequirementId[] = []) => ok('case.edit', [s], requires, false);
const withdraw = ok('case.withdraw', ['withdrawn'], [], false);
const reopen = ok('case.decide', ['screened'], [], false);
/** The same stage again (a new flight, another delivery, another follow-up): the status stays. */
const again = (s: CaseStatus, a: 'stage.record' = 'stage.record') => ok(a, [s], [], false);
/** Back to the status before the stage recorded last (a correction entry with a reason; history is kept). */
const correct = (to: readonly CaseStatus[]) => ok('stage.record', to, [], false);

/** An entry for each key. */
function each<K extends string, V>(keys: readonly K[], value: (k: K) => V): { readonly [P in K]: V } {
  const out: Partial<Record<K, V>> = {};
  for (const k of keys) out[k] = value(k);
  // Every key of `keys` was set just above.
  return out as { readonly [P in K]: V };
}
/** One refusal for each of these actions (a block of the table that a status refuses for one reason). */
const refuse = <K extends CaseAction>(actions: readonly K[], reason: string) => each(actions, () => no(reason));
const stageRowActions = [...stageActions, 'correctStage'] as const;

/** Before referral, IOM's stages do not apply. */
const noStagesYet: StageRow = refuse(stageRowActions, 'lifecycle.refused.not_referred');
/** After referral the intake, decision and consent are settled: the packet IOM holds stands. */
const intakeDone = (reason: string): IntakeRow => refuse(intakeActions, reason);
/**
 * The stages of one status: those named, every other refused as out of order. Corrections are not
 * named here: they are derived from the stages (`lifecycle` below).
 */
const stages = (allowed: { readonly [A in StageAction]?: Transition }): StageRow => ({ ...refuse(stageRowActions, 'lifecycle.refused.stage_order'), ...allowed });
/** A case that has left the programme after referral: no stage applies any more (a mistaken one is corrected). */
const stagesEnded = stages({});

/** The intake before a decision (started, or screened and handed over): the same steps, the save keeps the status. */
const beforeDecision = (s: CaseStatus): Row => ({
  save: edit(s),
  screen: ok('case.screen', ['screened']),
  decide: ok('case.decide', ['decided', 'under_review'], ['decision_ready']),
  review: no('lifecycle.refused.not_in_review'),
  reopen: no('lifecycle.refused.no_decision'),
  generateConsent: no('lifecycle.refused.decide_first'),
  recordConsent: no('lifecycle.refused.decide_first'),
  refer: no('lifecycle.refused.decide_first'),
  generateIneligibilityLetter: no('lifecycle.refused.decide_first'),
  ...noStagesYet,
  withdraw,
});

/**
 * Every (status, action) pair but the corrections, which are derived from it (`correctStage`
 * below): a missing one is a type error (and a test checks each entry).
 */
const rows: { readonly [S in CaseStatus]: Row } = {
  draft: beforeDecision('draft'),
  screened: beforeDecision('screened'),
  decided: {
    // Facts the decision rests on cannot change by a save: the service refuses and asks to reopen.
    // An eligible decision stays ready for its consent and referral: a save keeps the packet's facts.
    save: edit('decided', ['packet_facts_kept']),
    screen: no('lifecycle.refused.already_decided'),
    decide: no('lifecycle.refused.already_decided'),
    review: no('lifecycle.refused.not_in_review'),
    reopen,
    generateConsent: ok('document.generate', ['decided'], ['eligible', 'packet_ready']),
    recordConsent: ok('consent.record', ['consented'], ['eligible', 'packet_ready', 'consent_form_current']),
    refer: no('lifecycle.refused.consent_first'),
    // The letter to the person explaining a decision of not eligible; the case stays decided (a reopen can follow).
    generateIneligibilityLetter: ok('document.generate', ['decided'], ['ineligible'], false),
    ...noStagesYet,
    withdraw,
  },
  under_review: {
    save: edit('under_review'),
    screen: no('lifecycle.refused.already_decided'),
    decide: no('lifecycle.refused.in_review'),
    // Approving anyone as eligible also needs the packet facts: checked on the review's outcome.
    review: ok('case.review', ['decided']),
    reopen,
    generateConsent: no('lifecycle.refused.in_review'),
    recordConsent: no('lifecycle.refused.in_review'),
    refer: no('lifecycle.refused.in_review'),
    generateIneligibilityLetter: no('lifecycle.refused.in_review'),
    ...noStagesYet,
    withdraw,
  },
  consented: {
    save: no('lifecycle.refused.consented'),
    screen: no('lifecycle.refused.already_decided'),
    decide: no('lifecycle.refused.already_decided'),
    review: no('lifecycle.refused.not_in_review'),
    reopen,
    generateConsent: no('lifecycle.refused.consent_recorded'),
    recordConsent: no('lifecycle.refused.consent_recorded'),
    refer: ok('referral.create', ['referred'], ['eligible', 'packet_ready', 'consent_covers_persons']),
    generateIneligibilityLetter: no('lifecycle.refused.not_ineligible'),
    ...noStagesYet,
    withdraw,
  },
  referred: {
    ...intakeDone('lifecycle.refused.referred'),
    refer: no('lifecycle.refused.already_referred'),
    ...stages({ acknowledge: ok('stage.record', ['acknowledged']), iomDecline: ok('stage.record', ['iom_declined'], [], false) }),
    withdraw,
  },
  acknowledged: {
    ...intakeDone('lifecycle.refused.referred'),
    ...stages({
      counsel: ok('stage.record', ['counselled']),
      iomDecline: ok('stage.record', ['iom_declined'], [], false),
      noShow: ok('stage.record', ['did_not_depart'], [], false),
    }),
    withdraw,
  },
  counselled: {
    ...intakeDone('lifecycle.refused.referred'),
    ...stages({
      recordTravelDocument: ok('stage.record', ['travel_document_requested', 'ready_to_book', 'travel_document_refused']),
      iomDecline: ok('stage.record', ['iom_declined'], [], false),
      noShow: ok('stage.record', ['did_not_depart'], [], false),
    }),
    withdraw,
  },
  travel_document_requested: {
    ...intakeDone('lifecycle.refused.referred'),
    ...stages({
      recordTravelDocument: ok('stage.record', ['travel_document_requested', 'ready_to_book', 'travel_document_refused']),
      noShow: ok('stage.record', ['did_not_depart'], [], false),
    }),
    withdraw,
  },
  ready_to_book: {
    ...intakeDone('lifecycle.refused.referred'),
    ...stages({
      bookFlight: ok('stage.record', ['flight_booked']),
      // A document that turns out refused or expired after all.
      recordTravelDocument: ok('stage.record', ['travel_document_requested', 'ready_to_book', 'travel_document_refused'], [], false),
      noShow: ok('stage.record', ['did_not_depart'], [], false),
    }),
    withdraw,
  },
  flight_booked: {
    ...intakeDone('lifecycle.refused.referred'),
    ...stages({
      confirmDeparture: ok('stage.record', ['departed']),
      bookFlight: again('flight_booked'),
      noShow: ok('stage.record', ['did_not_depart'], [], false),
    }),
    withdraw,
  },
  departed: {
    ...intakeDone('lifecycle.refused.referred'),
    ...stages({ confirmArrival: ok('stage.record', ['arrived']) }),
    withdraw,
  },
  arrived: {
    ...intakeDone('lifecycle.refused.referred'),
    ...stages({
      agreePlan: ok('stage.record', ['reintegration']),
      recordFollowUp: again('arrived'),
    }),
    withdraw,
  },
  reintegration: {
    ...intakeDone('lifecycle.refused.referred'),
    ...stages({
      recordAssistance: again('reintegration'),
      recordFollowUp: again('reintegration'),
      agreePlan: again('reintegration'),
      close: ok('stage.record', ['closed']),
    }),
    withdraw,
  },
  closed: {
    ...intakeDone('lifecycle.refused.closed'),
    ...stagesEnded,
    withdraw: no('lifecycle.refused.closed'),
  },
  withdrawn: {
    ...intakeDone('lifecycle.refused.withdrawn'),
    ...refuse(stageRowActions, 'lifecycle.refused.withdrawn'),
    withdraw: no('lifecycle.refused.already_withdrawn'),
  },
  did_not_depart: {
    ...intakeDone('lifecycle.refused.exited'),
    ...stagesEnded,
    withdraw: no('lifecycle.refused.exited'),
  },
  iom_declined: {
    ...intakeDone('lifecycle.refused.exited'),
    ...stagesEnded,
    withdraw: no('lifecycle.refused.exited'),
  },
  travel_document_refused: {
    ...intakeDone('lifecycle.refused.exited'),
    ...stagesEnded,
    withdraw: no('lifecycle.refused.exited'),
  },
};

/** The statuses a stage can be recorded in that lead to `status` (the same stage again included). */
function stagesInto(status: CaseStatus): CaseStatus[] {
  return caseStatuses.filter((from) =>
    stageActions.some((a) => {
      const t = rows[from][a];
      return t.allowed && t.next.includes(status);
    }),
  );
}

/**
 * Every (status, action) pair. A correction undoes the stage recorded last, so in every status a
 * stage leads to, `correctStage` goes back to any status that stage can be recorded in; where no
 * stage leads, the row's refusal stands.
 */
export const lifecycle: { readonly [S in CaseStatus]: Row } = each(caseStatuses, (s) => {
  const back = stagesInto(s);
  return back.length > 0 ? { ...rows[s], correctStage: correct(back) } : rows[s];
});

export function transition(status: CaseStatus, action: CaseAction): Transition {
  return lifecycle[status][action];
}

/** The actions the table allows in a status (before permissions and preconditions). */
export function actionsIn(status: CaseStatus): CaseAction[] {
  return caseActions.filter((a) => lifecycle[status][a].allowed);
}

/**
 * Appointments (book, reschedule) are for a case still in the programme: refused once it has
 * reached a final status (closed, withdrawn, exited), with the message to show; null when allowed.
 */
export function appointmentRefusal(status: CaseStatus): string | null {
  return statusInfo[status].final ? 'appointments.error.caseClosed' : null;
}
