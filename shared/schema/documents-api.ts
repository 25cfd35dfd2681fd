import { z } from 'zod';
import { entityId, eventDate, isoDate, personName } from './common';

/** Inputs and outputs of the certificate, document, consent and referral channels. */

export interface CertificateInfo {
  id: string;
  label: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  fingerprint: string;
  selfSigned: boolean;
  /** The temporary certificate this app makes to start with (not the office's own). */
  temporary: boolean;
  createdAt: string;
}

export const importCertificateInput = z
  .object({
    /** The .p12 / .pfx file, base64. */
    p12Base64: z.string().min(1, { error: 'validation.required' }).max(200_000, { error: 'validation.too_long' }).regex(/^[A-Za-z0-9+/=\s]+$/, { error: 'validation.invalid' }),
    passphrase: z.string().max(1000, { error: 'validation.too_long' }),
    label: z.string().trim().max(200, { error: 'validation.too_long' }).optional(),
  })
  .strict();

export const documentTypes = ['consent_form', 'referral_packet', 'withdrawal_form', 'withdrawal_notice', 'ineligibility_letter'] as const;
export type DocumentType = (typeof documentTypes)[number];

export interface DocumentInfo {
  id: string;
  number: string;
  type: DocumentType;
  caseId: string;
  caseNumber: string;
  version: number;
  sha256: string;
  contentHash: string | null;
  signed: boolean;
  generatedAt: string;
  generatedBy: string;
  /** Replaced or withdrawn: out of the print queue; printed again only as a copy for the file. */
  superseded: boolean;
  printCount: number;
  lastPrintedAt: string | null;
}

export const caseIdInput = z.object({ caseId: entityId }).strict();
export const documentIdInput = z.object({ documentId: entityId }).strict();
/** `forFile`: a copy for the case file, stamped COPY (the only way to print a superseded document). */
export const printDocumentInput = z.object({ documentId: entityId, forFile: z.boolean().optional() }).strict();
export const generateConsentInput = z.object({ caseId: entityId, baseVersion: z.number().int().min(1) }).strict();
/** The letter to the person explaining a decision of not eligible, for the case as it is at `baseVersion`. */
export const generateIneligibilityLetterInput = z.object({ caseId: entityId, baseVersion: z.number().int().min(1) }).strict();

export const consentSigner = z
  .object({
    personId: entityId,
    signedBy: z.enum(['self', 'guardian'], { error: 'validation.choice' }),
    guardianName: personName.optional(),
  })
  .strict()
  .refine((s) => s.signedBy === 'self' || Boolean(s.guardianName), { error: 'validation.guardian_name', path: ['guardianName'] });

export const recordConsentInput = z
  .object({
    caseId: entityId,
    baseVersion: z.number().int().min(1),
    documentId: entityId,
    signedOn: eventDate,
    signers: z.array(consentSigner).min(1, { error: 'validation.required' }).max(20),
  })
  .strict();

export const referInput = z.object({ caseId: entityId, baseVersion: z.number().int().min(1) }).strict();

export interface ConsentRecord {
  documentId: string;
  signedOn: string;
  signers: { personId: string; signedBy: 'self' | 'guardian'; guardianName?: string }[];
  recordedAt: string;
  recordedBy: string;
}

/** A document to show or print: in Electron it went to the system print dialog; in the harness it comes back as a download. */
export interface PrintResult {
  mode: 'printed' | 'download';
  copy: boolean;
  filename: string;
  pdfBase64: string | null;
}

/** The clerk's batch: documents waiting in the print queue, printed one after another as one job. */
export const printBatchInput = z.object({ documentIds: z.array(entityId).min(1, { error: 'validation.required' }).max(200) }).strict();

/**
 * A batch printed: each document's own file (never merged: every PDF keeps its own signature,
 * which a merged file would drop), and those that had left the queue meanwhile (printed by
 * someone else, superseded by a withdrawal), not printed again.
 */
export interface PrintBatchResult {
  mode: 'printed' | 'download';
  printed: PrintResult[];
  skipped: { documentId: string; number: string | null; reason: 'not_in_queue' | 'not_found' }[];
}

/** One office day of the print log (the office's time zone). */
export const printLogDayInput = z.object({ date: isoDate }).strict();
export const printLogCsvInput = z.object({ date: isoDate, lang: z.enum(['en', 'fr']) }).strict();

/**
 * One print of the log: what was printed (document and case numbers, the document's type), by
 * whom, when, and which print of the document it was (1 the original, 2 and on a copy). No
 * personal data of the persons.
 */
export interface PrintLogLine {
  at: string;
  documentNumber: string;
  caseNumber: string;
  type: DocumentType;
  kind: 'print' | 'reprint';
  /** 1 for the first print of the document, 2 for the first copy, and so on (all days counted). */
  printNumber: number;
  by: string;
}

export interface PrintLogDay {
  date: string;
  lines: PrintLogLine[];
  prints: number;
  reprints: number;
}

export interface PrintLogCsv {
  filename: string;
  csv: string;
}
