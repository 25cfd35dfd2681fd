import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { roles } from '../../../shared/roles';
import { TEXTS } from '../../../shared/rules/texts';
import { consentSigner } from '../../../shared/schema/documents-api';
import { caseDecisionSchema } from '../../../shared/schema/decision';
import { INFORMATION_REQUEST_FORMAT, informationRequestJson } from '../../../shared/schema/information-request';
import type { InformationRequest, InformationRequestDecision, InformationRequestReason, StaffRef } from '../../../shared/schema/information-request';
import type { IntakePerson } from '../../../shared/schema/intake';
import { reviewRecord } from '../../../shared/schema/review';
import type { Db } from '../db/open';
import { appointments, attachments, auditLog, consents, decisions, documents, users } from '../db/schema';
import { caseRow, intakeOf, statusOf } from '../cases/rows';
import { readStages } from '../stages/rows';
import { redactorFor } from './redact';
import type { Redact } from './redact';

/**
 * Everything held about the persons a request covers, read from the case's tables: their own
 * facts, the case's facts, every decision (reasons, review, reopening) with only their lines,
 * the documents and scans of the case (what they are and their hashes, never their bytes),
 * consents and stages with only their lines, appointments, and every audit entry naming the case.
 * Refuses a person who is not in the case. The result is parsed with its schema before it leaves.
 */
export interface GatherInput {
  caseId: string;
  personIds: readonly string[];
  lang: 'en' | 'fr';
  /** The marker that replaces another person's identity in free text (i18n, in `lang`). */
  withheld: string;
  generatedAt: string;
  generatedBy: string;
  pdfSigned: boolean;
}

