import { assistanceIssues } from '../../../shared/case/assistance';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import { latestInForce } from '../../../shared/case/stages';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { FieldIssue } from '../../../shared/ipc/errors';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { RecordStageInput, StageDetails } from '../../../shared/schema/stages';
import { commitStage } from '../cases/actions';
import { readCaseDetail } from '../cases/detail';
import { pick, requireAction } from '../cases/guard';
import type { SignedInContext } from '../context';
import { insertStage } from './rows';

/**
 * The stages after referral: each asked of the lifecycle table, checked against the case's
 * history (no stage dated before the one it follows, nothing in the future), stored as an entry
 * that is never edited, with the case's new status, in one transaction with its audit entry.
 */

const invalid = (issues: FieldIssue[]) => new IpcFailure(ipcError('invalid_input', { issues }));

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

/** What the stage's own facts must satisfy on this case. */
function stageIssues(c: CaseDetail, occurredOn: string, stage: StageDetails): FieldIssue[] {
  const ids = new Set(c.intake.persons.map((p) => p.id));
  switch (stage.action) {
    case 'recordTravelDocument': {
      const issues: FieldIssue[] = [];
      if (stage.outcome === 'issued' && stage.documents.length === 0) issues.push({ path: ['stage', 'documents'], messageKey: 'validation.required' });
      if (stage.outcome === 'refused' && stage.reason === '') issues.push({ path: ['stage', 'reason'], messageKey: 'validation.required' });
      stage.documents.forEach((d, i) => {
        if (!ids.has(d.personId)) issues.push({ path: ['stage', 'documents', i, 'personId'], messageKey: 'validation.assistance_person' });
        if (d.expiryDate < occurredOn) issues.push({ path: ['stage', 'documents', i, 'expiryDate'], messageKey: 'validation.document_expired' });
      });
      return issues;
    }
    case 'bookFlight':
      return stage.flightDate < occurredOn ? [{ path: ['stage', 'flightDate'], messageKey: 'validation.flight_before_booking' }] : [];
    case 'recordAssistance':
      return assistanceIssues(c, stage.entries).map((x) => ({ path: ['stage', 'entries', x.index, x.field], messageKey: x.messageKey, ...(x.params ? { params: x.params } : {}) }));
    default:
      return [];
  }
}

/** The earliest date the next stage can carry: the latest stage in force, else the referral. */
function notBefore(c: CaseDetail): string | null {
  return latestInForce(c.stages)?.occurredOn ?? c.milestones.referredOn;
}

export function recordStage(ctx: SignedInContext, input: RecordStageInput): CaseDetail {
  return ctx.tx(input.caseId, () => {
    const c = readCaseDetail(ctx.db().db, input.caseId, ctx.clock.timeZone);
    applyStage(ctx, c, input);
    return readCaseDetail(ctx.db().db, c.id, ctx.clock.timeZone);
  });
}

/**
 * Check one stage against the table and the case's history, and write it with the case's new
 * status: inside the caller's transaction (recordStage's, or an IOM file import's for each row).
 * Throws the refusal (IpcFailure) and writes nothing when it does not hold.
 */
export function applyStage(ctx: SignedInContext, c: CaseDetail, input: RecordStageInput): void {
  const { db } = ctx.db();
  if (input.occurredOn > ctx.clock.today()) throw invalid([{ path: ['occurredOn'], messageKey: 'validation.date_in_future' }]);
  const next = requireAction(ctx, c, input.stage.action);
  const earliest = notBefore(c);
  const issues: FieldIssue[] = [];
  if (earliest && input.occurredOn < earliest) issues.push({ path: ['occurredOn'], messageKey: 'validation.stage_before_previous', params: { date: earliest } });
  issues.push(...stageIssues(c, input.occurredOn, input.stage));
  if (issues.length > 0) throw invalid(issues);
  const status = pick(next, targetOf(input.stage, c.status));
  const reason = input.stage.action === 'noShow' || input.stage.action === 'iomDecline' ? input.stage.reason : null;
  insertStage(db, {
    caseId: c.id,
    occurredOn: input.occurredOn,
    source: input.source,
    details: input.stage,
    statusBefore: c.status,
    statusAfter: status,
    reason,
    recordedAt: ctx.now().toISOString(),
    recordedBy: ctx.session.userId,
  });
  commitStage(ctx, c.id, input.baseVersion, status, [{ occurredOn: input.occurredOn, stage: input.stage }]);
}

/**
 * A stage recorded by mistake: a correction entry (with the reason) undoes the latest stage in
 * force and puts the case back where it was; both stay in the history.
 */
export function correctStage(ctx: SignedInContext, input: { caseId: string; baseVersion: number; entryId: string; reason: string }): CaseDetail {
  const { db } = ctx.db();
  return ctx.tx(input.caseId, () => {
    const c = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
    const next = requireAction(ctx, c, 'correctStage');
    const latest = latestInForce(c.stages);
    if (!latest || latest.id !== input.entryId) throw invalid([{ path: ['entryId'], messageKey: 'validation.correct_latest_only' }]);
    const status = pick(next, latest.statusBefore);
    insertStage(db, {
      caseId: c.id,
      occurredOn: ctx.clock.today(),
      source: 'cbsa_officer',
      details: { action: 'correctStage' },
      statusBefore: c.status,
      statusAfter: status,
      correctsId: latest.id,
      reason: input.reason,
      recordedAt: ctx.now().toISOString(),
      recordedBy: ctx.session.userId,
    });
    commitStage(ctx, c.id, input.baseVersion, status);
    return readCaseDetail(db, c.id, ctx.clock.timeZone);
  });
}
