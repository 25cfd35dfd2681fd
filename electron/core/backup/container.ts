import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { slotSchema } from '../auth/slot-file';

/**
 * One backup file (`AVRR-<office>-<yyyymmdd>-<hhmmss>.avrrbackup`): a magic line, the length of
 * a JSON header, the header, then the encrypted database exactly as `VACUUM INTO` wrote it.
 *
 * The header holds no personal information: counts, the audit head, the database bytes' SHA-256
 * and the key slots of the time (each opens the key only with its owner's password, like the
 * slot file; they are what lets a restore on another computer sign in). The database bytes are
 * SQLCipher pages under the database key: at no point is anything written in plaintext.
 */
export const BACKUP_MAGIC = Buffer.from('AVRR-BACKUP-1\n', 'utf8');
export const BACKUP_EXTENSION = '.avrrbackup';
const MAX_HEADER_BYTES = 4 * 1024 * 1024;
const CHUNK = 4 * 1024 * 1024;

const count = z.number().int().min(0);
export const backupCountsSchema = z.object({ cases: count, persons: count, documents: count, auditEntries: count }).strict();
const auditHead = z.object({ seq: z.number().int().min(1), mac: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export const backupHeaderSchema = z
  .object({
    format: z.literal('avrr-backup'),
    version: z.literal(1),
    office: z.string().min(1).max(40),
    createdAt: z.iso.datetime({ precision: 3 }),
    counts: backupCountsSchema,
    auditHead: auditHead.nullable(),
    dbBytes: z.number().int().min(1),
    dbSha256: z.string().regex(/^[0-9a-f]{64}$/),
    keyCheck: z.string().nullable(),
    lastRotatedAt: z.iso.datetime({ precision: 3 }).nullable(),
    slots: z.array(slotSchema).min(1),
  })
  .strict();
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** Not a backup file of this app, or one cut short or altered. */
export class BackupFileError extends Error {
  constructor(readonly reason: 'not_a_backup' | 'truncated' | 'altered', readonly file: string) {
    super(`${file}: ${reason.replace('_', ' ')}`);
    this.name = 'BackupFileError';
  }
}

/** Write header + the database file's bytes into `target` (created, fsynced). Returns the bytes' SHA-256. */
export function writeContainer(target: string, header: Omit<BackupHeader, 'dbSha256'> & { dbSha256: string }, dbFile: string): void {
  const json = Buffer.from(JSON.stringify(backupHeaderSchema.parse(header)), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  const out = openSync(target, 'wx', 0o600);
  try {
    writeSync(out, Buffer.concat([BACKUP_MAGIC, len, json]));
    copyBytes(dbFile, 0, header.dbBytes, (chunk) => writeSync(out, chunk));
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
}

/** The header, and where the database bytes start. Throws BackupFileError. */
export function readHeader(file: string): { header: BackupHeader; offset: number } {
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(BACKUP_MAGIC.length + 4);
    if (readSync(fd, start, 0, start.length, 0) !== start.length || !start.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
      throw new BackupFileError('not_a_backup', file);
    }
    const length = start.readUInt32BE(BACKUP_MAGIC.length);
    if (length > MAX_HEADER_BYTES) throw new BackupFileError('not_a_backup', file);
    const json = Buffer.alloc(length);
    if (readSync(fd, json, 0, length, start.length) !== length) throw new BackupFileError('truncated', file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw new BackupFileError('not_a_backup', file);
    }
    const header = backupHeaderSchema.safeParse(parsed);
    if (!header.success) throw new BackupFileError('not_a_backup', file);
    return { header: header.data, offset: start.length + length };
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 of the database bytes inside the backup (checks they are all there and unaltered). */
export function hashContainedDatabase(file: string): { header: BackupHeader; sha256: string } {
  const { header, offset } = readHeader(file);
  const hash = createHash('sha256');
  copyBytes(file, offset, header.dbBytes, (chunk) => hash.update(chunk), true);
  return { header, sha256: hash.digest('hex') };
}

/** Write the database bytes of the backup to `target` (created, fsynced), checking their hash. */
export function extractDatabase(file: string, target: string): BackupHeader {
  const { header, offset } = readHeader(file);
  const hash = createHash('sha256');
  const out = openSync(target, 'wx', 0o600);
  try {
    copyBytes(file, offset, header.dbBytes, (chunk) => {
      hash.update(chunk);
      writeSync(out, chunk);
    }, true);
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
  if (hash.digest('hex') !== header.dbSha256) throw new BackupFileError('altered', file);
  return header;
}

export function sha256OfFile(file: string, bytes: number): string {
  const hash = createHash('sha256');
  copyBytes(file, 0, bytes, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

function copyBytes(file: string, offset: number, length: number, sink: (chunk: Buffer) => void, inBackup = false): void {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, length - done), offset + done);
      if (n === 0) throw new BackupFileError('truncated', file);
      sink(buf.subarray(0, n));
      done += n;
    }
    if (inBackup && readSync(fd, Buffer.alloc(1), 0, 1, offset + done) !== 0) throw new BackupFileError('altered', file);
  } finally {
    closeSync(fd);
  }
}
