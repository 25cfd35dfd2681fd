import { randomUUID } from 'node:crypto';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { todayIso } from '../../../shared/schema/common';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import type { CallContext } from '../context';
import { applyWithdrawal, checkWithdrawalDate } from '../intake/service';
import type { WithdrawalInput } from '../intake/service';
import { openActiveCertificate, requireCertificate } from './certificate-store';
import { consentFormData, effectiveOutcome, officerOf, referralPacketData, withdrawalData } from './document-data';
import {
  auditHead,
  bumpVersion,
  caseForDocuments,
  consentOf,
  listCaseDocuments,
  nextDocumentNumber,
  renderAndSign,
  requireStatus,
  session,
  storeDocument,
} from './service';
import type { RegisterDeps } from './service';

function requireEligible(c: CaseDetail): void {
  if (effectiveOutcome(c) !== 'eligible') throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.not_eligible' }));
}

function requireVersion(c: CaseDetail, baseVersion: number): void {
  if (c.version !== baseVersion) throw new IpcFailure(ipcError('conflict'));
}

/**
 * The consent form for the whole family, for the participant(s) to sign. Only for a case decided
 * eligible. Rendering happens before the transaction; the version check inside it makes sure the
 * form matches the case as it is when stored.
 */
export async function generateConsentForm(ctx: CallContext, deps: RegisterDeps, input: { caseId: string; baseVersion: number }): Promise<DocumentInfo> {
  const { sqlite } = ctx.db();
  const s = session(ctx);
  const c = caseForDocuments(sqlite, input.caseId);
  requireVersion(c, input.baseVersion);
  requireStatus(c.status, ['decided', 'consented']);
  requireEligible(c);
  const now = ctx.now();
  const { number, version } = nextDocumentNumber(sqlite, c.id, c.caseNumber, 'consent_form');
  const data = consentFormData(c, officerOf(s), number, todayIso(now, ctx.clock.timeZone));
  const rendered = await renderAndSign('consent_form', data, openActiveCertificate(sqlite, deps.dbKey()), deps, now);
  return ctx.tx(c.id, () => {
    requireVersion(caseForDocuments(sqlite, c.id), input.baseVersion);
    const id = storeDocument(sqlite, c.id, { type: 'consent_form', number, version, input: data, ...rendered }, s.userId, now.toISOString());
    return listCaseDocuments(sqlite, c.id).find((d) => d.id === id)!;
  });
}

/**
 * The officer records that the consent form was signed: every person of the family once, adults
 * by themselves, minors by a parent or guardian. Only then can the case be referred.
 */
export function recordConsent(
  ctx: CallContext,
  input: { caseId: string; baseVersion: number; documentId: string; signedOn: string; signers: { personId: string; signedBy: 'self' | 'guardian'; guardianName?: string | undefined }[] },
): CaseDetail {
  const { sqlite } = ctx.db();
  const s = session(ctx);
  if (input.signedOn > ctx.clock.today()) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['signedOn'], messageKey: 'validation.date_in_future' }] }));
  return ctx.tx(input.caseId, () => {
    const c = caseForDocuments(sqlite, input.caseId);
    requireStatus(c.status, ['decided']);
    requireEligible(c);
    const doc = sqlite.prepare(`SELECT input FROM documents WHERE id = ? AND case_id = ? AND type = 'consent_form'`).get(input.documentId, c.id) as { input: string } | undefined;
    if (!doc) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['documentId'], messageKey: 'validation.consent_form' }] }));
    const printed = JSON.parse(doc.input) as { persons: { personId: string; minor: boolean }[] };
    const issues = printed.persons.flatMap((p, i) => {
      const signer = input.signers.find((x) => x.personId === p.personId);
      if (!signer) return [{ path: ['signers', i], messageKey: 'validation.consent_missing_person' }];
      if (p.minor && signer.signedBy !== 'guardian') return [{ path: ['signers', i, 'signedBy'], messageKey: 'validation.minor_needs_guardian' }];
      return [];
    });
    if (input.signers.length !== printed.persons.length) issues.push({ path: ['signers'], messageKey: 'validation.consent_persons' });
    if (issues.length > 0) throw new IpcFailure(ipcError('invalid_input', { issues }));
    const at = ctx.now().toISOString();
    bumpVersion(sqlite, c.id, input.baseVersion, s.userId, at);
    sqlite
      .prepare('INSERT INTO consents (id, case_id, document_id, signed_on, signers, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), c.id, input.documentId, input.signedOn, JSON.stringify(input.signers), at, s.userId);
    sqlite.prepare(`UPDATE cases SET status = 'consented' WHERE id = ?`).run(c.id);
    return caseForDocuments(sqlite, c.id);
  });
}

