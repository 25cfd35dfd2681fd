import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '../../../electron/core/cases/service';
import { backupEncrypted, DatabaseKeyError, openEncryptedDatabase } from '../../../electron/core/db/open';
import { generateDemoFamilies, insertDemoFamilies } from '../../../electron/core/demo';
import { findPlaintext, makeDataDir, randomKey, removeDataDir } from './helpers';

/** A backup is only useful if it restores, and only safe if it is as unreadable as the original. */
describe('backupEncrypted', () => {
  const key = randomKey();
  const families = generateDemoFamilies(200, 99);
  let dir = '';
  let backupDir = '';
  let backupFile = '';

  beforeAll(() => {
    dir = makeDataDir('backup-src');
    backupDir = makeDataDir('backup-dst');
    backupFile = join(backupDir, 'avrr-backup.db');
    const open = openEncryptedDatabase(join(dir, 'avrr.db'), key);
    try {
      insertDemoFamilies(open, families, new Date());
      // Taken while the source is open and its latest writes are still in the WAL.
      backupEncrypted(open.sqlite, backupFile);
    } finally {
      open.close();
    }
  });

  afterAll(() => {
    removeDataDir(dir);
    removeDataDir(backupDir);
  });

  it('opens with the same key and holds every case and person', () => {
    const restored = openEncryptedDatabase(backupFile, key);
    try {
      expect(listCases(restored.sqlite, { limit: 1, offset: 0 }).total).toBe(families.length);
      expect(restored.sqlite.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(families.reduce((n, f) => n + f.persons.length, 0));
      const someone = families[17]?.persons[0];
      const hits = listCases(restored.sqlite, { query: someone?.nameLatin ?? '', limit: 100, offset: 0 }).items;
      expect(hits.map((h) => h.principalNameAsWritten)).toContain(someone?.nameAsWritten);
      expect(restored.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      restored.close();
    }
  });

  it('is not plaintext: no SQLite header and no name in its bytes', () => {
    expect(readFileSync(backupFile).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const names = families.flatMap((f) => f.persons.flatMap((p) => [p.nameAsWritten, p.nameLatin]));
    expect(findPlaintext(backupDir, names)).toEqual([]);
  });

  it('does not open with another key', () => {
    expect(() => openEncryptedDatabase(backupFile, randomKey())).toThrow(DatabaseKeyError);
  });
});
