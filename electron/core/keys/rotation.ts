import { randomBytes } from 'node:crypto';
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DB_KEY_BYTES, DatabaseKeyError, openEncryptedDatabase, rekeyClosedFile } from '../db/open';
import type { OpenDatabase } from '../db/open';
import { fsyncPath } from '../durable-file';
import { pinDerivedKeys } from './derived-keys';

/**
 * Rotation of the database key: a new random key, the file re-encrypted under it, every
 * account's slot re-sealed, and the old key (so every older copy of the slot file) no longer
 * opening the current database. docs/data-safety.md explains the design and its limits.
 *
 * Crash safety: the live file is never re-encrypted in place. The steps, each atomic:
 *  1. a copy of the checkpointed file is re-keyed beside it (`avrr.db.rotating`): a crash
 *     leaves a stray copy, deleted at the next sign-in;
 *  2. the slot file gets the new key sealed to every account beside the current one;
 *  3. the copy is renamed over the database (the commit point);
 *  4. the slot file keeps only the new key.
 * After a crash between 2 and 4 each account's slot opens both keys and the next sign-in
 * (openUnlocked below) uses whichever the file is in, then finishes or forgets the rotation.
 */
export const ROTATING_SUFFIX = '.rotating';

/** The slot-file side of a rotation (electron/core/auth/key-slots.ts through the vault). */
export interface RotationSlots {
  beginRotation(currentKey: Buffer, newKey: Buffer, now: Date): void;
  finishRotation(newKey: Buffer, now: Date): void;
  abandonRotation(): void;
}

export interface RotationHooks {
  /** Test seam: called after each step's name, so a crash test can stop at known places. */
  afterStep?(step: 'copied' | 'rekeyed' | 'slots_sealed' | 'renamed' | 'finished'): void;
}

/**
 * Rotate the key of the database open in `open` (which this closes). Returns the database
 * reopened under the new key, and the new key. On a failure before the commit point nothing
 * changed; after it, the database is reopened under the new key.
 */
export function rotateDatabaseKey(
  open: OpenDatabase,
  dbFile: string,
  currentKey: Buffer,
  slots: RotationSlots,
  now: () => Date,
  opts: { migrationsDir?: string } & RotationHooks = {},
): { open: OpenDatabase; key: Buffer } {
  const newKey = randomBytes(DB_KEY_BYTES);
  const copy = dbFile + ROTATING_SUFFIX;
  // The audit and certificate keys stay what they are (derived-keys.ts): pinned first.
  open.sqlite.transaction(() => pinDerivedKeys(open.db, currentKey)).immediate();
  // A copy left by a rotation that was killed, with its hot journal, would be replayed onto the new copy.
  removeCopy(copy);
  const checkpoint = open.sqlite.pragma('wal_checkpoint(TRUNCATE)', { simple: false });
  if (!checkpointComplete(checkpoint)) throw new Error('the database is busy (another process is reading it); try again');
  try {
    copyFileSync(dbFile, copy);
    opts.afterStep?.('copied');
    rekeyClosedFile(copy, currentKey, newKey);
    fsyncPath(copy);
    opts.afterStep?.('rekeyed');
    slots.beginRotation(currentKey, newKey, now());
    opts.afterStep?.('slots_sealed');
  } catch (e) {
    removeCopy(copy);
    slots.abandonRotation();
    throw e;
  }
  open.close();
  renameSync(copy, dbFile);
  fsyncPath(dirname(dbFile));
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  opts.afterStep?.('renamed');
  const reopened = openEncryptedDatabase(dbFile, newKey, opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {});
  slots.finishRotation(newKey, now());
  opts.afterStep?.('finished');
  return { open: reopened, key: newKey };
}

/**
 * Open the database with what a sign-in unlocked: its key, or the new key of a rotation the
 * app did not finish. Finishes (the file is in the new key) or forgets (it is not) that
 * rotation, and removes a stray re-keyed copy.
 */
export function openUnlocked(
  dbFile: string,
  unlocked: { dbKey: Buffer; pendingKey?: Buffer | undefined },
  slots: RotationSlots,
  now: () => Date,
  opts: { migrationsDir?: string; readonly?: boolean } = {},
): { open: OpenDatabase; key: Buffer } {
  const clean = () => {
    if (!opts.readonly) removeCopy(dbFile + ROTATING_SUFFIX);
  };
  if (!unlocked.pendingKey) {
    const open = openEncryptedDatabase(dbFile, unlocked.dbKey, opts);
    clean();
    return { open, key: unlocked.dbKey };
  }
  try {
    const open = openEncryptedDatabase(dbFile, unlocked.pendingKey, opts);
    if (!opts.readonly) slots.finishRotation(unlocked.pendingKey, now());
    clean();
    return { open, key: unlocked.pendingKey };
  } catch (e) {
    if (!(e instanceof DatabaseKeyError)) throw e;
  }
  const open = openEncryptedDatabase(dbFile, unlocked.dbKey, opts);
  if (!opts.readonly) slots.abandonRotation();
  clean();
  return { open, key: unlocked.dbKey };
}

/** The re-keyed copy and whatever SQLite left beside it (a hot journal of an interrupted re-key). */
function removeCopy(copy: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
}

function checkpointComplete(rows: unknown): boolean {
  if (!Array.isArray(rows)) return false;
  const first: unknown = rows[0];
  return typeof first === 'object' && first !== null && 'busy' in first && first.busy === 0;
}
