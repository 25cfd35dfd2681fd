import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCounts, BackupVerification } from '../../../shared/schema/data-safety';
import { KEY_SLOTS_FILE } from '../access-services';
import { AUDIT_ANCHOR_FILE, writeAnchorFile } from '../audit/anchor-file';
import type { AuditHead } from '../audit/verify';
import { KeySlotStore } from '../auth/key-slots';
import type { KeySlotStoreOptions } from '../auth/key-slots';
import { emptySlotFile, writeSlotFile } from '../auth/slot-file';
import { DATA_FOLDER_MODE, protectDataFolder } from '../data-folder';
import { openEncryptedDatabase } from '../db/open';
import type { SecretSealer } from '../keys/sealer';
import { DB_FILE_NAME } from '../session/manager';
import { checkDatabaseCopy } from './check';
import { writeRunningMarker } from './records';
import { extractDatabase, readHeader } from './container';

/**
 * Restore a backup file into a NEW data folder (never over an existing one): the key slots of
 * the backup's time (sealed for this computer), the database bytes (hash checked), then the
 * database opened with the key the person's password opens there, brought up to this version's
 * schema, and checked (integrity, audit chain up to the backup's head, counts). The audit anchor
 * is set to the backup's head. What it finds is returned; the app switches to the folder only
 * if the person then asks (and only if the check passed).
 */
export interface RestoredBackup {
  office: string;
  createdAt: string;
  counts: BackupCounts;
  auditHead: AuditHead | null;
  verification: BackupVerification;
  ok: boolean;
}

export class RestoreRefusedError extends Error {
  constructor(readonly reason: 'target_not_empty' | 'sign_in_failed' | 'not_a_backup' | 'altered') {
    super(`restore refused: ${reason}`);
    this.name = 'RestoreRefusedError';
  }
}

export interface RestoreJob {
  file: string;
  targetDir: string;
  username: string;
  password: string;
  sealer: SecretSealer;
  keySlots?: KeySlotStoreOptions;
  migrationsDir?: string;
}

export async function restoreBackup(job: RestoreJob): Promise<RestoredBackup> {
  if (existsSync(job.targetDir) && readdirSync(job.targetDir).length > 0) throw new RestoreRefusedError('target_not_empty');
  let header;
  try {
    header = readHeader(job.file).header;
  } catch {
    throw new RestoreRefusedError('not_a_backup');
  }
  mkdirSync(job.targetDir, { recursive: true, mode: DATA_FOLDER_MODE });
  try {
    const slotFile = join(job.targetDir, KEY_SLOTS_FILE);
    writeSlotFile(slotFile, job.sealer, { ...emptySlotFile(), keyCheck: header.keyCheck, lastRotatedAt: header.lastRotatedAt, slots: header.slots, auditHead: header.auditHead });
    const store = KeySlotStore.open(slotFile, job.sealer, job.keySlots);
    const unlocked = await store.unlock(job.username, job.password);
    if (!unlocked.ok) throw new RestoreRefusedError('sign_in_failed');
    const dbFile = join(job.targetDir, DB_FILE_NAME);
    try {
      extractDatabase(job.file, dbFile);
    } catch {
      throw new RestoreRefusedError('altered');
    }
    const checked = checkDatabaseCopy(dbFile, unlocked.dbKey, { counts: header.counts, auditHead: header.auditHead });
    // Up to this version's schema (a backup made by an older version), then the anchor. The
    // backup that made this copy was under way when it was taken (its "running" mark is in the
    // copy): it finished, since its file exists, so the mark goes rather than read as interrupted.
    const migrated = openEncryptedDatabase(dbFile, unlocked.dbKey, job.migrationsDir ? { migrationsDir: job.migrationsDir } : {});
    try {
      migrated.sqlite.transaction(() => writeRunningMarker(migrated.db, null)).immediate();
    } finally {
      migrated.close();
    }
    unlocked.dbKey.fill(0);
    if (header.auditHead) writeAnchorFile(join(job.targetDir, AUDIT_ANCHOR_FILE), header.auditHead);
    // The failed attempts of the sign-in above are not the restored office's: a clean slot file.
    writeSlotFile(slotFile, job.sealer, { ...emptySlotFile(), keyCheck: header.keyCheck, lastRotatedAt: header.lastRotatedAt, slots: header.slots, auditHead: header.auditHead });
    protectDataFolder(job.targetDir);
    const verification = { integrity: checked.integrity, auditChain: checked.auditChain, countsMatch: checked.countsMatch };
    return { office: header.office, createdAt: header.createdAt, counts: checked.counts, auditHead: checked.auditHead, verification, ok: verification.integrity && verification.auditChain && verification.countsMatch };
  } catch (e) {
    rmSync(job.targetDir, { recursive: true, force: true });
    throw e;
  }
}
