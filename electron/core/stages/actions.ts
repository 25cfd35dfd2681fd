import { latestInForce } from '../../../shared/case/stages';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { FieldIssue } from '../../../shared/ipc/errors';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { RecordStageInput } from '../../../shared/schema/stages';
import { commitStage } from '../cases/actions';
import { readCaseDetail } from '../cases/detail';
import { pick, requireAction } from '../cases/guard';
import type { SignedInContext } from '../context';
import { checkStage } from './check';
import { insertStage, reasonOf } from './rows';

/**
 * The stages after referral: each checked by check.ts `checkStage` (the lifecycle table, the
 * case's history: no stage dated before the one it follows, nothing in the future; the stage's
 * own facts), stored as an entry that is never edited, with the case's new status, in one
 * transaction with its audit entry.
 */

const invalid = (issues: FieldIssue[]) => new IpcFailure(ipcError('invalid_input', { issues }));

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
  const checked = checkStage({ status: c.status, stages: c.stages, referredOn: c.milestones.referredOn, rest: () => c }, input.stage, input.occurredOn, ctx.session.role, ctx.clock.today());
  if (!checked.ok) {
    switch (checked.kind) {
      case 'issues':
        throw invalid(checked.issues);
      case 'lifecycle':
        // The table's refusal, reported as every action reports it: requireAction throws it.
        requireAction(ctx, c, input.stage.action);
        break;
      case 'target':
        pick(checked.next, checked.target); // throws (the table names no status the stage leads to)
        break;
    }
    throw new Error(`stage ${input.stage.action} refused in ${c.status} (${checked.kind})`);
  }
  const status = checked.next;
  insertStage(db, {
    caseId: c.id,
    occurredOn: input.occurredOn,
    source: input.source,
    details: input.stage,
    statusBefore: c.status,
    statusAfter: status,
    reason: reasonOf(input.stage),
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
