import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  sqlite: Sqlite;
  db: Db;
  close(): void;
}

/** The key is wrong, missing, or the file is not an AVRR database. */
export class DatabaseKeyError extends Error {
  constructor(readonly file: string, cause?: unknown) {
    super(`Cannot open ${file}: the database key is wrong or the file is not an encrypted AVRR database.`, { cause });
    this.name = 'DatabaseKeyError';
  }
}

export const DB_KEY_BYTES = 32;

/** Where the migration files live when running from source (tests, harness, CLI scripts). */
export const sourceMigrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Open (or create) the encrypted database and bring its schema up to date.
 *
 * SQLCipher format with a raw 256-bit key (no passphrase KDF: the key is already random).
 * WAL + synchronous=FULL so a committed transaction survives a crash or power cut;
 * memory_security wipes freed memory that held decrypted pages.
 */
export function openEncryptedDatabase(
  file: string,
  key: Buffer,
  opts: { migrationsDir?: string; readonly?: boolean } = {},
): OpenDatabase {
  if (key.length !== DB_KEY_BYTES) throw new DatabaseKeyError(file, new Error('key must be 32 bytes'));
  const sqlite = new Database(file, { readonly: opts.readonly ?? false });
  try {
    applyKey(sqlite, key);
    // A wrong key surfaces here as SQLITE_NOTADB, before anything is written.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    sqlite.close();
    throw new DatabaseKeyError(file, e);
  }
  return configure(sqlite, opts);
}

/**
 * BENCHMARKS ONLY: the same database, settings and migrations without encryption, so the cost
 * of encryption can be measured side by side. The app never calls this.
 */
export function openPlainDatabaseForComparison(file: string, opts: { migrationsDir?: string } = {}): OpenDatabase {
  return configure(new Database(file), opts);
}

function configure(sqlite: Sqlite, opts: { migrationsDir?: string; readonly?: boolean }): OpenDatabase {
  // A read-only open leaves the file's journal mode as it is (a backup copy is not in WAL mode).
  if (!opts.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('memory_security = 1');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache (better-sqlite3's build default is 16 MB): a page stays decrypted while it
  // is cached, and search as you type over 100,000 persons rereads the same index pages on every
  // keystroke; with 16 MB the encrypted searches ran up to twice as long as plain ones, with 64 MB
  // they run as fast (tests/bench/cases-list.bench.ts). Only pages read are held.
  sqlite.pragma('cache_size = -65536');
  const db = drizzle(sqlite, { schema });
  if (!opts.readonly) {
    migrate(db, { migrationsFolder: opts.migrationsDir ?? sourceMigrationsDir });
    // Keeps the query planner's statistics current (cheap: it only analyzes what needs it).
    sqlite.pragma('optimize');
  }
  return { sqlite, db, close: () => sqlite.close() };
}

function applyKey(sqlite: Sqlite, key: Buffer): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  // x'…' = raw key: the bytes are the page key, no PBKDF2 over a passphrase.
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Copy the open database to `target`, encrypted with the same key (the backup API would not keep the encryption). */
export function backupEncrypted(sqlite: Sqlite, target: string): void {
  sqlite.prepare('VACUUM INTO ?').run(target);
}

/**
 * Re-encrypt a database file that nothing else has open under a new key: a DISPOSABLE copy (the
 * rotation's), since the rollback journal is kept in memory and not synced: a crash leaves a
 * broken copy, which is thrown away, never the database. That halves the time (3.1 s instead of
 * 5.2 s for 300 MB with a journal on disk). SQLite3 Multiple Ciphers rekeys only outside WAL
 * mode; the next openEncryptedDatabase turns WAL back on. The caller fsyncs the file.
 */
export function rekeyClosedFile(file: string, currentKey: Buffer, newKey: Buffer): void {
  if (newKey.length !== DB_KEY_BYTES) throw new DatabaseKeyError(file, new Error('key must be 32 bytes'));
  const sqlite = new Database(file);
  try {
    applyKey(sqlite, currentKey);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.pragma('journal_mode = MEMORY');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  } finally {
    sqlite.close();
  }
}
