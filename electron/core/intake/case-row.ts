import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { CaseDetail, DecisionRecord } from '../../../shared/schema/case-api';
import type { CaseStatus } from '../../../shared/schema/case';
import type { IntakeDocument } from '../../../shared/schema/intake';
import type { CaseDecision, Outcome } from '../../../shared/rules';
import type { Sqlite } from '../db/open';

interface CaseRow {
  id: string;
  case_number: string;
  status: CaseStatus;
  version: number;
  intake: string;
  appointment_at: string | null;
  decision_id: string | null;
  review_status: 'pending' | 'resolved' | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  created_at: string;
  updated_at: string;
}

interface DecisionRow {
  id: string;
  outcome: Outcome;
  policy_version: string;
  result: string;
  decided_at: string;
  decided_by: string;
  override_outcome: 'eligible' | 'ineligible' | null;
  override_reason: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
}

export function readCaseRow(sqlite: Sqlite, caseId: string): CaseRow {
  const row = sqlite.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
  if (!row) throw new IpcFailure(ipcError('not_found'));
  return row;
}

/** The whole case as the interview screen shows it. */
export function readCaseDetail(sqlite: Sqlite, caseId: string): CaseDetail {
  const c = readCaseRow(sqlite, caseId);
  const d = c.decision_id ? (sqlite.prepare('SELECT * FROM decisions WHERE id = ?').get(c.decision_id) as DecisionRow | undefined) : undefined;
  return {
    id: c.id,
    caseNumber: c.case_number,
    status: c.status,
    version: c.version,
    intake: JSON.parse(c.intake) as IntakeDocument,
    appointmentAt: c.appointment_at,
    decision: d ? toDecision(d) : null,
    reviewStatus: c.review_status,
    withdrawal: c.withdrawn_at ? { at: c.withdrawn_at, reason: c.withdrawal_reason } : null,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

function toDecision(d: DecisionRow): DecisionRecord {
  return {
    id: d.id,
    outcome: d.outcome,
    policyVersion: d.policy_version,
    result: JSON.parse(d.result) as CaseDecision,
    decidedAt: d.decided_at,
    decidedBy: d.decided_by,
    override:
      d.override_outcome && d.override_reason && d.reviewed_at && d.reviewed_by
        ? { outcome: d.override_outcome, reason: d.override_reason, reviewedAt: d.reviewed_at, reviewedBy: d.reviewed_by }
        : null,
  };
}

/**
 * Claim the next version of a case: succeeds only if nobody changed it since `baseVersion`
 * (optimistic concurrency; two sessions never silently overwrite each other).
 */
export function bumpVersion(sqlite: Sqlite, caseId: string, baseVersion: number, by: string, at: string): void {
  const r = sqlite.prepare('UPDATE cases SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?').run(at, by, caseId, baseVersion);
  if (r.changes === 0) {
    readCaseRow(sqlite, caseId); // not_found if it does not exist
    throw new IpcFailure(ipcError('conflict'));
  }
}

export function requireStatus(status: CaseStatus, allowed: readonly CaseStatus[], messageKey = 'errors.case_status'): void {
  if (!allowed.includes(status)) throw new IpcFailure(ipcError('rejected', { messageKey, params: { status } }));
}
