import { z } from 'zod';
import { auditQueryInput } from '../schema/audit';
import {
  caseIdInput,
  documentIdInput,
  generateConsentInput,
  generateIneligibilityLetterInput,
  printBatchInput,
  printDocumentInput,
  printLogCsvInput,
  printLogDayInput,
  importCertificateInput,
  recordConsentInput,
  referInput,
} from '../schema/documents-api';
import type { CertificateInfo, ConsentRecord, DocumentInfo, PrintBatchResult, PrintLogCsv, PrintLogDay, PrintResult } from '../schema/documents-api';
import type { AuditCsv, AuditPageView, AuditVerifyView } from '../schema/audit';
import { checkDocumentInput } from '../schema/document-check';
import type { DocumentCheck } from '../schema/document-check';
import { changePasswordInput, createUserInput, idleLockInput, setupInput, signInInput, userIdInput } from '../schema/auth';
import type { AuthStatus, OneTimePassword, UserRow } from '../schema/auth';
import { updateUserInput } from '../schema/users';
import { getCaseInput, listCasesInput } from '../schema/case';
import type { CasePage, OfficerOption } from '../schema/case';
import { officeTimeZoneInput } from '../time/time-zone-input';
import { correctStageInput, recordStageInput } from '../schema/stages';
import { addAttachmentInput, attachmentIdInput } from '../schema/attachments';
import type { AttachmentContent, AttachmentInfo } from '../schema/attachments';
import { caseHistoryInput } from '../schema/history';
import type { HistoryLine } from '../schema/history';
import { applyImportInput, previewImportInput } from '../schema/iom-import';
import { reportQuery } from '../reports/query';
import type { Report } from '../reports/report';
import { reportCasesInput, reportExportInput, setTargetInput } from '../schema/reports-api';
import type { RemovalTarget, ReportCases, ReportFile } from '../schema/reports-api';
import type { ImportApplied, ImportPreview } from '../schema/iom-import';
import {
  appointmentDayInput,
  appointmentIdInput,
  appointmentSlotsInput,
  bookAppointmentInput,
  cancelAppointmentInput,
  caseAppointmentsInput,
  rescheduleAppointmentInput,
} from '../schema/appointments';
import type { AppointmentDay, AppointmentInfo, SlotList } from '../schema/appointments';
import {
  createCaseFromIntakeInput,
  decideCaseInput,
  draftIdInput,
  findDuplicatesInput,
  notSamePersonInput,
  reopenCaseInput,
  reviewCaseInput,
  saveDraftInput,
  saveIntakeInput,
  screenCaseInput,
  withdrawCaseInput,
} from '../schema/case-api';
import type { CaseDetail, CaseOverview, DraftRecord, DraftSaved, DuplicateCandidate, TaskList, TodaySummary } from '../schema/case-api';
import {
  backupSettingsInput,
  deleteBackupInput,
  disposeCasesInput,
  informationRequestInput,
  restorePreviewInput,
  restoreSwitchInput,
  retentionYearsInput,
} from '../schema/data-safety';
import type { BackupStatus, DisposalResult, InformationRequestExport, KeyRotated, KeyStatus, RestorePreview, RetentionView } from '../schema/data-safety';
import { changesSinceInput } from '../schema/live';
import type { ChangeFeed } from '../schema/live';
import { revokeWorkstationInput } from '../schema/office-admin';
import type { EnrolmentCodeView, WorkstationList } from '../schema/office-admin';
import { connectOfficeInput } from '../schema/deployment';
import type { DeploymentStatus } from '../schema/deployment';
import { channel } from './channel';
import type { ChannelDef } from './channel';

/**
 * The IPC contract: every channel the renderer may call, declared once with its input schema,
 * its output type and who may call it. The back end's handler map must implement exactly these
 * (checked by the type system); anything else is refused as `unknown_channel`.
 */
const empty = z.object({}).strict();

