import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { slotSchema } from '../auth/slot-file';

/**
 * One backup file (`AVRR-<office>-<yyyymmdd>-<hhmmss>.avrrbackup`): the encrypted database exactly
 * as `VACUUM INTO` wrote it, followed by a trailer: a JSON header, its length (4 bytes) and a
 * magic line. The trailer goes at the end so the database is written once, straight into the
 * backup file, and checked there before the trailer is added (at 50,000 cases a second copy of
 * the gigabyte cost 4 s of the 30 the backup may take).
 *
 * The header holds no personal information: counts, the audit head, the database bytes' length
 * and SHA-256 and the key slots of the time (each opens the key only with its owner's password,
 * like the slot file; they are what lets a restore on another computer sign in). The database
 * bytes are SQLCipher pages under the database key: nothing is ever written in plaintext.
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

/** Append the trailer to the database file `file` (its bytes: `header.dbBytes`), fsynced. */
export function appendTrailer(file: string, header: BackupHeader): void {
  const json = Buffer.from(JSON.stringify(backupHeaderSchema.parse(header)), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  const out = openSync(file, 'r+');
  try {
    writeSync(out, Buffer.concat([json, len, BACKUP_MAGIC]), 0, json.length + 4 + BACKUP_MAGIC.length, header.dbBytes);
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
}

/** The header (the database bytes are the file's first `header.dbBytes`). Throws BackupFileError. */
export function readHeader(file: string): { header: BackupHeader } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(BACKUP_MAGIC.length + 4);
    if (size < tail.length || readSync(fd, tail, 0, tail.length, size - tail.length) !== tail.length || !tail.subarray(4).equals(BACKUP_MAGIC)) {
      throw new BackupFileError('not_a_backup', file);
    }
    const length = tail.readUInt32BE(0);
    if (length > MAX_HEADER_BYTES || length > size - tail.length) throw new BackupFileError('not_a_backup', file);
    const json = Buffer.alloc(length);
    readSync(fd, json, 0, length, size - tail.length - length);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw new BackupFileError('not_a_backup', file);
    }
    const header = backupHeaderSchema.safeParse(parsed);
    if (!header.success || header.data.dbBytes !== size - tail.length - length) throw new BackupFileError('not_a_backup', file);
    return { header: header.data };
  } finally {
    closeSync(fd);
  }
}

/** Write the database bytes of the backup to `target` (created, fsynced), checking their hash. */
export function extractDatabase(file: string, target: string): BackupHeader {
  const { header } = readHeader(file);
  const hash = createHash('sha256');
  const out = openSync(target, 'wx', 0o600);
  try {
    copyBytes(file, 0, header.dbBytes, (chunk) => {
      hash.update(chunk);
      writeSync(out, chunk);
    });
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

function copyBytes(file: string, offset: number, length: number, sink: (chunk: Buffer) => void): void {
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
  } finally {
    closeSync(fd);
  }
}
