import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCounts, BackupPhase, BackupVerification } from '../../../shared/schema/data-safety';
import type { BackupSlots } from '../auth/key-slots';
import type { AuditHead } from '../audit/verify';
import { backupEncrypted } from '../db/open';
import type { Sqlite } from '../db/open';
import { isDiskFull } from '../disk-full';
import { fsyncPath } from '../durable-file';
import { checkDatabaseCopy, countRows } from './check';
import { readAuditHead } from '../audit/head';
import { BACKUP_EXTENSION, appendTrailer, readHeader, sha256OfFile } from './container';

/**
 * Write one backup into `folder` and check it. The order keeps the last good backup safe:
 *  1. `VACUUM INTO` a hidden partial file in the folder (encrypted with the database key);
 *  2. open it with the key: integrity_check, audit chain, counts against the live ones;
 *  3. its SHA-256, then the trailer (container.ts) appended and fsynced, and read back;
 *  4. only then rename it to its final name (atomic) and drop the oldest beyond `generations`.
 * A crash, a full disk or a failed check leaves at most a hidden partial file (removed by the
 * next backup) and never touches an earlier backup.
 */
export const PARTIAL_PREFIX = '.avrr-partial-';

export type BackupFailure = 'disk_full' | 'folder_unavailable' | 'verification_failed' | 'interrupted' | 'key_rotation_pending' | 'internal';

export class BackupFailedError extends Error {
  constructor(readonly failure: BackupFailure, cause?: unknown) {
    super(`backup failed: ${failure}`, { cause });
    this.name = 'BackupFailedError';
  }
}

export interface WrittenBackup {
  fileName: string;
  bytes: number;
  counts: BackupCounts;
  auditHead: AuditHead | null;
  verification: BackupVerification;
}

export interface BackupJob {
  sqlite: Sqlite;
  key: Buffer;
  slots: () => BackupSlots;
  folder: string;
  office: string;
  generations: number;
  now: Date;
  /** Told of each phase; the job yields after it, so other calls (and progress reads) are served. */
  onPhase?: (phase: BackupPhase, percent: number) => void;
}

export function backupFileName(office: string, at: Date, folder: string): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `AVRR-${office}-${stamp}`;
  let name = `${base}${BACKUP_EXTENSION}`;
  for (let i = 2; existsSync(join(folder, name)); i++) name = `${base}-${i}${BACKUP_EXTENSION}`;
  return name;
}

export async function writeBackup(job: BackupJob): Promise<WrittenBackup> {
  const phase = async (p: BackupPhase, percent: number) => {
    job.onPhase?.(p, percent);
    await new Promise((resolve) => setImmediate(resolve));
  };
  try {
    mkdirSync(job.folder, { recursive: true, mode: 0o700 });
    removePartials(job.folder);
  } catch (e) {
    throw new BackupFailedError(isDiskFull(e) ? 'disk_full' : 'folder_unavailable', e);
  }
  const id = randomBytes(6).toString('hex');
  const partial = join(job.folder, `${PARTIAL_PREFIX}${id}${BACKUP_EXTENSION}`);
  try {
    // Read in the same synchronous step as the copy (no yield before it): nothing is written in
    // between, and the connection cannot be closed (a sign-out, a rotation) under it.
    job.onPhase?.('copying', 5);
    const counts = countRows(job.sqlite);
    const auditHead = readAuditHead(job.sqlite) ?? null;
    const slots = job.slots();
    backupEncrypted(job.sqlite, partial);
    await phase('verifying', 40);
    const checked = checkDatabaseCopy(partial, job.key, { counts, auditHead });
    const verification = { integrity: checked.integrity, auditChain: checked.auditChain, countsMatch: checked.countsMatch };
    if (!verification.integrity || !verification.auditChain || !verification.countsMatch) throw new BackupFailedError('verification_failed');
    await phase('writing', 85);
    const dbBytes = statSync(partial).size;
    const dbSha256 = sha256OfFile(partial, dbBytes);
    const header = { format: 'avrr-backup' as const, version: 1 as const, office: job.office, createdAt: job.now.toISOString(), counts, auditHead, dbBytes, dbSha256, ...slots };
    appendTrailer(partial, header);
    await phase('checking', 95);
    if (readHeader(partial).header.dbSha256 !== dbSha256) throw new BackupFailedError('verification_failed');
    const fileName = backupFileName(job.office, job.now, job.folder);
    renameSync(partial, join(job.folder, fileName));
    fsyncPath(job.folder);
    pruneGenerations(job.folder, job.office, job.generations);
    return { fileName, bytes: statSync(join(job.folder, fileName)).size, counts, auditHead, verification };
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof BackupFailedError) throw e;
    throw new BackupFailedError(isDiskFull(e) ? 'disk_full' : existsSync(job.folder) ? 'internal' : 'folder_unavailable', e);
  }
}

/** The backups of this office in the folder, newest first (by the time in their names). */
export function listBackups(folder: string, office?: string): { fileName: string; createdAt: string }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: { fileName: string; createdAt: string }[] = [];
  for (const name of names) {
    const m = /^AVRR-([A-Za-z0-9-]+?)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(-\d+)?\.avrrbackup$/.exec(name);
    if (!m || (office !== undefined && m[1] !== office)) continue;
    out.push({ fileName: name, createdAt: `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}.000Z` });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** Hidden partial files a killed or failed backup left. */
export function removePartials(folder: string): void {
  for (const name of readdirSync(folder)) if (name.startsWith(PARTIAL_PREFIX)) rmSync(join(folder, name), { force: true });
}

function pruneGenerations(folder: string, office: string, generations: number): void {
  for (const old of listBackups(folder, office).slice(generations)) rmSync(join(folder, old.fileName), { force: true });
}