export const contract = {
  // Sessions. Sign-in failures are audited by the session service itself (before the database is open).
  'auth.status': channel<AuthStatus>()({ input: empty, access: 'public', audited: false }),
  'auth.setup': channel<AuthStatus>()({ input: setupInput, access: 'public', audited: false }),
  'auth.signIn': channel<AuthStatus>()({ input: signInInput, access: 'public', audited: false }),
  'auth.signOut': channel<AuthStatus>()({ input: empty, access: 'public', audited: false }),
  'auth.lock': channel<AuthStatus>()({ input: empty, access: 'public', audited: false }),
  'auth.touch': channel<{ touched: true }>()({ input: empty, access: 'signed_in', audited: false }),
  'auth.changePassword': channel<AuthStatus>()({ input: changePasswordInput, access: 'signed_in', audited: false }),
  // Live updates (issue 15 point 4): what other desks wrote since the cursor, from memory. Polled
  // about once a second: not activity for the idle lock, not audited (ids, names of staff, no facts).
  'changes.since': channel<ChangeFeed>()({ input: changesSinceInput, access: 'signed_in', audited: false }),

  // This computer's first-run choice (Electron's main process answers these: electron/main/deployment.ts);
  // the harness and the office server have no choice to make (`fixed`).
  'deployment.status': channel<DeploymentStatus>()({ input: empty, access: 'public', audited: false }),
  'deployment.chooseLocal': channel<DeploymentStatus>()({ input: empty, access: 'public', audited: false }),
  'deployment.connect': channel<DeploymentStatus>()({ input: connectOfficeInput, access: 'public', audited: false }),

  // Accounts (supervisor).
  'user.list': channel<UserRow[]>()({ input: empty, access: 'user.manage' }),
  'user.create': channel<OneTimePassword>()({ input: createUserInput, access: 'user.manage' }),
  'user.disable': channel<UserRow>()({ input: userIdInput, access: 'user.manage' }),
  'user.resetPassword': channel<OneTimePassword>()({ input: userIdInput, access: 'user.manage' }),
  // Name, badge and role of an account (the entry lists which changed); re-enabling issues a new
  // one-time password, since disabling destroyed the account's key slot.
  'user.update': channel<UserRow>()({ input: updateUserInput, access: 'user.manage' }),
  'user.enable': channel<OneTimePassword>()({ input: userIdInput, access: 'user.manage' }),
  'settings.setIdleLock': channel<AuthStatus>()({ input: idleLockInput, access: 'settings.manage' }),
  'settings.setOfficeTimeZone': channel<AuthStatus>()({ input: officeTimeZoneInput, access: 'settings.manage' }),

  // The audit trail (supervisor).
  'audit.list': channel<AuditPageView>()({ input: auditQueryInput, access: 'audit.read' }),
  'audit.verify': channel<AuditVerifyView>()({ input: empty, access: 'audit.read' }),
  'audit.exportCsv': channel<AuditCsv>()({ input: auditQueryInput, access: 'audit.read' }),

  // Rows for a reader without case.read_facts (a clerk) carry names, numbers and status only.
  'case.list': channel<CasePage>()({ input: listCasesInput.strict(), access: 'case.read' }),
  // Names of the officers the list filters by (no personal data of the persons: not audited).
  'case.officers': channel<OfficerOption[]>()({ input: empty, access: 'case.read', audited: false }),
  // The whole case (facts, decision) is for those who work on it; medical notes not consented for
  // IOM are withheld from roles without case.read_medical. A clerk reads the overview instead:
  // names, numbers, status (the documents come from document.list).
  'case.get': channel<CaseDetail & { myDraft: DraftRecord | null }>()({ input: getCaseInput.strict(), access: 'case.read_facts' }),
  'case.overview': channel<CaseOverview>()({ input: getCaseInput.strict(), access: 'case.read' }),
  'case.create': channel<CaseDetail>()({ input: createCaseFromIntakeInput, access: 'case.create' }),
  'case.saveIntake': channel<CaseDetail>()({ input: saveIntakeInput, access: 'case.edit' }),
  'case.screen': channel<CaseDetail>()({ input: screenCaseInput, access: 'case.screen' }),
  'case.decide': channel<CaseDetail>()({ input: decideCaseInput, access: 'case.decide' }),
  'case.review': channel<CaseDetail>()({ input: reviewCaseInput, access: 'case.review' }),
  'case.reopen': channel<CaseDetail>()({ input: reopenCaseInput, access: 'case.decide' }),
  'case.withdraw': channel<CaseDetail>()({ input: withdrawCaseInput, access: 'case.withdraw' }),
  'stage.record': channel<CaseDetail>()({ input: recordStageInput, access: 'stage.record' }),
  'stage.correct': channel<CaseDetail>()({ input: correctStageInput, access: 'stage.record' }),
  // IOM's status file: preview (rolled back), apply the confirmed rows (one transaction, an audit line per row).
  'iom.previewImport': channel<ImportPreview>()({ input: previewImportInput, access: 'stage.record' }),
  'iom.applyImport': channel<ImportApplied>()({ input: applyImportInput, access: 'stage.record' }),
  'case.findDuplicates': channel<DuplicateCandidate[]>()({ input: findDuplicatesInput, access: 'case.create' }),
  // The officer found a possible duplicate is someone else: the pair is recorded and not offered again (audited with the existing person's case).
  'case.notSamePerson': channel<{ caseId: string }>()({ input: notSamePersonInput, access: 'case.create' }),
  'today.summary': channel<TodaySummary>()({ input: empty, access: 'case.read' }),
  // A channel of its own (not a field of today.summary): refreshed on its own after a stage is
  // recorded, measured alone by the benchmark, and only for those who can act on it.
  'today.tasks': channel<TaskList>()({ input: empty, access: 'stage.record' }),

  // Appointments at the office (front counter, interview officers, supervisor; not clerks). Each
  // change returns the case's bookings, newest first; a reschedule keeps the old one as history.
  'appointment.day': channel<AppointmentDay>()({ input: appointmentDayInput, access: 'appointment.manage' }),
  // Which slots of a day are free: times only, no one's name (not audited).
  'appointment.slots': channel<SlotList>()({ input: appointmentSlotsInput, access: 'appointment.manage', audited: false }),
  'appointment.forCase': channel<AppointmentInfo[]>()({ input: caseAppointmentsInput, access: 'appointment.manage' }),
  'appointment.book': channel<AppointmentInfo[]>()({ input: bookAppointmentInput, access: 'appointment.manage' }),
  'appointment.reschedule': channel<AppointmentInfo[]>()({ input: rescheduleAppointmentInput, access: 'appointment.manage' }),
  'appointment.cancel': channel<AppointmentInfo[]>()({ input: cancelAppointmentInput, access: 'appointment.manage' }),
  'appointment.checkIn': channel<AppointmentInfo[]>()({ input: appointmentIdInput, access: 'appointment.manage' }),
  'appointment.noShow': channel<AppointmentInfo[]>()({ input: appointmentIdInput, access: 'appointment.manage' }),

  // Documents for IOM: certificate, register, consent, referral, printing.
  'certificate.status': channel<CertificateInfo | null>()({ input: empty, access: 'certificate.manage' }),
  'certificate.import': channel<CertificateInfo>()({ input: importCertificateInput, access: 'certificate.manage' }),
  'certificate.generateSelfSigned': channel<CertificateInfo>()({ input: empty, access: 'certificate.manage' }),
  // The certificates replaced so far (documents signed with them stay checkable).
  'certificate.history': channel<CertificateInfo[]>()({ input: empty, access: 'certificate.manage' }),
  'document.list': channel<DocumentInfo[]>()({ input: caseIdInput, access: 'case.read' }),
  'document.printQueue': channel<DocumentInfo[]>()({ input: empty, access: 'document.print' }),
  'document.print': channel<PrintResult>()({ input: printDocumentInput, access: 'document.print' }),
  // Without document.read (a clerk), view only what waits in the print queue and print only the
  // documents for IOM (checked by the register service: it depends on the document).
  'document.view': channel<PrintResult>()({ input: documentIdInput, access: 'document.print' }),
  // A PDF handed back, checked against this office's certificates and register; nothing is stored.
  'document.check': channel<DocumentCheck>()({ input: checkDocumentInput, access: 'document.check' }),
  'consent.generateForm': channel<DocumentInfo>()({ input: generateConsentInput, access: 'document.generate' }),
  'consent.get': channel<(ConsentRecord & { formNumber: string }) | null>()({ input: caseIdInput, access: 'case.read' }),
  'consent.record': channel<CaseDetail>()({ input: recordConsentInput, access: 'consent.record' }),
  'referral.create': channel<CaseDetail>()({ input: referInput, access: 'referral.create' }),
  // The letter to the person explaining a decision of not eligible (the lifecycle table says when).
  'letter.generateIneligibility': channel<DocumentInfo>()({ input: generateIneligibilityLetterInput, access: 'document.generate' }),
  // The clerk's batch from the print queue (each document's print logged and audited with its case),
  // and the print log of a day with its CSV: case and document numbers, never names.
  'document.printBatch': channel<PrintBatchResult>()({ input: printBatchInput, access: 'document.print' }),
  'document.printLog': channel<PrintLogDay>()({ input: printLogDayInput, access: 'print_log.read' }),
  'document.printLogCsv': channel<PrintLogCsv>()({ input: printLogCsvInput, access: 'print_log.read' }),

  // Scanned paper on a case. Adding also needs the kind's own permission (consent.record or
  // stage.record, checked by the attachments service); the list shows that a scan exists, only
  // `attachment.view` opens it.
  'attachment.add': channel<AttachmentInfo>()({ input: addAttachmentInput, access: 'case.read' }),
  'attachment.list': channel<AttachmentInfo[]>()({ input: caseIdInput, access: 'case.read' }),
  'attachment.view': channel<AttachmentContent>()({ input: attachmentIdInput, access: 'attachment.view' }),
  // Who did what and when on a case, for officers (an audited read; its reasons can carry facts).
  'case.history': channel<HistoryLine[]>()({ input: caseHistoryInput, access: 'case.read_facts' }),

  // Reports (docs/reports.md): aggregate numbers; the cases behind a number also need case.read
  // (checked by the handler) and name the number in the audit entry; the case-level export is the
  // supervisor's, audited. Targets are office settings.
  'report.get': channel<Report>()({ input: reportQuery, access: 'report.read' }),
  'report.cases': channel<ReportCases>()({ input: reportCasesInput, access: 'report.read' }),
  'report.exportCsv': channel<ReportFile>()({ input: reportExportInput, access: 'report.read' }),
  'report.exportPdf': channel<ReportFile>()({ input: reportExportInput, access: 'report.read' }),
  'report.exportCases': channel<ReportFile>()({ input: reportExportInput, access: 'report.export_cases' }),
  'report.targets': channel<RemovalTarget[]>()({ input: empty, access: 'report.read' }),
  'report.setTarget': channel<RemovalTarget[]>()({ input: setTargetInput, access: 'settings.manage' }),

  // Data safety (supervisor, docs/data-safety.md). A backup runs beside the other calls: `backup.run`
  // starts it and returns, `backup.status` shows its progress and the result.
  'backup.status': channel<BackupStatus>()({ input: empty, access: 'backup.manage', audited: false }),
  'backup.setSettings': channel<BackupStatus>()({ input: backupSettingsInput, access: 'backup.manage' }),
  'backup.run': channel<BackupStatus>()({ input: empty, access: 'backup.manage' }),
  'backup.delete': channel<BackupStatus>()({ input: deleteBackupInput, access: 'backup.manage' }),
  // Restore into a new folder beside the data folder, verified; the switch keeps the current folder aside.
  'restore.preview': channel<RestorePreview>()({ input: restorePreviewInput, access: 'backup.manage' }),
  'restore.switch': channel<AuthStatus>()({ input: restoreSwitchInput, access: 'backup.manage' }),
  'keys.status': channel<KeyStatus>()({ input: empty, access: 'backup.manage', audited: false }),
  'keys.rotate': channel<KeyRotated>()({ input: empty, access: 'backup.manage' }),
  'retention.get': channel<RetentionView>()({ input: empty, access: 'retention.manage' }),
  'retention.setYears': channel<RetentionView>()({ input: retentionYearsInput, access: 'retention.manage' }),
  'retention.dispose': channel<DisposalResult>()({ input: disposeCasesInput, access: 'retention.manage' }),
  'privacy.export': channel<InformationRequestExport>()({ input: informationRequestInput, access: 'privacy.request' }),

  // The office server's workstations (supervisor, issue 15 point 2); refused on a single workstation
  // (auth.status says which). Revoking audits the workstation's id and name (the reason is kept in
  // the database); a new code's entry has its expiry, never the code.
  'office.workstations': channel<WorkstationList>()({ input: empty, access: 'workstation.manage', audited: false }),
  'office.revoke': channel<{ revoked: string }>()({ input: revokeWorkstationInput, access: 'workstation.manage' }),
  'office.enrolmentCode': channel<EnrolmentCodeView>()({ input: empty, access: 'workstation.manage' }),

  // Autosave of what the officer types (per person, per case or new intake).
  'draft.save': channel<DraftSaved>()({ input: saveDraftInput, access: 'case.edit' }),
  'draft.get': channel<DraftRecord>()({ input: draftIdInput, access: 'case.edit' }),
  'draft.discard': channel<{ discarded: boolean }>()({ input: draftIdInput, access: 'case.edit' }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['_output']>['value'];

export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
