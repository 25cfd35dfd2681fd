import { z } from 'zod';
import { caseStatuses } from '../case/lifecycle';
import { roles } from '../roles';
import { OUTCOMES, REASON_CODES, TIERS } from '../rules/codes';
import { appointmentKinds, appointmentStatuses } from './appointments';
import { attachmentKinds } from './attachments';
import { intakeChannel, relationship } from './case';
import { documentTypes } from './documents-api';
import { reintegrationCategories, travelDocumentStatuses } from './intake';
import { claimOutcomes, radAppealStatuses } from './case-facts';
import { stageSources } from './stages';

/**
 * The JSON file of a person's information request (`privacy.export`, issue 14 point 5): everything
 * the office holds about the persons the request covers in one case, and nothing about the other
 * members of the family. The back end builds it, parses it with this schema (so the keys come out
 * in this order, every time) and writes it with two-space indentation. Times are ISO-8601 UTC;
 * office dates YYYY-MM-DD. Free text written by staff keeps its words, except another person's
 * name, date of birth or client ID, which are replaced by the `withheld` marker of the file.
 */
export const INFORMATION_REQUEST_FORMAT = 'avrr-information-request/1';

const instant = z.iso.datetime({ precision: 3 });
const day = z.iso.date();
const yesNo = z.boolean().nullable();
const bilingual = z.object({ en: z.string(), fr: z.string() });

/** A member of staff as the trail names them (null: the account is not known, or no one: the system). */
const staff = z.object({ username: z.string(), displayName: z.string() }).nullable();

const person = z.object({
  id: z.string(),
  relationship,
  nameAsWritten: z.string(),
  nameLatin: z.string(),
  dateOfBirth: day,
  nationality: z.string(),
  uci: z.string().nullable(),
  facts: z.object({
    claim: z.object({
      outcome: z.enum(claimOutcomes).nullable(),
      inGta: yesNo,
      claimDate: day.nullable(),
      decisionDate: day.nullable(),
      noCredibleBasis: yesNo,
      manifestlyUnfounded: yesNo,
      radAppeal: z.enum(radAppealStatuses).nullable(),
    }),
    federalCourtLeaveApplied: yesNo,
    federalCourtLeaveDate: day.nullable(),
    prraApplied: yesNo,
    prraDate: day.nullable(),
    criminalRecord: yesNo,
    inadmissibleSecurity: yesNo,
    inadmissibleHumanRights: yesNo,
    inadmissibleOrganizedCrime: yesNo,
    prApplicationWithSpousalSponsorship: yesNo,
    compliantWithConditions: yesNo,
  }),
  travelDocument: z.object({ status: z.enum(travelDocumentStatuses).nullable(), expiryDate: day.nullable() }),
  specialNeeds: z.object({ medicalEscort: yesNo, nonMedicalEscort: yesNo, mobility: z.string(), medicalConditions: z.string(), shareMedicalWithIom: z.boolean() }),
});

/** The facts of the case as a whole (the principal's and the family's: contact, language, travel, reintegration). */
const caseFacts = z.object({
  channel: intakeChannel,
  applicationDate: day,
  language: z.string(),
  interpreterNeeded: yesNo,
  interpreterName: z.string(),
  contact: z.object({ phone: z.string(), email: z.string(), address: z.string() }),
  travel: z.object({ countryOfReturn: z.string().nullable(), finalDestination: z.string() }),
  reintegration: z.object({ categories: z.array(z.enum(reintegrationCategories)), notes: z.string() }),
});

const reason = z.object({
  code: z.enum(REASON_CODES),
  text: bilingual,
  reference: z.string(),
  /** The facts the rule read (of this person only) and the policy parameters it used. */
  trace: z.object({
    date: z.string(),
    facts: z.array(z.object({ path: z.string(), value: z.unknown() })),
    parameters: z.array(z.object({ name: z.string(), from: z.string().nullable(), value: z.unknown(), source: z.string() })),
  }),
});

const personDecision = z.object({
  personId: z.string(),
  outcome: z.enum(OUTCOMES),
  reasons: z.array(reason),
  missing: z.array(z.string()),
  assistance: z.object({ tier: z.enum(TIERS).nullable(), maxAmountCad: z.number().nullable(), basis: reason.nullable() }),
  minor: z.boolean().nullable(),
});