export function gatherInformation(db: Db, input: GatherInput): InformationRequest {
  const c = caseRow(db, input.caseId);
  const intake = intakeOf(c);
  const wanted = new Set(input.personIds);
  const covered = intake.persons.filter((p) => wanted.has(p.id));
  if (covered.length !== wanted.size) throw new IpcFailure(ipcError('rejected', { messageKey: 'privacyRequest.errors.personNotInCase' }));
  const others = intake.persons.filter((p) => !wanted.has(p.id));
  const redact = redactorFor(others, covered, input.withheld);
  const who = staffOf(db);
  const free = (s: string | null) => (s === null ? null : redact(s));

  const stages = readStages(db, c.id);
  const seqOf = new Map(stages.map((s) => [s.id, s.seq]));

  const json: InformationRequest = {
    format: INFORMATION_REQUEST_FORMAT,
    generatedAt: input.generatedAt,
    generatedBy: who(input.generatedBy),
    lang: input.lang,
    withheld: input.withheld,
    pdfSigned: input.pdfSigned,
    case: {
      id: c.id,
      caseNumber: c.caseNumber,
      status: statusOf(c),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      withdrawal: c.withdrawnAt ? { at: c.withdrawnAt, reason: free(c.withdrawalReason) } : null,
    },
    persons: covered.map((p) => personOf(p, redact)),
    caseFacts: {
      channel: intake.channel,
      applicationDate: intake.applicationDate,
      language: intake.language,
      interpreterNeeded: intake.interpreterNeeded,
      interpreterName: redact(intake.interpreterName),
      contact: { ...intake.contact, address: redact(intake.contact.address) },
      travel: { ...intake.travel, finalDestination: redact(intake.travel.finalDestination) },
      reintegration: { categories: [...intake.reintegration.categories], notes: redact(intake.reintegration.notes) },
    },
    decisions: decisionsOf(db, c.id, c.decisionId, wanted, who, redact),
    documents: db
      .select({ number: documents.number, type: documents.type, version: documents.version, generatedAt: documents.generatedAt, generatedBy: documents.generatedBy, sha256: documents.sha256, contentHash: documents.contentHash, signed: documents.signed, supersededAt: documents.supersededAt })
      .from(documents)
      .where(eq(documents.caseId, c.id))
      .orderBy(asc(documents.generatedAt), asc(documents.number))
      .all()
      .map((d) => ({ ...d, type: documentType.parse(d.type), generatedBy: who(d.generatedBy) })),
    attachments: db
      .select({ kind: attachments.kind, fileName: attachments.fileName, mediaType: attachments.mediaType, size: attachments.size, sha256: attachments.sha256, addedAt: attachments.addedAt, addedBy: attachments.addedBy })
      .from(attachments)
      .where(eq(attachments.caseId, c.id))
      .orderBy(asc(attachments.addedAt))
      .all()
      .map((a) => ({ ...a, kind: attachmentKind.parse(a.kind), fileName: redact(a.fileName), addedBy: who(a.addedBy) })),
    consents: db
      .select({ documentNumber: documents.number, signedOn: consents.signedOn, recordedAt: consents.recordedAt, recordedBy: consents.recordedBy, signers: consents.signers })
      .from(consents)
      .innerJoin(documents, eq(documents.id, consents.documentId))
      .where(eq(consents.caseId, c.id))
      .orderBy(asc(consents.recordedAt))
      .all()
      .map((r) => ({
        documentNumber: r.documentNumber,
        signedOn: r.signedOn,
        recordedAt: r.recordedAt,
        recordedBy: who(r.recordedBy),
        signers: signerList
          .parse(JSON.parse(r.signers))
          .filter((s) => wanted.has(s.personId))
          .map((s) => ({ personId: s.personId, signedBy: s.signedBy, guardianName: s.guardianName === undefined ? null : redact(s.guardianName) })),
      })),
    stages: stages.map((s) => ({
      seq: s.seq,
      action: s.stage.action,
      occurredOn: s.occurredOn,
      source: s.source,
      statusBefore: s.statusBefore,
      statusAfter: s.statusAfter,
      details: stageDetailsFor(s.stage, wanted, redact),
      reason: free(s.reason),
      correctsSeq: s.correctsId === null ? null : (seqOf.get(s.correctsId) ?? null),
      correctedBySeq: s.correctedBy === null ? null : (seqOf.get(s.correctedBy) ?? null),
      recordedAt: s.recordedAt,
      recordedBy: who(s.recordedBy),
    })),
    appointments: db
      .select()
      .from(appointments)
      .where(eq(appointments.caseId, c.id))
      .orderBy(asc(appointments.bookedAt))
      .all()
      .map((a) => ({
        localDate: a.localDate,
        localTime: a.localTime,
        timeZone: a.timeZone,
        minutes: a.minutes,
        kind: appointmentKind.parse(a.kind),
        status: appointmentStatus.parse(a.status),
        bookedAt: a.bookedAt,
        bookedBy: a.bookedBy === null ? null : who(a.bookedBy),
        statusAt: a.statusAt,
        statusBy: a.statusBy === null ? null : who(a.statusBy),
        reason: free(a.reason),
      })),
    accessLog: db
      .select({ at: auditLog.at, username: auditLog.username, displayName: users.displayName, role: auditLog.role, action: auditLog.action, outcome: auditLog.outcome, workstation: auditLog.workstation })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(eq(auditLog.caseId, c.id))
      .orderBy(asc(auditLog.seq))
      .all()
      .map((a) => ({ ...a, role: roleOrNull.parse(a.role), outcome: auditOutcome.parse(a.outcome) })),
  };
  return informationRequestJson.parse(json);
}

const documentType = informationRequestJson.shape.documents.element.shape.type;
const attachmentKind = informationRequestJson.shape.attachments.element.shape.kind;
const appointmentKind = informationRequestJson.shape.appointments.element.shape.kind;
const appointmentStatus = informationRequestJson.shape.appointments.element.shape.status;
const auditOutcome = informationRequestJson.shape.accessLog.element.shape.outcome;
const roleOrNull = z.enum(roles).nullable();
const signerList = z.array(consentSigner);

/** Staff named by their account id, as the request shows them; the accounts are read once. */
function staffOf(db: Db): (userId: string) => StaffRef {
  const byId = new Map(
    db
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .all()
      .map((u) => [u.id, { username: u.username, displayName: u.displayName }]),
  );
  return (userId) => byId.get(userId) ?? null;
}

function personOf(p: IntakePerson, redact: Redact): InformationRequest['persons'][number] {
  return {
    id: p.id,
    relationship: p.relationship,
    nameAsWritten: p.nameAsWritten,
    nameLatin: p.nameLatin,
    dateOfBirth: p.dateOfBirth,
    nationality: p.nationality,
    uci: p.uci,
    facts: p.facts,
    travelDocument: p.travelDocument,
    // Written by the officer about this person; another person named in it is withheld all the same.
    specialNeeds: { ...p.specialNeeds, mobility: redact(p.specialNeeds.mobility), medicalConditions: redact(p.specialNeeds.medicalConditions) },
  };
}

