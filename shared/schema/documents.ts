/**
 * Input data of the documents the office produces (brief section 6): consent form, referral
 * packet to IOM, withdrawal form and withdrawal notice, and the letter explaining an ineligible
 * decision. The document engine (electron/core/documents) validates every render against these
 * schemas; the referral packet's
 * content hash is computed over the *validated* data, so IOM can recompute it from the same JSON.
 *
 * Names come twice: in the person's own script and in the Latin transliteration of their travel
 * document. Free text is printed as given; the EN and FR text of reasons is supplied by the
 * caller (the eligibility rules produce both).
 */
import { z } from 'zod';
import { attachmentKinds } from './attachments';
import {
  FINAL_DESTINATION_MAX,
  INTERPRETER_NAME_MAX,
  PERSON_NAME_MAX,
  REASON_TEXT_MAX,
  REINTEGRATION_NOTES_MAX,
  SIGNED_BY_MAX,
  SPECIAL_NEEDS_NOTES_MAX,
  TRAVEL_DOCUMENT_NOTES_MAX,
  WITHDRAWAL_REASON_MAX,
} from './limits';

const text = (max = 200) => z.string().trim().min(1).max(max);
const optionalText = (max = 2000) => z.string().trim().max(max).nullable().default(null);
const isoDate = z.iso.date();

/** An EN + FR pair, e.g. one eligibility reason (a supervisor's reason included). */
export const BilingualTextSchema = z.object({ en: text(REASON_TEXT_MAX), fr: text(REASON_TEXT_MAX) });

export const RelationshipSchema = z.enum([
  'principal_applicant',
  'spouse',
  'child',
  'parent',
  'sibling',
  'other_relative',
]);

export const OfficerSchema = z.object({
  name: text(),
  /** Badge or employee number as printed on the form. */
  badgeNumber: text(40),
});

export const InterpreterSchema = z.object({
  name: text(INTERPRETER_NAME_MAX),
  /** Agency or "in person", "by phone"; free text. */
  organisation: optionalText(200),
});

/** The language the forms were explained in, and the interpreter if one was used. */
export const LanguageUseSchema = z.object({
  language: text(100),
  interpreter: InterpreterSchema.nullable().default(null),
});

export const PersonSchema = z.object({
  personId: text(64),
  /** The name in the person's own script (Arabic, Tamil, Chinese, Latin with diacritics…). */
  nameOwnScript: text(PERSON_NAME_MAX),
  /** The Latin transliteration, as on the travel document. */
  nameLatin: text(PERSON_NAME_MAX),
  dateOfBirth: isoDate,
  /** Nationality as printed (country name); free text so the caller controls the wording. */
  nationality: text(100),
  relationship: RelationshipSchema,
  /**
   * Under the age of majority on the document's date (consent form date, referral date,
   * withdrawal date); decided by the caller with `isMinorOn` of shared/rules/dates.ts.
   */
  minor: z.boolean(),
});

/** Categories of personal information CBSA shares with IOM (listed on the consent form). */
export const SharedInformationSchema = z.enum([
  'identity',
  'contact_details',
  'family_composition',
  'immigration_status',
  'travel_documents',
  'medical_needs',
  'reintegration_preferences',
  'language_needs',
]);

const personsOf = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(20);

export const ConsentFormSchema = z.object({
  formNumber: text(64),
  caseNumber: text(64),
  date: isoDate,
  persons: personsOf(PersonSchema),
  sharedInformation: z.array(SharedInformationSchema).min(1),
  languageUse: LanguageUseSchema,
  officer: OfficerSchema,
});

export const OfficeSchema = z.object({
  name: text(),
  address: text(300),
});

/** The office of the pilot (brief section 2). */
export const DEFAULT_OFFICE = {
  name: 'Canada Border Services Agency (CBSA) / Agence des services frontaliers du Canada (ASFC)',
  address: '6900 Airport Road, Entrance 2B, Mississauga, Ontario',
} as const satisfies z.input<typeof OfficeSchema>;

