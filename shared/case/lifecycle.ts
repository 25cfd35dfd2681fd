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

export const caseStatuses = ['draft', 'screened', 'decided', 'under_review', 'consented', 'referred', 'withdrawn'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseActions = ['save', 'screen', 'decide', 'review', 'reopen', 'generateConsent', 'recordConsent', 'refer', 'withdraw'] as const;
export type CaseAction = (typeof caseActions)[number];

/**
 * Preconditions, checked on the case as stored (shared/case/requirements.ts says how). Each gives
 * the officer what is missing and the intake section to go to, never a field path.
 */
export const requirementIds = [
  /** The decision the rules would make now is final-ready: eligible persons have tier, amount and every packet fact. */
  'decision_ready',
  /** The decision in force is eligible (after any supervisor review). */
  'eligible',
  /** Everything the referral packet prints is known and within the packet's limits. */
  'packet_ready',
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

export interface StatusInfo {
  /** No action can move the case on (besides reading it). */
  readonly final: boolean;
  /** Which part of the programme the status belongs to (for lists and reports). */
  readonly phase: 'intake' | 'decision' | 'consent' | 'iom' | 'closed';
}

export const statusInfo: { readonly [S in CaseStatus]: StatusInfo } = {
  draft: { final: false, phase: 'intake' },
  screened: { final: false, phase: 'intake' },
  decided: { final: false, phase: 'decision' },
  under_review: { final: false, phase: 'decision' },
  consented: { final: false, phase: 'consent' },
  // Final until IOM's stages after referral are added as rows (acknowledged, travel document, ...).
  referred: { final: true, phase: 'iom' },
  withdrawn: { final: true, phase: 'closed' },
};

const ok = (permission: Permission, next: readonly CaseStatus[], requires: readonly RequirementId[] = [], forward = true): Allowed => ({
  allowed: true,
  permission,
  requires,
  next,
  forward,
});
const no = (reason: string): Refused => ({ allowed: false, reason });

const closed = no('lifecycle.refused.closed');
const withdrawn = no('lifecycle.refused.withdrawn');
const edit = (s: CaseStatus) => ok('case.edit', [s], [], false);
const withdraw = ok('case.withdraw', ['withdrawn'], [], false);
const reopen = ok('case.decide', ['screened'], [], false);

/** Every (status, action) pair, explicitly: a missing one is a type error. */
export const lifecycle: { readonly [S in CaseStatus]: { readonly [A in CaseAction]: Transition } } = {
  draft: {
    save: edit('draft'),
    screen: ok('case.screen', ['screened']),
    decide: ok('case.decide', ['decided', 'under_review'], ['decision_ready']),
    review: no('lifecycle.refused.not_in_review'),
    reopen: no('lifecycle.refused.no_decision'),
    generateConsent: no('lifecycle.refused.decide_first'),
    recordConsent: no('lifecycle.refused.decide_first'),
    refer: no('lifecycle.refused.decide_first'),
    withdraw,
  },
  screened: {
    save: edit('screened'),
    screen: ok('case.screen', ['screened']),
    decide: ok('case.decide', ['decided', 'under_review'], ['decision_ready']),
    review: no('lifecycle.refused.not_in_review'),
    reopen: no('lifecycle.refused.no_decision'),
    generateConsent: no('lifecycle.refused.decide_first'),
    recordConsent: no('lifecycle.refused.decide_first'),
    refer: no('lifecycle.refused.decide_first'),
    withdraw,
  },
  decided: {
    // Facts the decision rests on cannot change by a save: the service refuses and asks to reopen.
    save: edit('decided'),
    screen: no('lifecycle.refused.already_decided'),
    decide: no('lifecycle.refused.already_decided'),
    review: no('lifecycle.refused.not_in_review'),
    reopen,
    generateConsent: ok('document.generate', ['decided'], ['eligible', 'packet_ready']),
    recordConsent: ok('consent.record', ['consented'], ['eligible', 'packet_ready', 'consent_form_current']),
    refer: no('lifecycle.refused.consent_first'),
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
    withdraw,
  },
  referred: {
    save: closed,
    screen: closed,
    decide: closed,
    review: closed,
    reopen: closed,
    generateConsent: closed,
    recordConsent: closed,
    refer: no('lifecycle.refused.already_referred'),
    withdraw,
  },
  withdrawn: {
    save: withdrawn,
    screen: withdrawn,
    decide: withdrawn,
    review: withdrawn,
    reopen: withdrawn,
    generateConsent: withdrawn,
    recordConsent: withdrawn,
    refer: withdrawn,
    withdraw: no('lifecycle.refused.already_withdrawn'),
  },
};

export function transition(status: CaseStatus, action: CaseAction): Transition {
  return lifecycle[status][action];
}

/** The actions the table allows in a status (before permissions and preconditions). */
export function actionsIn(status: CaseStatus): CaseAction[] {
  return caseActions.filter((a) => lifecycle[status][a].allowed);
}
