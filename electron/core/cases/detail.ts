import type { CaseDetail } from '../../../shared/schema/case-api';
import { officeDate } from '../../../shared/time/office-time';
import type { Db } from '../db/open';
import { currentAppointment } from '../appointments/rows';
import type { AppointmentRow } from '../appointments/rows';
import { readStages } from '../stages/rows';
import { requireNotDisposed } from './guard';
import { caseRow, decisionRow, intakeOf, latestConsent, latestConsentForm, statusOf, toDecision } from './rows';

/** The whole case as the interview screen and the lifecycle checks see it. */
export function readCaseDetail(db: Db, caseId: string, timeZone: string): CaseDetail {
  const c = caseRow(db, caseId);
  requireNotDisposed(c);
  const d = c.decisionId ? decisionRow(db, c.decisionId) : undefined;
  const status = statusOf(c);
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    status,
    version: c.version,
    intakeVersion: c.intakeVersion,
    intake: intakeOf(c),
    appointmentAt: appointmentAtOf(currentAppointment(db, caseId)),
    decision: d ? toDecision(d) : null,
    reviewStatus: status === 'under_review' ? 'pending' : d?.review ? 'resolved' : null,
    withdrawal: c.withdrawnAt ? { at: c.withdrawnAt, reason: c.withdrawalReason } : null,
    consentForm: latestConsentForm(db, caseId),
    consent: latestConsent(db, caseId),
    stages: readStages(db, caseId),
    milestones: {
      intakeOn: officeDate(new Date(c.createdAt), timeZone),
      decidedOn: d ? officeDate(new Date(d.decidedAt), timeZone) : null,
      referredOn: c.referredAt ? officeDate(new Date(c.referredAt), timeZone) : null,
    },
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    // The whole case withholds nothing: what a reader may not see is taken out by medical.ts.
    medicalWithheld: [],
  };
}

/** The booking to come or under way, as the office's local date-time (YYYY-MM-DDTHH:mm). */
function appointmentAtOf(a: AppointmentRow | undefined): string | null {
  return a ? `${a.localDate}T${a.localTime}` : null;
}