export const TravelDocumentStatusSchema = z.enum([
  'valid_passport',
  'expired_passport',
  'travel_document_requested',
  'emergency_travel_document_issued',
  'none',
]);

/** T1-T3 by recourse stage; DCO for nationals of a designated country of origin (flat amount). */
export const AssistanceTierSchema = z.enum(['T1', 'T2', 'T3', 'DCO']);

export const PacketPersonSchema = PersonSchema.extend({
  travelDocument: z.object({
    status: TravelDocumentStatusSchema,
    notes: optionalText(TRAVEL_DOCUMENT_NOTES_MAX),
  }),
  specialNeeds: z.object({
    medicalEscort: z.boolean(),
    nonMedicalEscort: z.boolean(),
    /** Mobility needs and (with consent) medical conditions, as typed at the intake. */
    notes: optionalText(SPECIAL_NEEDS_NOTES_MAX),
  }),
  tier: AssistanceTierSchema,
  /**
   * Why this tier: the rules' basis (A1-A5) or, when a supervisor set the tier in review, the
   * supervisor's reason. Optional only so that packets made before it existed still reprint.
   */
  tierBasis: BilingualTextSchema.optional(),
  /** Maximum in-kind assistance for this person, whole Canadian dollars (rules decide it). */
  maxAssistanceCad: z.number().int().min(0).max(100_000),
});

export const EligibilityOutcomeSchema = z.enum(['eligible', 'ineligible', 'needs_review']);

export const ReintegrationCategorySchema = z.enum([
  'additional_luggage_allowance',
  'onward_transportation',
  'job_search_assistance',
  'material_assistance',
  'medical_assistance',
  'small_business_support',
  'temporary_accommodation_housing',
  'training_schooling',
  'legal_assistance',
]);

/** One scan attached to the case, as the packet lists it (IOM can check a copy against its hash). */
export const PacketAttachmentSchema = z.object({
  kind: z.enum(attachmentKinds),
  /** SHA-256 of the scan's bytes, lower-case hex, printed in full. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * The office date it was added. Optional (never defaulted, so their content hash stays the
   * same) only for packets made before it was printed. Never the file name: the officer's
   * computer named it, and it can carry personal data IOM has no need of.
   */
  addedOn: isoDate.optional(),
});

export const ReferralPacketSchema = z.object({
  packetNumber: text(64),
  caseNumber: text(64),
  referralDate: isoDate,
  office: OfficeSchema.default(DEFAULT_OFFICE),
  referringOfficer: OfficerSchema,
  persons: personsOf(PacketPersonSchema),
  countryOfReturn: text(100),
  finalDestination: text(FINAL_DESTINATION_MAX),
  languageUse: LanguageUseSchema,
  eligibility: z.object({
    outcome: EligibilityOutcomeSchema,
    reasons: z.array(z.object({ code: text(40), text: BilingualTextSchema })).min(1),
    policyVersion: text(64),
    decidedOn: isoDate,
    /**
     * The officer who decided. Packets made before officers were printed here hold a plain
     * string; they are reprinted as they were.
     */
    decidedBy: z.union([OfficerSchema, text()]),
    /** The supervisor who reviewed the decision, when there was a review. */
    reviewedBy: OfficerSchema.optional(),
    /**
     * The AVRR application date: the policy in force, the tiers and the DCO status follow it.
     * Optional only so that packets made before it was printed still reprint.
     */
    applicationDate: isoDate.optional(),
  }),
  preferences: z.array(z.object({ category: ReintegrationCategorySchema, notes: optionalText(1000) })),
  /** The person's own words about their plans, for the whole family (not tied to one category). */
  preferencesNotes: optionalText(REINTEGRATION_NOTES_MAX),
  consent: z.object({
    formNumber: text(64),
    signedOn: isoDate,
    /** Names of the adults who signed (and parents or guardians signing for minors). */
    signedBy: z.array(text(SIGNED_BY_MAX)).min(1),
    officer: OfficerSchema,
    languageUse: LanguageUseSchema,
  }),
  /** Head of the audit hash chain when the packet was made (hex, from the audit module). */
  auditChainHead: z.string().regex(/^[0-9a-f]{32,128}$/, 'lower-case hex, 32 to 128 digits'),
  /**
   * The scans attached to the case when the packet was made (the signed consent form, ...), as
   * the packet lists them: never their content. Covered by the content hash. Absent when there
   * were none (and in packets made before scans existed).
   */
  attachments: z.array(PacketAttachmentSchema).max(100).optional(),
});