const decision = z.object({
  id: z.string(),
  /** The decision in force (the others are kept as history: reopened, or replaced). */
  inForce: z.boolean(),
  outcome: z.enum(OUTCOMES),
  policyVersion: z.string(),
  applicationDate: z.string(),
  decidedAt: instant,
  decidedBy: staff,
  /** Case-level reasons (a family with mixed outcomes names only the persons covered). */
  caseReasons: z.array(reason),
  persons: z.array(personDecision),
  review: z
    .object({
      outcome: z.enum(['eligible', 'ineligible']),
      reason: z.string(),
      exclusionOverride: z.boolean(),
      reviewedAt: instant,
      reviewedBy: staff,
      persons: z.array(
        z.object({ personId: z.string(), outcome: z.enum(['eligible', 'ineligible']), tier: z.enum(TIERS).nullable(), maxAmountCad: z.number().nullable(), tierSetBySupervisor: z.boolean() }),
      ),
    })
    .nullable(),
  reopen: z.object({ at: instant, by: staff, reason: z.string() }).nullable(),
});

const documentEntry = z.object({
  number: z.string(),
  type: z.enum(documentTypes),
  version: z.number().int(),
  generatedAt: instant,
  generatedBy: staff,
  /** SHA-256 of the PDF as generated. */
  sha256: z.string(),
  /** Referral packets: SHA-256 of the content data printed in the QR code. */
  contentHash: z.string().nullable(),
  signed: z.boolean(),
  supersededAt: instant.nullable(),
});

const attachmentEntry = z.object({
  kind: z.enum(attachmentKinds),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: instant,
  addedBy: staff,
});

const consentEntry = z.object({
  documentNumber: z.string(),
  signedOn: day,
  recordedAt: instant,
  recordedBy: staff,
  signers: z.array(z.object({ personId: z.string(), signedBy: z.enum(['self', 'guardian']), guardianName: z.string().nullable() })),
});

const stageEntry = z.object({
  seq: z.number().int(),
  action: z.string(),
  occurredOn: day,
  source: z.enum(stageSources),
  statusBefore: z.enum(caseStatuses),
  statusAfter: z.enum(caseStatuses),
  /** What the stage recorded; lists of per-person lines (travel documents, assistance) keep only the persons covered. */
  details: z.looseObject({ action: z.string() }),
  reason: z.string().nullable(),
  /** A correction: the entry it undoes (by its seq); an entry undone: the correction's seq. */
  correctsSeq: z.number().int().nullable(),
  correctedBySeq: z.number().int().nullable(),
  recordedAt: instant,
  recordedBy: staff,
});

const appointmentEntry = z.object({
  localDate: day,
  localTime: z.string(),
  timeZone: z.string(),
  minutes: z.number().int(),
  kind: z.enum(appointmentKinds),
  status: z.enum(appointmentStatuses),
  bookedAt: instant,
  bookedBy: staff,
  statusAt: instant.nullable(),
  statusBy: staff,
  reason: z.string().nullable(),
});

const accessEntry = z.object({
  at: instant,
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  role: z.enum(roles).nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'denied', 'error']),
  workstation: z.string(),
});

export const informationRequestJson = z.object({
  format: z.literal(INFORMATION_REQUEST_FORMAT),
  generatedAt: instant,
  generatedBy: staff,
  /** The language the request was made in (the PDF is in English and French either way). */
  lang: z.enum(['en', 'fr']),
  /** What replaces another person's name, date of birth or client ID in free text. */
  withheld: z.string(),
  pdfSigned: z.boolean(),
  case: z.object({
    id: z.string(),
    caseNumber: z.string(),
    status: z.enum(caseStatuses),
    createdAt: instant,
    updatedAt: instant,
    withdrawal: z.object({ at: instant, reason: z.string().nullable() }).nullable(),
  }),
  persons: z.array(person).min(1),
  caseFacts,
  decisions: z.array(decision),
  documents: z.array(documentEntry),
  attachments: z.array(attachmentEntry),
  consents: z.array(consentEntry),
  stages: z.array(stageEntry),
  appointments: z.array(appointmentEntry),
  /** Every entry of the audit trail naming this case: who, when, from which workstation, what. */
  accessLog: z.array(accessEntry),
});
export type InformationRequest = z.infer<typeof informationRequestJson>;
export type InformationRequestPerson = z.infer<typeof person>;
export type InformationRequestDecision = z.infer<typeof decision>;
export type InformationRequestReason = z.infer<typeof reason>;
export type StaffRef = z.infer<typeof staff>;
