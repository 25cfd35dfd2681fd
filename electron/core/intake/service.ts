import { randomUUID } from 'node:crypto';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { intakeToCaseFacts } from '../../../shared/intake/to-facts';
import { evaluateCase } from '../../../shared/rules';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { IntakeDocument } from '../../../shared/schema/intake';
import { todayIso } from '../../../shared/schema/common';
import type { CallContext } from '../context';
import type { Sqlite } from '../db/open';
import { nextCaseNumber } from '../cases/case-number';
import { bumpVersion, readCaseDetail, readCaseRow, requireStatus } from './case-row';
import { insertCase, writePersons } from './persist';

/** Until consent is recorded the intake may change; after that the documents issued stand. */
const EDITABLE = ['draft', 'screened', 'decided'] as const;

function who(ctx: CallContext): string {
  if (!ctx.session) throw new IpcFailure(ipcError('not_signed_in'));
  return ctx.session.userId;
}

function deleteDraft(ctx: CallContext, draftId: string | undefined, userId: string): void {
  if (draftId) ctx.db().sqlite.prepare('DELETE FROM drafts WHERE id = ? AND user_id = ?').run(draftId, userId);
}

export function createCaseFromIntake(ctx: CallContext, input: { draftId?: string | undefined; intake: IntakeDocument }): CaseDetail {
  const { sqlite, db } = ctx.db();
  const by = who(ctx);
  const now = ctx.now();
  const at = now.toISOString();
  const id = randomUUID();
  return ctx.tx(id, () => {
    insertCase(sqlite, nextCaseNumber(db, now.getUTCFullYear()), input.intake, by, at, id);
    deleteDraft(ctx, input.draftId, by);
    return readCaseDetail(sqlite, id);
  });
}

export function getCase(ctx: CallContext, caseId: string): CaseDetail {
  return ctx.tx(caseId, () => readCaseDetail(ctx.db().sqlite, caseId));
}

/** Save the validated intake over `baseVersion`. A decided case goes back to screened: its decision no longer matches the facts. */
export function saveIntake(ctx: CallContext, input: { caseId: string; baseVersion: number; draftId?: string | undefined; intake: IntakeDocument }): CaseDetail {
  const { sqlite } = ctx.db();
  const by = who(ctx);
  return ctx.tx(input.caseId, () => {
    const row = readCaseRow(sqlite, input.caseId);
    requireStatus(row.status, EDITABLE, 'errors.case_closed');
    bumpVersion(sqlite, input.caseId, input.baseVersion, by, ctx.now().toISOString());
    const status = row.status === 'decided' ? 'screened' : row.status;
    sqlite
      .prepare(`UPDATE cases SET intake = ?, channel = ?, application_date = ?, status = ?, decision_id = CASE WHEN ? = 'decided' THEN NULL ELSE decision_id END, review_status = CASE WHEN ? = 'decided' THEN NULL ELSE review_status END WHERE id = ?`)
      .run(JSON.stringify(input.intake), input.intake.channel, input.intake.applicationDate, status, row.status, row.status, input.caseId);
    writePersons(sqlite, input.caseId, input.intake);
    deleteDraft(ctx, input.draftId, by);
    return readCaseDetail(sqlite, input.caseId);
  });
}

/** Front counter: first screening done, handed over to an interview now or at an appointment. */
export function screenCase(ctx: CallContext, input: { caseId: string; baseVersion: number; handover: { kind: 'now' } | { kind: 'appointment'; at: string } }): CaseDetail {
  const { sqlite } = ctx.db();
  const by = who(ctx);
  return ctx.tx(input.caseId, () => {
    const row = readCaseRow(sqlite, input.caseId);
    requireStatus(row.status, ['draft', 'screened']);
    bumpVersion(sqlite, input.caseId, input.baseVersion, by, ctx.now().toISOString());
    const at = input.handover.kind === 'appointment' ? input.handover.at : null;
    sqlite.prepare(`UPDATE cases SET status = 'screened', appointment_at = ? WHERE id = ?`).run(at, input.caseId);
    return readCaseDetail(sqlite, input.caseId);
  });
}

