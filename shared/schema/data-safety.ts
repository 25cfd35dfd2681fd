import { z } from 'zod';
import type { CaseStatus } from '../case/lifecycle';

/**
 * The data-safety channels' inputs and outputs (shared/ipc/contract.ts `backup.*`, `keys.*`,
 * `retention.*`, `privacy.*`), all the supervisor's:
 *
 * - backups to a chosen folder (scheduled and on demand), verified after writing, generations kept;
 * - restore of a backup into a new data folder, previewed before the app switches to it;
 * - rotation of the database key (also done by the app when an account is disabled or reset);
 * - the retention period, the list of cases past it and their disposal;
 * - a person's information request (everything held about them, PDF and JSON).
 */

/** How often a backup is due, and how many are kept in the folder: limits in one place. */
export const BACKUP_LIMITS = {
  intervalHours: { min: 1, max: 168, default: 24 },
  generations: { min: 1, max: 365, default: 14 },
} as const;

/** Privacy Act: kept at least two years after the last administrative use; the office may keep longer. */
export const RETENTION_LIMITS = { minYears: 2, maxYears: 10, defaultYears: 2 } as const;

/** Cases one disposal may name (a batch is approved with one reason). */
export const MAX_DISPOSAL_BATCH = 500;

const int = (min: number, max: number) =>
  z
    .number({ error: 'validation.invalid' })
    .int({ error: 'validation.invalid' })
    .min(min, { error: 'validation.invalid' })
    .max(max, { error: 'validation.invalid' });

export const backupSettingsInput = z
  .object({
    /** An absolute folder path (a network share's mount or drive letter); created if missing. */
    folder: z.string().trim().min(1, { error: 'validation.required' }).max(1000, { error: 'validation.too_long' }),
    intervalHours: int(BACKUP_LIMITS.intervalHours.min, BACKUP_LIMITS.intervalHours.max),
    generations: int(BACKUP_LIMITS.generations.min, BACKUP_LIMITS.generations.max),
  })
  .strict();
export type BackupSettings = z.infer<typeof backupSettingsInput>;

/** A backup file in the chosen folder, by its name (never a path: nothing outside the folder is touched). */
export const backupFileName = z
  .string()
  .regex(/^AVRR-[A-Za-z0-9-]{1,40}-\d{8}-\d{6}(-\d+)?\.avrrbackup$/, { error: 'validation.backup_file_name' });

export const restorePreviewInput = z
  .object({
    fileName: backupFileName,
    /** The supervisor's password as it was when the backup was made (the backup's own key slots). */
    password: z.string().min(1, { error: 'validation.required' }).max(1024),
  })
  .strict();

export const restoreSwitchInput = z.object({ restoreId: z.string().regex(/^[0-9a-f]{16}$/) }).strict();
export const deleteBackupInput = z.object({ fileName: backupFileName }).strict();

export interface BackupCounts {
  cases: number;
  persons: number;
  documents: number;
  auditEntries: number;
}

export interface AuditHeadView {
  seq: number;
  mac: string;
}

/** What checking a backup found (after writing it, and again before a restore). */
export interface BackupVerification {
  /** PRAGMA integrity_check said "ok". */
  integrity: boolean;
  /** The audit chain verifies from its first entry to its head. */
  auditChain: boolean;
  /** The counts read from the copy equal those read from the database when it was copied. */
  countsMatch: boolean;
}

export interface BackupRecord {
  id: string;
  fileName: string;
  folder: string;
  trigger: 'scheduled' | 'manual';
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  bytes: number | null;
  counts: BackupCounts | null;
  auditHead: AuditHeadView | null;
  verification: BackupVerification | null;
  /** An i18n key (backup.failure.*) when it failed. */
  failure: string | null;
  byUsername: string | null;
}

export type BackupPhase = 'copying' | 'verifying' | 'writing' | 'checking';

export interface BackupProgress {
  phase: BackupPhase;
  /** 0-100 within the whole backup. */
  percent: number;
  startedAt: string;
}

export interface BackupStatus {
  settings: BackupSettings | null;
  running: BackupProgress | null;
  last: BackupRecord | null;
  lastGood: BackupRecord | null;
  /** The last good backup is older than the interval allows (or there is none while a folder is set, or no folder). */
  overdue: boolean;
  /** When the next scheduled backup is due (null: no folder chosen). */
  dueAt: string | null;
  history: BackupRecord[];
  /** Backup files in the folder older than the retention period: listed for deletion. */
  expired: { fileName: string; createdAt: string }[];
}

/** A backup restored into a new folder, not yet in use. */
export interface RestorePreview {
  restoreId: string;
  restoredDir: string;
  fileName: string;
  office: string;
  createdAt: string;
  counts: BackupCounts;
  auditHead: AuditHeadView | null;
  verification: BackupVerification;
  ok: boolean;
}

export interface KeyStatus {
  lastRotatedAt: string | null;
  /** Accounts whose key slot predates rotation support: they must sign in once (or be reset) first. */
  legacyAccounts: string[];
}

export interface KeyRotated {
  rotatedAt: string;
  accounts: number;
  durationMs: number;
}

export const retentionYearsInput = z.object({ years: int(RETENTION_LIMITS.minYears, RETENTION_LIMITS.maxYears) }).strict();

export const disposeCasesInput = z
  .object({
    caseIds: z.array(z.uuid()).min(1, { error: 'validation.none_chosen' }).max(MAX_DISPOSAL_BATCH),
    reason: z.string().trim().min(3, { error: 'validation.reason_min' }).max(500, { error: 'validation.too_long' }),
  })
  .strict();

/** A case past its retention period. */
export interface DisposalCandidate {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  /** The office date of its last administrative use (decision, stage, document, withdrawal, closure). */
  lastUseOn: string;
  /** The first office date on which it may be disposed of (lastUseOn + the retention period). */
  disposableOn: string;
}

export interface RetentionView {
  years: number;
  /** Where the minimum comes from (an i18n key naming the Privacy Act rule). */
  sourceKey: string;
  candidates: DisposalCandidate[];
  disposedCount: number;
}

export interface DisposalResult {
  disposed: string[];
}

export const informationRequestInput = z
  .object({
    caseId: z.uuid(),
    /** The persons the request covers (the requester, and family members it also covers). */
    personIds: z.array(z.uuid()).min(1).max(20),
    lang: z.enum(['en', 'fr']),
  })
  .strict();

export interface InformationRequestExport {
  /** File name without extension; the PDF and the JSON share it. */
  baseName: string;
  pdfBase64: string;
  json: string;
}
