import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { FieldIssue } from '../../../shared/ipc/errors';
import { isMinorOn } from '../../../shared/rules/dates';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import type { Officer } from '../../../shared/schema/documents';
import type { SignedInContext } from '../context';
import type { Db } from '../db/open';
import { listAttachments } from '../attachments/rows';
import { commitConsented, commitReferred, commitWithdrawn } from '../cases/actions';
import type { WithdrawalInput } from '../cases/actions';
import { readCaseDetail } from '../cases/detail';
import { requireAction } from '../cases/guard';
import { userById } from '../users/rows';
import { openActiveCertificate, requireCertificate } from './certificate-store';
import { insertConsent, latestConsentRecorded } from './consent-rows';
import { latestPacketNumber } from './document-rows';
import { consentFormData, officerOf, packetAttachments, referralPacketData, withdrawalData } from './document-data';
import { auditHead, listCaseDocuments, nextDocumentNumber, renderAndSign, storeDocument, supersedePackets } from './service';
import type { RegisterDeps } from './service';

/**
 * Consent, referral and withdrawal: the documents of each step, with the step itself asked of
 * the lifecycle table (cases/guard.ts) and written by the cases module. Rendering happens before
 * the transaction; inside it the case is read again and the table asked again, so a document is
 * stored only for the case as it is when stored.
 */

function requireVersion(c: CaseDetail, baseVersion: number): void {
  if (c.version !== baseVersion) throw new IpcFailure(ipcError('conflict'));
}

/** The officer as printed for a user id (name and badge number, never the id). */
function officerById(db: Db, fallback: Officer): (userId: string) => Officer {
  return (userId) => {
    const r = userById(db, userId);
    return r ? officerOf(r) : fallback;
  };
}

/**
 * The consent form for the whole family, for the participant(s) to sign: only for a case decided
 * eligible whose referral packet could be made (the table's `packet_ready`), so consent never
 * leads to a referral that cannot happen. The form records the intake version and the persons.
 */
export async function generateConsentForm(ctx: SignedInContext, deps: RegisterDeps, input: { caseId: string; baseVersion: number }): Promise<DocumentInfo> {
  const { sqlite, db } = ctx.db();
  const c = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
  requireVersion(c, input.baseVersion);
  requireAction(ctx, c, 'generateConsent');
  const now = ctx.now();
  const { number, version } = nextDocumentNumber(db, c.id, c.caseNumber, 'consent_form');
  const data = consentFormData(c, officerOf(ctx.session), number, ctx.clock.today());
  const rendered = await renderAndSign('consent_form', data, openActiveCertificate(sqlite, deps.certificateKey()), deps, now);
  return ctx.tx(c.id, () => {
    const fresh = readCaseDetail(db, c.id, ctx.clock.timeZone);
    requireVersion(fresh, input.baseVersion);
    requireAction(ctx, fresh, 'generateConsent');
    const covers = { intakeVersion: fresh.intakeVersion, personIds: fresh.intake.persons.map((p) => p.id) };
    const id = storeDocument(db, c.id, { type: 'consent_form', number, version, input: data, ...rendered, covers }, ctx.session.userId, now.toISOString());
    const info = listCaseDocuments(sqlite, c.id).find((d) => d.id === id);
    if (!info) throw new Error('stored consent form not found');
    return info;
  });
}

type Signer = { personId: string; signedBy: 'self' | 'guardian'; guardianName?: string | undefined };

/** Every person of the case signs once: adults themselves, minors (at the signing date) by a parent or guardian. */
function signerIssues(c: CaseDetail, signers: readonly Signer[], signedOn: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  c.intake.persons.forEach((p, i) => {
    const s = signers.find((x) => x.personId === p.id);
    if (!s) issues.push({ path: ['signers', i], messageKey: 'validation.consent_missing_person' });
    else if (isMinorOn(p.dateOfBirth, signedOn) && s.signedBy !== 'guardian') issues.push({ path: ['signers', i, 'signedBy'], messageKey: 'validation.minor_needs_guardian' });
    else if (!isMinorOn(p.dateOfBirth, signedOn) && s.signedBy !== 'self') issues.push({ path: ['signers', i, 'signedBy'], messageKey: 'validation.adult_signs_self' });
  });
  if (signers.length !== c.intake.persons.length || signers.some((s) => !c.intake.persons.some((p) => p.id === s.personId))) {
    issues.push({ path: ['signers'], messageKey: 'validation.consent_persons' });
  }
  return issues;
}

/**
 * The officer records that the consent form was signed. Only the latest form, made for the case
 * as it is now, can be recorded; only then can the case be referred.
 */
function beforeIntake(field: string, intakeOn: string): IpcFailure {
  return new IpcFailure(ipcError('invalid_input', { issues: [{ path: [field], messageKey: 'validation.before_intake', params: { date: intakeOn } }] }));
}

