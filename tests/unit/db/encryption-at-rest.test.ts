import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, listCases } from '../../../electron/core/cases/service';
import { foldForSearch } from '../../../electron/core/cases/search-text';
import { DatabaseKeyError, openEncryptedDatabase, openPlainDatabaseForComparison } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { generateDemoFamilies, insertDemoFamilies } from '../../../electron/core/demo';
import { openDemoDataFolder } from '../../../electron/core/demo/data-folder';
import { findPlaintext, folderHashes, makeDataDir, randomKey, removeDataDir, runTs } from './helpers';

const CASES = 300;
const SEED = 20240611;
const CANARY = 'CANARY-Zoë-Ωmega-7f3a';

/**
 * Protected B at rest: a data folder filled by `npm run demo-data` plus one hand-made case must
 * not show any name to someone who copies the folder, neither while the app has it open (WAL
 * and shared-memory files present) nor after it closed.
 */
describe('encryption at rest', () => {
  let dir = '';
  let dbFile = '';
  let open: OpenDatabase | undefined;
  let needles: string[] = [];
  const DEMO_PASSWORD = 'at-rest test passphrase 2026';

  beforeAll(async () => {
    dir = makeDataDir('at-rest');
    dbFile = join(dir, 'avrr.db');
    const r = runTs('scripts/demo-data.ts', ['--data-dir', dir, '--cases', String(CASES), '--seed', String(SEED), '--password', DEMO_PASSWORD]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cases: CASES });

    // The same seed gives the same families: these are the names now in the database.
    const persons = generateDemoFamilies(CASES, SEED).flatMap((f) => f.persons);
    needles = [CANARY, foldForSearch(CANARY), ...new Set(persons.flatMap((p) => [p.nameAsWritten, p.nameLatin, foldForSearch(`${p.nameAsWritten} ${p.nameLatin}`)]))];

    // The key comes only from the demo supervisor's key slot, as in the app; the password is a needle too.
    needles.push(DEMO_PASSWORD);
    open = (await openDemoDataFolder(dir, { username: 'demo.supervisor', displayName: 'AVRR Demonstration', password: DEMO_PASSWORD })).open;
    const db = open;
    db.sqlite.transaction(() =>
      createCase(db, { channel: 'walk_in', principal: { nameAsWritten: CANARY, nameLatin: CANARY, dateOfBirth: '1990-05-17', nationality: 'HUN' } }, null, new Date()),
    )();
  });

  afterAll(() => {
    open?.close();
    removeDataDir(dir);
  });

  it('holds the data: the demo cases and the canary are readable with the key', () => {
    expect(open).toBeDefined();
    if (!open) return;
    expect(listCases(open.sqlite, { limit: 1, offset: 0 }).total).toBe(CASES + 1);
    expect(listCases(open.sqlite, { query: 'canary-zoe', limit: 5, offset: 0 }).items[0]?.principalNameAsWritten).toBe(CANARY);
  });

  it('shows no name in any file while the database is open (WAL and shm present)', () => {
    expect(statSync(`${dbFile}-wal`).size).toBeGreaterThan(0);
    expect(existsSync(`${dbFile}-shm`)).toBe(true);
    expect(findPlaintext(dir, needles)).toEqual([]);
  });

  it('shows no name in any file after close, and the file has no SQLite header', () => {
    open?.close();
    open = undefined;
    expect(findPlaintext(dir, needles)).toEqual([]);
    expect(readFileSync(dbFile).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('cannot be read without the key, and trying changes nothing', () => {
    const before = folderHashes(dir);
    const plain = new Database(dbFile);
    try {
      expect(() => plain.prepare('SELECT count(*) FROM persons').get()).toThrow(/not a database/);
    } finally {
      plain.close();
    }
    expect(() => openEncryptedDatabase(dbFile, Buffer.alloc(0))).toThrow(DatabaseKeyError);
    expect(folderHashes(dir)).toEqual(before);
  });

  it('refuses a wrong key with a clear DatabaseKeyError, and changes nothing', () => {
    const before = folderHashes(dir);
    let error: unknown;
    try {
      openEncryptedDatabase(dbFile, randomKey()).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseKeyError);
    expect(error instanceof Error ? error.message : '').toMatch(/key is wrong/);
    expect(folderHashes(dir)).toEqual(before);
  });

  it('would catch a leak: the same search finds the names in an unencrypted database', () => {
    const plainDir = makeDataDir('at-rest-control');
    const plain = openPlainDatabaseForComparison(join(plainDir, 'plain.db'));
    try {
      insertDemoFamilies(plain, generateDemoFamilies(20, SEED), new Date());
      expect(findPlaintext(plainDir, needles).length).toBeGreaterThan(20);
    } finally {
      plain.close();
      removeDataDir(plainDir);
    }
  });
});
