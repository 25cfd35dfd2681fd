import { z } from 'zod';
import { BACKUP_LIMITS } from '../../../shared/schema/data-safety';
import type { BackupRecord, BackupSettings } from '../../../shared/schema/data-safety';
import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../session/settings-rows';
import { backupCountsSchema } from './container';

/**
 * The backup settings (folder, interval, generations) and the record of the last backups, kept
 * as office settings inside the database (so a restored database says which backups it knew).
 */
export const BACKUP_SETTINGS_KEY = 'backup.settings';
export const BACKUP_HISTORY_KEY = 'backup.history';
/** A backup under way: a record that is still there at the next start was cut short. */
export const BACKUP_RUNNING_KEY = 'backup.running';
export const MAX_BACKUP_HISTORY = 30;

const settingsSchema = z
  .object({
    folder: z.string().min(1).max(1000),
    intervalHours: z.number().int().min(BACKUP_LIMITS.intervalHours.min).max(BACKUP_LIMITS.intervalHours.max),
    generations: z.number().int().min(BACKUP_LIMITS.generations.min).max(BACKUP_LIMITS.generations.max),
  })
  .strict();

const iso = z.iso.datetime({ precision: 3 });
const recordSchema = z
  .object({
    id: z.string().min(1).max(40),
    fileName: z.string().max(200),
    folder: z.string().max(1000),
    trigger: z.enum(['scheduled', 'manual']),
    startedAt: iso,
    finishedAt: iso,
    ok: z.boolean(),
    bytes: z.number().int().min(0).nullable(),
    counts: backupCountsSchema.nullable(),
    auditHead: z.object({ seq: z.number().int().min(1), mac: z.string() }).strict().nullable(),
    verification: z.object({ integrity: z.boolean(), auditChain: z.boolean(), countsMatch: z.boolean() }).strict().nullable(),
    failure: z.string().max(80).nullable(),
    byUsername: z.string().max(256).nullable(),
  })
  .strict();
const runningSchema = z.object({ id: z.string(), folder: z.string(), trigger: z.enum(['scheduled', 'manual']), startedAt: iso, byUsername: z.string().nullable() }).strict();
export type RunningMarker = z.infer<typeof runningSchema>;

export function readBackupSettings(db: Db): BackupSettings | null {
  return readSetting(db, BACKUP_SETTINGS_KEY, settingsSchema) ?? null;
}

export function writeBackupSettings(db: Db, value: BackupSettings): void {
  writeSetting(db, BACKUP_SETTINGS_KEY, settingsSchema.parse(value));
}

/** Newest first. */
export function readBackupHistory(db: Db): BackupRecord[] {
  return readSetting(db, BACKUP_HISTORY_KEY, z.array(recordSchema)) ?? [];
}

export function appendBackupRecord(db: Db, record: BackupRecord): void {
  writeSetting(db, BACKUP_HISTORY_KEY, [recordSchema.parse(record), ...readBackupHistory(db)].slice(0, MAX_BACKUP_HISTORY));
}

export function readRunningMarker(db: Db): RunningMarker | null {
  return readSetting(db, BACKUP_RUNNING_KEY, runningSchema.nullable()) ?? null;
}

export function writeRunningMarker(db: Db, marker: RunningMarker | null): void {
  writeSetting(db, BACKUP_RUNNING_KEY, marker);
}
