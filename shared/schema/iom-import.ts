import { z } from 'zod';

/**
 * The IOM status file import (docs/iom-exchange.md): the file's limits and vocabulary, the
 * channels' inputs and what the preview and the apply answer. Every reason is an i18n key.
 */

/** The largest file accepted, in bytes (the decoded file, before any parsing). */
export const IOM_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The most data rows one file may carry. */
export const IOM_IMPORT_MAX_ROWS = 20_000;
/** The header row, exactly. */
export const iomColumns = ['packet_number', 'iom_reference', 'stage', 'date', 'details'] as const;

/** The stages IOM's file may report (departure is confirmed by a CBSA officer, never by the file). */
export const iomStages = [
  'acknowledged',
  'counselling_done',
  'travel_document_not_needed',
  'travel_document_requested',
  'travel_document_issued',
  'travel_document_refused',
  'flight_booked',
  'arrived',
  'reintegration_plan_agreed',
  'assistance',
  'follow_up',
  'closed',
  'declined',
] as const;
export type IomStage = (typeof iomStages)[number];

// Base64 of at most a little more than the cap: a larger file reaches the service and gets its
// own clear message (too large) as long as it is under this hard limit of the channel.
const contentBase64 = z
  .string({ error: 'validation.required' })
  .max(Math.ceil((IOM_IMPORT_MAX_BYTES * 4) / 3) * 4, { error: 'iomImport.file.too_large' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'iomImport.file.not_base64' });

export const previewImportInput = z
  .object({
    fileName: z.string().trim().min(1, { error: 'validation.required' }).max(260, { error: 'validation.too_long' }),
    contentBase64,
  })
  .strict();
export type PreviewImportInput = z.infer<typeof previewImportInput>;

export const applyImportInput = z
  .object({
    contentBase64,
    /** The data rows (1 = the first row after the header) the officer confirmed. */
    rowNumbers: z.array(z.number().int().min(1).max(IOM_IMPORT_MAX_ROWS)).max(IOM_IMPORT_MAX_ROWS),
  })
  .strict();
export type ApplyImportInput = z.infer<typeof applyImportInput>;

export const importClasses = ['new', 'known', 'conflicting', 'invalid'] as const;
export type ImportClass = (typeof importClasses)[number];

export const conflictKinds = ['unknown_packet', 'packet_superseded', 'case_withdrawn', 'reference_mismatch', 'date_before_previous', 'stage_order'] as const;
export type ConflictKind = (typeof conflictKinds)[number];

export interface ImportReason {
  /** i18n key (iomImport.*, or the shared validation.* key of a stage's own check). */
  key: string;
  params?: Record<string, string | number>;
}

/** One data row of the file, classified. */
export interface ImportRow {
  /** 1 = the first row after the header. */
  row: number;
  packetNumber: string;
  caseId: string | null;
  caseNumber: string | null;
  stage: string;
  date: string;
  class: ImportClass;
  conflict: ConflictKind | null;
  reason: ImportReason | null;
}

export type ImportCounts = Record<ImportClass, number>;

export interface ImportPreview {
  fileName: string;
  rows: ImportRow[];
  counts: ImportCounts;
}

export interface ImportApplied {
  /** Every row as classified inside the apply's transaction; `applied` says whether it was written. */
  rows: (ImportRow & { applied: boolean })[];
  applied: number;
  /** Confirmed rows that were no longer new (applied already, or now conflicting). */
  notApplied: number;
}