/**
 * Record the eligibility decision. The rules run here, on the stored intake (never on a result
 * sent by the renderer), and the full result with the policy version is kept.
 */
export function decideCase(ctx: CallContext, input: { caseId: string; baseVersion: number }): CaseDetail {
  const { sqlite } = ctx.db();
  const by = who(ctx);
  return ctx.tx(input.caseId, () => {
    const row = readCaseRow(sqlite, input.caseId);
    requireStatus(row.status, EDITABLE);
    const at = ctx.now().toISOString();
    bumpVersion(sqlite, input.caseId, input.baseVersion, by, at);
    const facts = intakeToCaseFacts(JSON.parse(row.intake));
    const result = evaluateCase(facts);
    const id = randomUUID();
    sqlite
      .prepare('INSERT INTO decisions (id, case_id, outcome, policy_version, facts, result, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.caseId, result.outcome, result.policyVersion, JSON.stringify(facts), JSON.stringify(result), at, by);
    sqlite
      .prepare(`UPDATE cases SET status = 'decided', decision_id = ?, review_status = ? WHERE id = ?`)
      .run(id, result.outcome === 'needs_review' ? 'pending' : null, input.caseId);
    return readCaseDetail(sqlite, input.caseId);
  });
}

/** Supervisor: resolve a flagged case, with a written reason (kept with the decision, not in the audit). */
export function reviewCase(ctx: CallContext, input: { caseId: string; baseVersion: number; outcome: 'eligible' | 'ineligible'; reason: string }): CaseDetail {
  const { sqlite } = ctx.db();
  const by = who(ctx);
  return ctx.tx(input.caseId, () => {
    const row = readCaseRow(sqlite, input.caseId);
    if (row.status !== 'decided' || row.review_status !== 'pending' || !row.decision_id) {
      throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.not_in_review' }));
    }
    const at = ctx.now().toISOString();
    bumpVersion(sqlite, input.caseId, input.baseVersion, by, at);
    sqlite
      .prepare('UPDATE decisions SET override_outcome = ?, override_reason = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?')
      .run(input.outcome, input.reason, at, by, row.decision_id);
    sqlite.prepare(`UPDATE cases SET review_status = 'resolved' WHERE id = ?`).run(input.caseId);
    return readCaseDetail(sqlite, input.caseId);
  });
}

/** The participant withdraws: possible from every state but withdrawn. */
export function withdrawCase(ctx: CallContext, input: WithdrawalInput): CaseDetail {
  const by = who(ctx);
  checkWithdrawalDate(ctx, input.date);
  return ctx.tx(input.caseId, () => applyWithdrawal(ctx.db().sqlite, input, by, ctx.now().toISOString()));
}

export interface WithdrawalInput {
  caseId: string;
  baseVersion: number;
  date: string;
  reason?: string | undefined;
}

export function checkWithdrawalDate(ctx: CallContext, date: string): void {
  if (date > todayIso(ctx.now())) {
    throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['date'], messageKey: 'validation.date_in_future' }] }));
  }
}

/** The withdrawal itself, inside the caller's transaction (the documents issue adds its forms to the same one). */
export function applyWithdrawal(sqlite: Sqlite, input: WithdrawalInput, by: string, at: string): CaseDetail {
  const row = readCaseRow(sqlite, input.caseId);
  requireStatus(row.status, ['draft', 'screened', 'decided', 'consented', 'referred'], 'errors.already_withdrawn');
  bumpVersion(sqlite, input.caseId, input.baseVersion, by, at);
  sqlite
    .prepare(`UPDATE cases SET status = 'withdrawn', withdrawn_at = ?, withdrawal_reason = ?, review_status = NULL WHERE id = ?`)
    .run(input.date, input.reason && input.reason.length > 0 ? input.reason : null, input.caseId);
  return readCaseDetail(sqlite, input.caseId);
}