/**
 * Refer the case to IOM: the signed referral packet. Consent must be recorded first: enforced
 * here, in the back end, whatever the UI shows.
 */
export async function referCase(ctx: CallContext, deps: RegisterDeps, input: { caseId: string; baseVersion: number }): Promise<CaseDetail> {
  const { sqlite } = ctx.db();
  const s = session(ctx);
  const c = caseForDocuments(sqlite, input.caseId);
  requireVersion(c, input.baseVersion);
  if (c.status !== 'consented') throw new IpcFailure(ipcError('rejected', { messageKey: c.status === 'referred' ? 'errors.already_referred' : 'errors.consent_required' }));
  requireEligible(c);
  const consent = consentOf(sqlite, c.id);
  if (!consent) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.consent_required' }));
  const cert = requireCertificate(sqlite, deps.dbKey());
  const recorder = sqlite.prepare('SELECT display_name, username, badge_number FROM users WHERE id = ?').get(consent.recordedBy) as { display_name: string; username: string; badge_number: string | null } | undefined;
  const now = ctx.now();
  const { number, version } = nextDocumentNumber(sqlite, c.id, c.caseNumber, 'referral_packet');
  const data = referralPacketData(
    c,
    { ...consent, officer: recorder ? officerOf({ displayName: recorder.display_name, badgeNumber: recorder.badge_number, username: recorder.username }) : officerOf(s) },
    officerOf(s),
    number,
    todayIso(now, ctx.clock.timeZone),
    auditHead(sqlite),
  );
  const rendered = await renderAndSign('referral_packet', data, cert, deps, now);
  return ctx.tx(c.id, () => {
    bumpVersion(sqlite, c.id, input.baseVersion, s.userId, now.toISOString());
    storeDocument(sqlite, c.id, { type: 'referral_packet', number, version, input: data, ...rendered }, s.userId, now.toISOString());
    sqlite.prepare(`UPDATE cases SET status = 'referred' WHERE id = ?`).run(c.id);
    return caseForDocuments(sqlite, c.id);
  });
}

/**
 * Withdrawal with its documents: the withdrawal form (signatures of participant and witnessing
 * officer) and, for a case IOM already holds, the signed withdrawal notice for IOM. All in the
 * same transaction as the status change.
 */
export async function withdrawWithDocuments(ctx: CallContext, deps: RegisterDeps, input: WithdrawalInput): Promise<CaseDetail> {
  const { sqlite } = ctx.db();
  const s = session(ctx);
  checkWithdrawalDate(ctx, input.date);
  const c = caseForDocuments(sqlite, input.caseId);
  requireVersion(c, input.baseVersion);
  requireStatus(c.status, ['draft', 'screened', 'decided', 'consented', 'referred'], 'errors.already_withdrawn');
  const packet = sqlite.prepare(`SELECT number FROM documents WHERE case_id = ? AND type = 'referral_packet' ORDER BY version DESC LIMIT 1`).get(c.id) as { number: string } | undefined;
  const now = ctx.now();
  const data = withdrawalData(c, officerOf(s), packet?.number ?? null, input.date, input.reason ?? null);
  const cert = packet ? requireCertificate(sqlite, deps.dbKey()) : openActiveCertificate(sqlite, deps.dbKey());
  const formNo = nextDocumentNumber(sqlite, c.id, c.caseNumber, 'withdrawal_form');
  const form = await renderAndSign('withdrawal_form', data, cert, deps, now);
  const noticeNo = packet ? nextDocumentNumber(sqlite, c.id, c.caseNumber, 'withdrawal_notice') : null;
  const notice = packet ? await renderAndSign('withdrawal_notice', data, cert, deps, now) : null;
  const at = now.toISOString();
  return ctx.tx(c.id, () => {
    applyWithdrawal(sqlite, input, s.userId, at);
    storeDocument(sqlite, c.id, { type: 'withdrawal_form', number: formNo.number, version: formNo.version, input: data, ...form }, s.userId, at);
    if (notice && noticeNo) storeDocument(sqlite, c.id, { type: 'withdrawal_notice', number: noticeNo.number, version: noticeNo.version, input: data, ...notice }, s.userId, at);
    return caseForDocuments(sqlite, c.id);
  });
}
