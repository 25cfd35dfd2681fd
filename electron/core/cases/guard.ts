import { verdict } from '../../../shared/case/guard';
import type { CaseAction } from '../../../shared/case/lifecycle';
import type { CaseState } from '../../../shared/case/requirements';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { CaseStatus } from '../../../shared/schema/case';
import type { SignedInContext } from '../context';
import type { CaseRow } from './rows';

/**
 * The back end's only question before changing a case: does the lifecycle table allow this
 * action, for this person, on the case as stored? Refusals carry the table's reason, or what is
 * missing with the section to go to. A save also asks it of the case as the save would leave it:
 * the requirements on `save` say what a save must keep.
 */
export function requireAction(ctx: SignedInContext, state: CaseState, action: CaseAction): readonly CaseStatus[] {
  const v = verdict(action, state, ctx.session.role);
  if (v.ok) return v.next;
  switch (v.kind) {
    case 'permission':
      throw new IpcFailure(ipcError('forbidden'));
    case 'status':
      throw new IpcFailure(ipcError('rejected', { messageKey: v.reason, params: { status: state.status } }));
    case 'requirements':
      throw new IpcFailure(ipcError('rejected', { messageKey: v.reason, gaps: v.gaps }));
  }
}

/** The next status the table names for this outcome (a decision may lead to review). */
export function pick(next: readonly CaseStatus[], wanted: CaseStatus): CaseStatus {
  if (!next.includes(wanted)) throw new Error(`lifecycle: ${wanted} is not a next status here (${next.join(', ')})`);
  return wanted;
}

/**
 * A case whose personal data was disposed of after its retention period (electron/core/retention)
 * keeps only what the reports count: it can no longer be read as a whole or changed. Every read
 * of the whole case and every action starts from the row, so this is asked there.
 */
export function requireNotDisposed(row: Pick<CaseRow, 'caseNumber' | 'disposedAt'>): void {
  if (row.disposedAt !== null) {
    throw new IpcFailure(ipcError('rejected', { messageKey: 'retention.case_disposed', params: { caseNumber: row.caseNumber, disposedOn: row.disposedAt.slice(0, 10) } }));
  }
}