export const WithdrawalSchema = z.object({
  caseNumber: text(64),
  /** The referral packet IOM holds, if the case was referred. */
  packetNumber: z.string().trim().min(1).max(64).nullable().default(null),
  date: isoDate,
  reason: optionalText(WITHDRAWAL_REASON_MAX),
  /** Everyone leaving the programme with this withdrawal. */
  persons: personsOf(PersonSchema),
  witnessingOfficer: OfficerSchema,
  languageUse: LanguageUseSchema,
});

/** One reason of an eligibility decision as printed: the rules' code and its EN and FR sentence. */
export const DecisionReasonSchema = z.object({ code: text(40), text: BilingualTextSchema });

/** A person of the case on the ineligibility letter: who, the outcome in force, and why. */
export const LetterPersonSchema = PersonSchema.pick({ personId: true, nameOwnScript: true, nameLatin: true, dateOfBirth: true }).extend({
  outcome: EligibilityOutcomeSchema,
  /** The rules' reasons for this person (and a supervisor's, when a review decided), in code order. */
  reasons: z.array(DecisionReasonSchema).max(30),
});

/**
 * The letter to the person explaining a decision of not eligible (issue 13 point 11): the
 * reasons per person in the rules' own EN and FR sentences, the policy version and the date of
 * the decision, how to ask questions, and that the decision can be looked at again if the
 * facts change.
 */
export const IneligibilityLetterSchema = z.object({
  letterNumber: text(64),
  caseNumber: text(64),
  /** The letter's date (office date it was made). */
  date: isoDate,
  office: OfficeSchema.default(DEFAULT_OFFICE),
  /** When the office receives people, in both languages ("Monday to Friday, 8:00 to 16:00"). */
  officeHours: BilingualTextSchema,
  decision: z.object({
    policyVersion: text(64),
    decidedOn: isoDate,
    /** The AVRR application date: the rules in force on it were applied. */
    applicationDate: isoDate,
    decidedBy: OfficerSchema,
    /** The supervisor who reviewed the decision, when there was a review. */
    reviewedBy: OfficerSchema.optional(),
  }),
  persons: personsOf(LetterPersonSchema),
  /** The officer who issued the letter. */
  officer: OfficerSchema,
});

export type BilingualText = z.infer<typeof BilingualTextSchema>;
export type Relationship = z.infer<typeof RelationshipSchema>;
export type Officer = z.infer<typeof OfficerSchema>;
export type LanguageUse = z.infer<typeof LanguageUseSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type SharedInformation = z.infer<typeof SharedInformationSchema>;
export type TravelDocumentStatus = z.infer<typeof TravelDocumentStatusSchema>;
export type ReintegrationCategory = z.infer<typeof ReintegrationCategorySchema>;
export type EligibilityOutcome = z.infer<typeof EligibilityOutcomeSchema>;
export type PacketPerson = z.infer<typeof PacketPersonSchema>;
export type PacketAttachment = z.infer<typeof PacketAttachmentSchema>;

/** Validated data (defaults filled in). */
export type ConsentForm = z.infer<typeof ConsentFormSchema>;
export type ReferralPacket = z.infer<typeof ReferralPacketSchema>;
export type Withdrawal = z.infer<typeof WithdrawalSchema>;
export type IneligibilityLetter = z.infer<typeof IneligibilityLetterSchema>;
/** What callers pass (defaults may be left out). */
export type ConsentFormInput = z.input<typeof ConsentFormSchema>;
export type ReferralPacketInput = z.input<typeof ReferralPacketSchema>;
export type WithdrawalInput = z.input<typeof WithdrawalSchema>;
export type IneligibilityLetterInput = z.input<typeof IneligibilityLetterSchema>;
