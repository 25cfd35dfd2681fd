/**
 * The referral packet's data for IOM's systems: a JSON file embedded in the signed PDF
 * (`/EmbeddedFiles` and `/AF`, relationship /Data), added before signing so the office
 * signature covers it. It holds the facts the packet prints that IOM keys into its own case
 * system, never an id of ours the paper does not show (docs/documents.md). Strict: the app
 * that checks a packet handed back (document.check) refuses anything else.
 */
import { z } from 'zod';
import { attachmentKinds } from './attachments';
import { AssistanceTierSchema, EligibilityOutcomeSchema, RelationshipSchema, TravelDocumentStatusSchema } from './documents';

export const PACKET_DATA_FILE_NAME = 'avrr-referral-data.json';
export const PACKET_DATA_FORMAT = 'avrr-iom-referral-data';

const isoDate = z.iso.date();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const PacketDataPersonSchema = z
  .object({
    nameOwnScript: z.string(),
    nameLatin: z.string(),
    dateOfBirth: isoDate,
    nationality: z.string(),
    relationship: RelationshipSchema,
    minor: z.boolean(),
    travelDocument: TravelDocumentStatusSchema,
    medicalEscort: z.boolean(),
    nonMedicalEscort: z.boolean(),
    tier: AssistanceTierSchema,
    maxAssistanceCad: z.number().int().min(0),
  })
  .strict();

export const PacketDataSchema = z
  .object({
    format: z.literal(PACKET_DATA_FORMAT),
    version: z.literal(1),
    packetNumber: z.string(),
    caseNumber: z.string(),
    referralDate: isoDate,
    countryOfReturn: z.string(),
    finalDestination: z.string(),
    persons: z.array(PacketDataPersonSchema).min(1),
    assistance: z.object({ familyTotalCad: z.number().int().min(0) }).strict(),
    eligibility: z
      .object({
        outcome: EligibilityOutcomeSchema,
        policyVersion: z.string(),
        decidedOn: isoDate,
        applicationDate: isoDate.nullable(),
      })
      .strict(),
    consentFormNumber: z.string(),
    scans: z.array(z.object({ kind: z.enum(attachmentKinds), sha256 }).strict()),
    auditChainHead: z.string(),
    /** The content hash the packet prints and its QR codes carry (printed facts, recipe v2). */
    contentSha256: sha256,
  })
  .strict();
export type PacketData = z.infer<typeof PacketDataSchema>;