export function recordConsent(ctx: SignedInContext, input: { caseId: string; baseVersion: number; documentId: string; signedOn: string; signers: Signer[] }): CaseDetail {
  const { db } = ctx.db();
  if (input.signedOn > ctx.clock.today()) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['signedOn'], messageKey: 'validation.date_in_future' }] }));
  return ctx.tx(input.caseId, () => {
    const c = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
    requireAction(ctx, c, 'recordConsent');
    if (input.signedOn < c.intake.applicationDate) throw beforeIntake('signedOn', c.intake.applicationDate);
    if (!c.consentForm || c.consentForm.documentId !== input.documentId) {
      throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['documentId'], messageKey: 'validation.consent_form_not_latest' }] }));
    }
    const issues = signerIssues(c, input.signers, input.signedOn);
    if (issues.length > 0) throw new IpcFailure(ipcError('invalid_input', { issues }));
    insertConsent(db, { caseId: c.id, documentId: input.documentId, signedOn: input.signedOn, signers: input.signers, recordedAt: ctx.now().toISOString(), recordedBy: ctx.session.userId });
    commitConsented(ctx, c, input.baseVersion);
    return readCaseDetail(db, c.id, ctx.clock.timeZone);
  });
}

/**
 * Refer the case to IOM: the signed referral packet. The table requires consent covering every
 * person of the current version: enforced here, in the back end, whatever the UI shows.
 */
export async function referCase(ctx: SignedInContext, deps: RegisterDeps, input: { caseId: string; baseVersion: number }): Promise<CaseDetail> {
  const { sqlite, db } = ctx.db();
  const c = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
  requireVersion(c, input.baseVersion);
  requireAction(ctx, c, 'refer');
  const consent = latestConsentRecorded(db, c.id);
  if (!c.consent || !c.consentForm || !consent) throw new IpcFailure(ipcError('rejected', { messageKey: 'lifecycle.blocked', gaps: [{ key: 'lifecycle.gap.consent_missing', section: null }] }));
  const cert = requireCertificate(sqlite, deps.certificateKey());
  const me = officerOf(ctx.session);
  const officers = officerById(db, me);
  const now = ctx.now();
  const { number, version } = nextDocumentNumber(db, c.id, c.caseNumber, 'referral_packet');
  const record = { documentId: c.consent.documentId, signedOn: c.consent.signedOn, signers: c.consent.signers, recordedAt: consent.recordedAt, recordedBy: consent.recordedBy };
  const data = {
    ...referralPacketData(c, { ...record, formNumber: c.consentForm.number, officer: officers(consent.recordedBy) }, me, number, ctx.clock.today(), auditHead(sqlite), officers, ctx.clock.timeZone),
    // The scans attached now: a scan added later is in the next packet, never in this one.
    ...packetAttachments(listAttachments(db, c.id), ctx.clock.timeZone),
  };
  const rendered = await renderAndSign('referral_packet', data, cert, deps, now);
  return ctx.tx(c.id, () => {
    const fresh = readCaseDetail(db, c.id, ctx.clock.timeZone);
    requireVersion(fresh, input.baseVersion);
    storeDocument(db, c.id, { type: 'referral_packet', number, version, input: data, ...rendered }, ctx.session.userId, now.toISOString());
    commitReferred(ctx, fresh, input.baseVersion);
    return readCaseDetail(db, c.id, ctx.clock.timeZone);
  });
}

/**
 * Withdrawal with its documents: the withdrawal form (signatures of participant and witnessing
 * officer) and, for a case IOM already holds, the signed withdrawal notice for IOM. In the same
 * transaction as the status change, the case's referral packets are superseded: they leave the
 * print queue and are never printed again as current.
 */
export async function withdrawWithDocuments(ctx: SignedInContext, deps: RegisterDeps, input: WithdrawalInput): Promise<CaseDetail> {
  const { sqlite, db } = ctx.db();
  if (input.date > ctx.clock.today()) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['date'], messageKey: 'validation.date_in_future' }] }));
  const c = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
  requireVersion(c, input.baseVersion);
  requireAction(ctx, c, 'withdraw');
  // A withdrawal dated before the case's intake is a typing error, not a fact of the case.
  if (input.date < c.intake.applicationDate) throw beforeIntake('date', c.intake.applicationDate);
  const packet = latestPacketNumber(db, c.id);
  const now = ctx.now();
  const data = withdrawalData(c, officerOf(ctx.session), packet, input.date, input.reason ?? null);
  const cert = packet ? requireCertificate(sqlite, deps.certificateKey()) : openActiveCertificate(sqlite, deps.certificateKey());
  const formNo = nextDocumentNumber(db, c.id, c.caseNumber, 'withdrawal_form');
  const form = await renderAndSign('withdrawal_form', data, cert, deps, now);
  const noticeNo = packet ? nextDocumentNumber(db, c.id, c.caseNumber, 'withdrawal_notice') : null;
  const notice = packet ? await renderAndSign('withdrawal_notice', data, cert, deps, now) : null;
  const at = now.toISOString();
  return ctx.tx(c.id, () => {
    commitWithdrawn(ctx, input);
    supersedePackets(db, c.id, at);
    storeDocument(db, c.id, { type: 'withdrawal_form', number: formNo.number, version: formNo.version, input: data, ...form }, ctx.session.userId, at);
    if (notice && noticeNo) storeDocument(db, c.id, { type: 'withdrawal_notice', number: noticeNo.number, version: noticeNo.version, input: data, ...notice }, ctx.session.userId, at);
    return readCaseDetail(db, c.id, ctx.clock.timeZone);
  });
}
