import { z } from 'zod';
import type { CaseDecision, Outcome, ReasonCode } from '../rules';
import { entityId, eventDate, isoDate, personName, uci } from './common';
import { DRAFT_DATA_MAX } from './limits';
import { caseStatus, relationship } from './case';
import type { CaseStatus } from './case';
import { intakeDocument } from './intake';
import type { ReviewRecord } from './review';
import type { StageEntry } from './stages';
import type { IntakeDocument } from './intake';
import type { CaseTask } from '../case/tasks';
import type { DayAppointment } from './appointments';

/** Inputs and outputs of the case channels (intake, decision, review, withdrawal, drafts). */

const version = z.number({ error: 'validation.invalid' }).int().min(1);
/** Autosaved form state: any JSON the form holds, capped so a runaway client cannot fill the disk. */
const draftData = z.unknown().refine((v) => v !== undefined && JSON.stringify(v).length <= DRAFT_DATA_MAX, { error: 'validation.too_long' });

export const createCaseFromIntakeInput = z.object({ draftId: entityId.optional(), intake: intakeDocument }).strict();
export const saveIntakeInput = z.object({ caseId: entityId, baseVersion: version, draftId: entityId.optional(), intake: intakeDocument }).strict();

export const handover = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }).strict(),
  z.object({ kind: z.literal('appointment'), at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'validation.datetime' }) }).strict(),
]);
export const screenCaseInput = z.object({ caseId: entityId, baseVersion: version, handover }).strict();
export const decideCaseInput = z.object({ caseId: entityId, baseVersion: version }).strict();
export { reviewCaseInput } from './review';
export const reopenCaseInput = z
  .object({
    caseId: entityId,
    baseVersion: version,
    reason: z.string().trim().min(10, { error: 'validation.reason_required' }).max(2000, { error: 'validation.too_long' }),
  })
  .strict();
export const withdrawCaseInput = z
  .object({ caseId: entityId, baseVersion: version, date: eventDate, reason: z.string().trim().max(2000, { error: 'validation.too_long' }).optional() })
  .strict();

export const saveDraftInput = z
  .object({ draftId: entityId, caseId: entityId.nullable(), baseVersion: version.nullable(), revision: z.number().int().min(0), data: draftData })
  .strict();
export const draftIdInput = z.object({ draftId: entityId }).strict();

export const findDuplicatesInput = z
  .object({
    uci: uci.optional(),
    nameAsWritten: personName.optional(),
    nameLatin: personName.optional(),
    dateOfBirth: isoDate.optional(),
    excludeCaseId: entityId.optional(),
    /** The person being entered (the intake's id for them): pairs recorded as not the same person are left out. */
    personId: entityId.optional(),
  })
  .strict();

/** `case.notSamePerson`: the person being entered is not this candidate; the pair is not offered again. */
export const notSamePersonInput = z
  .object({ personId: entityId, candidateCaseId: entityId, candidatePersonId: entityId })
  .strict()
  .refine((v) => v.personId !== v.candidatePersonId, { error: 'validation.invalid', path: ['candidatePersonId'] });
export type NotSamePersonInput = z.infer<typeof notSamePersonInput>;

export interface DecisionRecord {
  id: string;
  outcome: Outcome;
  policyVersion: string;
  result: CaseDecision;
  decidedAt: string;
  decidedBy: string;
  /** The case-level result of a supervisor review (its detail per person is in `review`). */
  override: { outcome: 'eligible' | 'ineligible'; reason: string; reviewedAt: string; reviewedBy: string } | null;
  review: ReviewRecord | null;
}

/** The latest consent form of a case: the intake version and persons it was made for. */
export interface ConsentFormRef {
  documentId: string;
  number: string;
  intakeVersion: number | null;
  personIds: string[];
}

/** Consent as recorded, with what its form covered. */
export interface ConsentRef {
  documentId: string;
  signedOn: string;
  signers: { personId: string; signedBy: 'self' | 'guardian'; guardianName?: string | undefined }[];
  intakeVersion: number | null;
  personIds: string[];
}

export interface CaseDetail {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  /** Changes only when the intake changes (consent forms are made for one intake version). */
  intakeVersion: number;
  intake: IntakeDocument;
  appointmentAt: string | null;
  decision: DecisionRecord | null;
  reviewStatus: 'pending' | 'resolved' | null;
  withdrawal: { at: string; reason: string | null } | null;
  consentForm: ConsentFormRef | null;
  consent: ConsentRef | null;
  /** The stages after referral, every entry (corrections and what they undid included), oldest first. */
  stages: StageEntry[];
  /** Office-local dates of the CBSA milestones (the 30-day clock counts from the intake). */
  milestones: { intakeOn: string; decidedOn: string | null; referredOn: string | null };
  createdAt: string;
  updatedAt: string;
  /**
   * The persons whose medical notes were withheld from this reader (not consented for IOM, and
   * the reader's role lacks `case.read_medical`): their notes read as empty, and a save by this
   * reader keeps the stored ones.
   */
  medicalWithheld: string[];
}

/**
 * A case as a clerk sees it (`case.overview`): who it is for, its numbers and its status, no
 * facts. Strict, and parsed by the back end before it answers: a field added to the case by
 * mistake is an error rather than a leak of criminal, inadmissibility or medical facts.
 */
export const caseOverview = z
  .object({
    id: z.string(),
    caseNumber: z.string(),
    status: caseStatus,
    /** The latest referral packet's number, once referred. */
    packetNumber: z.string().nullable(),
    persons: z.array(z.object({ id: z.string(), relationship, nameAsWritten: z.string(), nameLatin: z.string() }).strict()),
  })
  .strict();
export type CaseOverview = z.infer<typeof caseOverview>;

export interface DraftRecord {
  draftId: string;
  caseId: string | null;
  baseVersion: number | null;
  revision: number;
  data: unknown;
  updatedAt: string;
}

export interface DraftSaved {
  draftId: string;
  revision: number;
  savedAt: string;
}

export interface DuplicateCandidate {
  caseId: string;
  /** The person in that case who may be the same (the intake's id for them: what "not the same person" names). */
  personId: string;
  caseNumber: string;
  nameAsWritten: string;
  nameLatin: string;
  dateOfBirth: string;
  uci: string | null;
  matchedOn: 'uci' | 'name_and_date_of_birth';
  /**
   * How far from the typed facts the match is: the date of birth with day and month swapped, a
   * name that matches only as another spelling of it (Mohammed, Muhammad). Empty: as typed.
   * The list comes best match first.
   */
  variants: DuplicateVariant[];
}
export type DuplicateVariant = 'swapped_date' | 'spelling';

export interface TodayCase {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  principalNameAsWritten: string;
  principalNameLatin: string;
  updatedAt: string;
  /** Review queue only: why the case waits for the supervisor (R1 manifestly unfounded, R2 mixed family, R3 facts missing). */
  reviewReasons?: ReasonCode[];
}

/** "What needs me today" (`today.tasks`): the tasks of the cases I referred or updated, or everyone's for a supervisor. */
export interface TaskList {
  /** The office's date the list was computed for. */
  today: string;
  scope: 'mine' | 'everyone';
  /** How many tasks there are; `tasks` holds the first 200, most overdue first. */
  total: number;
  tasks: CaseTask[];
}

export interface TodaySummary {
  walkIns: TodayCase[];
  /** Today's appointments in time order (empty for a role that does not manage appointments). */
  appointments: DayAppointment[];
  mine: TodayCase[];
  review: TodayCase[];
  myNewDrafts: { draftId: string; updatedAt: string; label: string }[];
}