function decisionsOf(db: Db, caseId: string, inForceId: string | null, wanted: ReadonlySet<string>, who: (id: string) => StaffRef, redact: Redact): InformationRequestDecision[] {
  const rows = db.select().from(decisions).where(eq(decisions.caseId, caseId)).orderBy(asc(decisions.decidedAt)).all();
  return rows.map((d) => {
    const result = caseDecisionSchema.parse(JSON.parse(d.result));
    const review = d.review === null ? null : reviewRecord.parse(JSON.parse(d.review));
    const persons = result.persons.filter((p) => wanted.has(p.id));
    return {
      id: d.id,
      inForce: d.id === inForceId,
      outcome: result.outcome,
      policyVersion: d.policyVersion,
      applicationDate: result.applicationDate,
      decidedAt: d.decidedAt,
      decidedBy: who(d.decidedBy),
      caseReasons: result.reasons.map((r) => (r.code === 'R2' ? mixedFor(r, persons) : reasonOf(r))),
      persons: persons.map((p) => ({
        personId: p.id,
        outcome: p.outcome,
        reasons: p.reasons.map(reasonOf),
        missing: [...p.missing],
        assistance: { tier: p.assistance.tier, maxAmountCad: p.assistance.maxAmountCad, basis: p.assistance.basis ? reasonOf(p.assistance.basis) : null },
        minor: p.minor,
      })),
      review: review
        ? {
            outcome: review.outcome,
            reason: redact(review.reason),
            exclusionOverride: review.exclusionOverride,
            reviewedAt: review.reviewedAt,
            reviewedBy: who(review.reviewedBy),
            persons: review.persons
              .filter((p) => wanted.has(p.personId))
              .map((p) => ({ personId: p.personId, outcome: p.outcome, tier: p.tier, maxAmountCad: p.maxAmountCad, tierSetBySupervisor: p.tierSetBySupervisor })),
          }
        : null,
      reopen: d.reopenedAt && d.reopenedBy ? { at: d.reopenedAt, by: who(d.reopenedBy), reason: redact(d.reopenReason ?? '') } : null,
    };
  });
}

type StoredReason = z.infer<typeof caseDecisionSchema>['reasons'][number];

function reasonOf(r: StoredReason): InformationRequestReason {
  return {
    code: r.code,
    text: { en: r.text.en, fr: r.text.fr },
    reference: r.reference,
    trace: { date: r.trace.date, facts: r.trace.facts.map((f) => ({ path: f.path, value: f.value })), parameters: r.trace.parameters.map((p) => ({ name: p.name, from: p.from, value: p.value, source: p.source })) },
  };
}

/** "The members of the family do not have the same outcome (…)": said again naming only the persons covered. */
function mixedFor(r: StoredReason, persons: readonly { id: string; outcome: z.infer<typeof caseDecisionSchema>['outcome'] }[]): InformationRequestReason {
  const people = persons.map((p) => ({ id: p.id, outcome: p.outcome }));
  return { ...reasonOf(r), text: { en: TEXTS.R2.en({ people }), fr: TEXTS.R2.fr({ people }) } };
}

/** A stage's facts: the per-person lines (travel documents, assistance) of the persons covered only; free text with others withheld. */
function stageDetailsFor(stage: ReturnType<typeof readStages>[number]['stage'], wanted: ReadonlySet<string>, redact: Redact): InformationRequest['stages'][number]['details'] {
  switch (stage.action) {
    case 'recordTravelDocument':
      return { ...stage, documents: stage.documents.filter((d) => wanted.has(d.personId)), reason: redact(stage.reason) };
    case 'recordAssistance':
      return { ...stage, entries: stage.entries.filter((e) => wanted.has(e.personId)) };
    case 'noShow':
    case 'iomDecline':
      return { ...stage, reason: redact(stage.reason) };
    case 'recordFollowUp':
      return { ...stage, notes: redact(stage.notes) };
    case 'confirmDeparture':
      return { ...stage, place: redact(stage.place) };
    default:
      return { ...stage };
  }
}
