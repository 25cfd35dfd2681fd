import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDatabase, sourceMigrationsDir } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { makeDataDir, randomKey, removeDataDir } from './helpers';

/**
 * Migration 0021 (issue 14 point 4): the cases not yet disposed of, in an index that holds what
 * the disposal list reads of them (a case of before is in it; a disposed case is not).
 */

const CASE = '00000000-0000-4000-8000-0000000000c1';
const AT = '2024-01-10T15:00:00.000Z';

let dir: string | null = null;
let open: OpenDatabase | null = null;
afterEach(() => {
  open?.close();
  open = null;
  if (dir) removeDataDir(dir);
  dir = null;
});

/** The migrations up to 0020, in a folder of their own. */
function migrationsBefore(root: string): string {
  const out = join(root, 'migrations-0020');
  cpSync(sourceMigrationsDir, out, { recursive: true });
  const journalFile = join(out, 'meta', '_journal.json');
  const journal: { entries: { tag: string }[] } = JSON.parse(readFileSync(journalFile, 'utf8'));
  const upTo = journal.entries.findIndex((e) => e.tag === '0020_case_disposal');
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo + 1) }));
  return out;
}

describe('migration 0021: the index of cases not yet disposed of', () => {
  it('holds the cases of before, and drops a case once it is disposed of', () => {
    dir = makeDataDir('mig-0021');
    const file = join(dir, 'avrr.db');
    const key = randomKey();
    const before = openEncryptedDatabase(file, key, { migrationsDir: migrationsBefore(dir) });
    const insert = before.sqlite.prepare(`INSERT INTO cases (id, case_number, status, channel, created_at, updated_at, application_date) VALUES (?, ?, 'draft', 'walk_in', ?, ?, '2024-01-09')`);
    insert.run(CASE, 'AVRR-2024-000001', AT, AT);
    insert.run('00000000-0000-4000-8000-0000000000c2', 'AVRR-2024-000002', AT, AT);
    before.close();

    open = openEncryptedDatabase(file, key);
    const s = open.sqlite;
    const listed = () => s.prepare('SELECT case_number FROM cases INDEXED BY cases_retention WHERE disposed_at IS NULL ORDER BY case_number').pluck().all();
    expect(listed()).toEqual(['AVRR-2024-000001', 'AVRR-2024-000002']);
    s.prepare('UPDATE cases SET disposed_at = ? WHERE id = ?').run(AT, CASE);
    expect(listed()).toEqual(['AVRR-2024-000002']);
  });
});
