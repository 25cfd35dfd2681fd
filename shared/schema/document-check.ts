import { z } from 'zod';
import { documentTypes } from './documents-api';
import { PacketDataSchema } from './packet-data';

/**
 * "Check a document": what the app says about a PDF someone hands back (docs/documents.md).
 * The same verdicts for the screen and for `npm run verify-pdf`.
 */
export const CHECK_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export const checkDocumentInput = z
  .object({
    fileName: z.string().trim().min(1, { error: 'validation.required' }).max(260, { error: 'validation.too_long' }),
    contentBase64: z
      .string({ error: 'validation.required' })
      .min(1, { error: 'validation.required' })
      .max(Math.ceil(CHECK_DOCUMENT_MAX_BYTES / 3) * 4, { error: 'checkDocument.file.too_large' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'checkDocument.file.not_base64' }),
  })
  .strict();
export type CheckDocumentInput = z.infer<typeof checkDocumentInput>;

/**
 * Worst first: a document is judged by the first of these that applies.
 * - not_signed: no signature at all;
 * - signature_invalid: the signature does not match the bytes it claims to cover (changed inside);
 * - changed_after_signing: valid, but bytes were appended after the signed part (an incremental update);
 * - not_ours: valid and whole, but not made with an office certificate of this data folder;
 * - not_in_register: ours, valid and whole, but no document of the register has these exact bytes;
 * - ok: all of the above hold; `document` says which one it is.
 */
export const checkVerdicts = ['not_signed', 'signature_invalid', 'changed_after_signing', 'not_ours', 'not_in_register', 'ok'] as const;
export type CheckVerdict = (typeof checkVerdicts)[number];

export const registerMatch = z.object({
  number: z.string(),
  type: z.enum(documentTypes),
  caseNumber: z.string(),
  version: z.number().int(),
  generatedAt: z.string(),
  superseded: z.boolean(),
});
export type RegisterMatch = z.infer<typeof registerMatch>;

/**
 * The data a referral packet embeds for IOM's systems (shared/schema/packet-data.ts), as read
 * back from the file. `register`: the register's packet of that number gives the same data
 * ('matches'), other data ('differs'), or there is none ('not_found'); null when no folder was asked.
 */
export const embeddedDataCheck = z.object({
  /** Read from the signed part of the file, so the office signature covers it (false: an unsigned file). */
  covered: z.boolean(),
  /** Null: a file of that name is attached but it is not valid packet data. */
  data: PacketDataSchema.nullable(),
  register: z.enum(['matches', 'differs', 'not_found']).nullable(),
});
export type EmbeddedDataCheck = z.infer<typeof embeddedDataCheck>;

export const documentCheck = z.object({
  verdict: z.enum(checkVerdicts),
  /** SHA-256 (hex) of the whole file as checked. */
  sha256: z.string(),
  fileBytes: z.number().int(),
  /** Bytes up to the end of the signed range (equal to fileBytes when nothing was appended). */
  signedBytes: z.number().int().nullable(),
  /** Common name of the signing certificate, as the signature carries it. */
  signer: z.string().nullable(),
  /** The signing time the signature dictionary claims (/M), ISO; not a trusted timestamp. */
  signedAt: z.string().nullable(),
  /** Whether the signing certificate is one of this folder's office certificates (null: not asked). */
  ours: z.boolean().nullable(),
  /** The register's document with exactly these bytes. */
  document: registerMatch.nullable(),
  /** When changed after signing: the register's document the signed part (before the change) is. */
  signedRevision: registerMatch.nullable(),
  /** The packet data embedded in the file (null: none, as in consent and withdrawal forms and older packets). */
  embeddedData: embeddedDataCheck.nullable(),
});
export type DocumentCheck = z.infer<typeof documentCheck>;
