import { assistanceIssues } from '../../../shared/case/assistance';
import { verdict } from '../../../shared/case/guard';
import type { Verdict } from '../../../shared/case/guard';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import type { CaseState } from '../../../shared/case/requirements';
import { latestInForce } from '../../../shared/case/stages';
import type { FieldIssue } from '../../../shared/ipc/errors';
import type { Role } from '../../../shared/roles';
import type { StageDetails, StageEntry } from '../../../shared/schema/stages';

/**
 * May this stage be recorded on this case, on this date, by this role, and which status does it
 * lead to? The one rule behind recording a stage: stage.record (actions.ts `applyStage`) and the
 * IOM status file import (iom-import/service.ts, for thousands of rows without a query each) both
 * ask it and only report its answer in their own terms. Pure. In order:
 *
 *  1. the date is not after today;
 *  2. the lifecycle table allows the stage in the case's status, for this role, with its
 *     requirements met (shared/case/guard.ts `verdict`, the question every action asks);
 *  3. every issue of the date (not before the stage in force it follows, else the referral) and
 *     of the stage's own facts (travel documents of the case's persons, not expired on the date;
 *     a flight not before its booking; assistance within the case's maxima), the date's first;
 *  4. the status the stage leads to (the travel document's outcome decides) is one the table names.
 */
export interface StageCase {
  status: CaseStatus;
  /** The entries after referral, in order (for an import: with those of the rows before it). */
  stages: readonly StageEntry[];
  /** The referral date (office time zone): no stage before it. */
  referredOn: string | null;
  /**
   * The rest of the case, asked only by the checks that need it (a requirement of the table, the
   * persons a travel document or an assistance report names, the decision's maxima).
   */
  rest: () => Omit<CaseState, 'status'>;
}

export type StageCheck =
  | { ok: true; next: CaseStatus }
  /** The table refuses (status, permission or requirements): its verdict. */
  | { ok: false; kind: 'lifecycle'; verdict: Exclude<Verdict, { ok: true }> }
  /** The date or the stage's facts: every issue (one at least), by the field of a stage.record input. */
  | { ok: false; kind: 'issues'; issues: [FieldIssue, ...FieldIssue[]] }
  /** The status the stage leads to is not among those the table names (a table inconsistency). */
  | { ok: false; kind: 'target'; target: CaseStatus; next: readonly CaseStatus[] };

export function checkStage(c: StageCase, stage: StageDetails, occurredOn: string, role: Role, today: string): StageCheck {
  if (occurredOn > today) return { ok: false, kind: 'issues', issues: [{ path: ['occurredOn'], messageKey: 'validation.date_in_future' }] };
  // The table's question, with the rest of the case read only if a requirement looks at it.
  const state: CaseState = {
    status: c.status,
    get intake() {
      return c.rest().intake;
    },
    get intakeVersion() {
      return c.rest().intakeVersion;
    },
    get decision() {
      return c.rest().decision;
    },
    get consentForm() {
      return c.rest().consentForm;
    },
    get consent() {
      return c.rest().consent;
    },
  };
  const v = verdict(stage.action, state, role);
  if (!v.ok) return { ok: false, kind: 'lifecycle', verdict: v };
  const earliest = notBefore(c);
  const dateIssues: FieldIssue[] = earliest && occurredOn < earliest ? [{ path: ['occurredOn'], messageKey: 'validation.stage_before_previous', params: { date: earliest } }] : [];
  const [first, ...more] = [...dateIssues, ...stageIssues(c, occurredOn, stage)];
  if (first) return { ok: false, kind: 'issues', issues: [first, ...more] };
  const target = targetOf(stage, c.status);
  return v.next.includes(target) ? { ok: true, next: target } : { ok: false, kind: 'target', target, next: v.next };
}

/** The earliest date the next stage can carry: the latest stage in force, else the referral. */
function notBefore(c: StageCase): string | null {
  return latestInForce(c.stages)?.occurredOn ?? c.referredOn;
}

/** What the stage's own facts must satisfy on this case. */
function stageIssues(c: StageCase, occurredOn: string, stage: StageDetails): FieldIssue[] {
  switch (stage.action) {
    case 'recordTravelDocument': {
      const issues: FieldIssue[] = [];
      if (stage.outcome === 'issued' && stage.documents.length === 0) issues.push({ path: ['stage', 'documents'], messageKey: 'validation.required' });
      if (stage.outcome === 'refused' && stage.reason === '') issues.push({ path: ['stage', 'reason'], messageKey: 'validation.required' });
      if (stage.documents.length === 0) return issues;
      const ids = new Set(c.rest().intake.persons.map((p) => p.id));
      stage.documents.forEach((d, i) => {
        if (!ids.has(d.personId)) issues.push({ path: ['stage', 'documents', i, 'personId'], messageKey: 'validation.assistance_person' });
        if (d.expiryDate < occurredOn) issues.push({ path: ['stage', 'documents', i, 'expiryDate'], messageKey: 'validation.document_expired' });
      });
      return issues;
    }
    case 'bookFlight':
      return stage.flightDate < occurredOn ? [{ path: ['stage', 'flightDate'], messageKey: 'validation.flight_before_booking' }] : [];
    case 'recordAssistance': {
      const { intake, decision } = c.rest();
      return assistanceIssues({ intake, decision, stages: [...c.stages] }, stage.entries).map((x) => ({
        path: ['stage', 'entries', x.index, x.field],
        messageKey: x.messageKey,
        ...(x.params ? { params: x.params } : {}),
      }));
    }
    default:
      return [];
  }
}

/** The status a stage leads to (the travel document's outcome decides which). */
function targetOf(stage: StageDetails, current: CaseStatus): CaseStatus {
  switch (stage.action) {
    case 'acknowledge':
      return 'acknowledged';
    case 'counsel':
      return 'counselled';
    case 'recordTravelDocument':
      return stage.outcome === 'requested' ? 'travel_document_requested' : stage.outcome === 'refused' ? 'travel_document_refused' : 'ready_to_book';
    case 'bookFlight':
      return 'flight_booked';
    case 'confirmDeparture':
      return 'departed';
    case 'noShow':
      return 'did_not_depart';
    case 'confirmArrival':
      return 'arrived';
    case 'agreePlan':
      return 'reintegration';
    case 'recordAssistance':
    case 'recordFollowUp':
      return current;
    case 'close':
      return 'closed';
    case 'iomDecline':
      return 'iom_declined';
  }
}
