import { sql } from 'drizzle-orm';
import type { StageEntry } from '../../../shared/schema/stages';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import { commitStage } from '../cases/actions';
import type { SignedInContext } from '../context';
import { caseStages } from '../db/schema';

/**
 * The import's writes, inside the apply's transaction: the stage entries, the very rows
 * stages/rows.ts `insertStage` writes (seq continuing the case's own), with the statement
 * prepared once for the whole file; then the case row's new status through the cases module
 * (one change per case and import).
 */
export function stageEntryWriter(ctx: SignedInContext): (caseId: string, e: StageEntry) => void {
  const { db } = ctx.db();
  const p = (name: string) => sql.placeholder(name);
  const insert = db
    .insert(caseStages)
    .values({
      id: p('id'),
      caseId: p('caseId'),
      seq: p('seq'),
      action: p('action'),
      occurredOn: p('occurredOn'),
      source: p('source'),
      details: p('details'),
      statusBefore: p('statusBefore'),
      statusAfter: p('statusAfter'),
      correctsId: null,
      reason: p('reason'),
      recordedAt: p('recordedAt'),
      recordedBy: p('recordedBy'),
    })
    .prepare();
  return (caseId, e) => {
    insert.run({
      id: e.id,
      caseId,
      seq: e.seq,
      action: e.stage.action,
      occurredOn: e.occurredOn,
      source: e.source,
      details: JSON.stringify(e.stage),
      statusBefore: e.statusBefore,
      statusAfter: e.statusAfter,
      reason: e.reason,
      recordedAt: e.recordedAt,
      recordedBy: e.recordedBy,
    });
  };
}

/** The case row after its stages: its new status, its version moved on once (optimistic check on the version read). */
export function commitCase(ctx: SignedInContext, caseId: string, baseVersion: number, status: CaseStatus, added: readonly StageEntry[]): void {
  commitStage(ctx, caseId, baseVersion, status, added);
}
