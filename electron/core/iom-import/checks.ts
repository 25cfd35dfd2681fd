import { assistanceIssues } from '../../../shared/case/assistance';
import { transition } from '../../../shared/case/lifecycle';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import { latestInForce } from '../../../shared/case/stages';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { ConflictKind, ImportClass, ImportReason } from '../../../shared/schema/iom-import';
import type { StageDetails, StageEntry } from '../../../shared/schema/stages';
import { can } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';

/**
 * The checks `applyStage` (electron/core/stages/actions.ts) makes before it writes a stage, as a
 * pure function of the case's state, in the same order: the lifecycle table (status, then
 * permission, then requirements), then the date against the stage it follows (or the referral),
 * then the stage's own facts. The import runs these for thousands of rows without a query each;
 * tests/unit/iom-import holds rows of every kind whose expected outcome is applyStage's.
 */
export type Checked = { ok: true; next: CaseStatus } | { ok: false; class: ImportClass; conflict: ConflictKind | null; reason: ImportReason };

export interface CheckState {
  status: CaseStatus;
  stages: readonly StageEntry[];
  referredOn: string | null;
  /** The whole case, for the checks that need its persons and decision (travel documents, assistance). */
  detail: () => Pick<CaseDetail, 'intake' | 'decision' | 'stages'>;
}

const invalid = (key: string, params?: Record<string, string | number>): Checked => ({ ok: false, class: 'invalid', conflict: null, reason: params ? { key, params } : { key } });

export function checkStage(s: CheckState, stage: StageDetails, occurredOn: string, role: Role): Checked {
  const t = transition(s.status, stage.action);
  const order: Checked = { ok: false, class: 'conflicting', conflict: 'stage_order', reason: { key: 'iomImport.conflict.stage_order', params: { status: s.status } } };
  // Stage actions have no requirements in the table; one that had would need the full verdict.
  if (!t.allowed || !can(role, t.permission) || t.requires.length > 0) return order;
  const earliest = latestInForce(s.stages)?.occurredOn ?? s.referredOn;
  if (earliest && occurredOn < earliest) return { ok: false, class: 'conflicting', conflict: 'date_before_previous', reason: { key: 'iomImport.conflict.date_before_previous', params: { date: earliest } } };
  const issue = stageIssue(s, occurredOn, stage);
  if (issue) return issue;
  const next = targetOf(stage, s.status);
  return t.next.includes(next) ? { ok: true, next } : order;
}

/** applyStage's stageIssues: the first issue of the stage's own facts on this case. */
function stageIssue(s: CheckState, occurredOn: string, stage: StageDetails): Checked | null {
  switch (stage.action) {
    case 'recordTravelDocument': {
      if (stage.outcome === 'issued' && stage.documents.length === 0) return invalid('validation.required');
      if (stage.outcome === 'refused' && stage.reason === '') return invalid('validation.required');
      if (stage.documents.length === 0) return null;
      const ids = new Set(s.detail().intake.persons.map((p) => p.id));
      for (const d of stage.documents) {
        if (!ids.has(d.personId)) return invalid('validation.assistance_person');
        if (d.expiryDate < occurredOn) return invalid('validation.document_expired');
      }
      return null;
    }
    case 'bookFlight':
      return stage.flightDate < occurredOn ? invalid('validation.flight_before_booking') : null;
    case 'recordAssistance': {
      const x = assistanceIssues({ ...s.detail(), stages: [...s.stages] }, stage.entries)[0];
      return x ? invalid(x.messageKey, x.params) : null;
    }
    default:
      return null;
  }
}

/** The status a stage leads to (as applyStage's targetOf: the travel document's outcome decides). */
export function targetOf(stage: StageDetails, current: CaseStatus): CaseStatus {
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
