import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDatabase, sourceMigrationsDir } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { makeDataDir, randomKey, removeDataDir } from './helpers';

/**
 * Migration 0020 (issue 14 point 4): a case can be marked disposed of (when, by whom, why), and
 * the stage history, otherwise never edited, accepts the disposal's reduction of its texts only
 * once the case is marked, and never a change of its dates, statuses or order.
 */

const USER = '00000000-0000-4000-8000-000000000001';
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

/** The migrations up to 0019, in a folder of their own. */
function migrationsBefore(root: string): string {
  const out = join(root, 'migrations-0019');
  cpSync(sourceMigrationsDir, out, { recursive: true });
  const journalFile = join(out, 'meta', '_journal.json');
  const journal: { entries: { tag: string }[] } = JSON.parse(readFileSync(journalFile, 'utf8'));
  const upTo = journal.entries.findIndex((e) => e.tag === '0019_case_list_indexes');
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo + 1) }));
  return out;
}

describe('migration 0020: case disposal', () => {
  it('keeps the cases of before, not disposed of, and lets only a disposed case have its stage texts reduced', () => {
    dir = makeDataDir('mig-0020');
    const file = join(dir, 'avrr.db');
    const key = randomKey();
    const before = openEncryptedDatabase(file, key, { migrationsDir: migrationsBefore(dir) });
    before.sqlite
      .prepare(`INSERT INTO cases (id, case_number, status, channel, created_at, updated_at, application_date) VALUES (?, 'AVRR-2024-000001', 'counselled', 'walk_in', ?, ?, '2024-01-09')`)
      .run(CASE, AT, AT);
    before.sqlite
      .prepare(
        `INSERT INTO case_stages (id, case_id, seq, action, occurred_on, source, details, status_before, status_after, recorded_at, recorded_by) VALUES ('s1', ?, 1, 'acknowledge', '2024-01-10', 'iom_email', '{"action":"acknowledge","iomReference":"IOM-77"}', 'referred', 'acknowledged', ?, ?)`,
      )
      .run(CASE, AT, USER);
    before.close();

    open = openEncryptedDatabase(file, key);
    const s = open.sqlite;
    expect(s.prepare('SELECT disposed_at, disposed_by, disposal_reason FROM cases').get()).toEqual({ disposed_at: null, disposed_by: null, disposal_reason: null });
    const reduce = s.prepare(`UPDATE case_stages SET details = '{"action":"acknowledge","iomReference":"[disposed]"}' WHERE id = 's1'`);
    expect(() => reduce.run()).toThrow(/append-only/);

    s.prepare(`UPDATE cases SET disposed_at = ?, disposed_by = ?, disposal_reason = 'Retention period over' WHERE id = ?`).run(AT, USER, CASE);
    reduce.run();
    expect(s.prepare(`SELECT json_extract(details, '$.iomReference') FROM case_stages`).pluck().get()).toBe('[disposed]');
    // Dates, statuses and order stay as recorded, even for a disposed case.
    expect(() => s.prepare(`UPDATE case_stages SET occurred_on = '2020-01-01' WHERE id = 's1'`).run()).toThrow(/append-only/);
    expect(() => s.prepare(`UPDATE case_stages SET status_after = 'closed' WHERE id = 's1'`).run()).toThrow(/append-only/);
    // The last-use indexes are there.
    const indexes = s.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('decisions_case_use', 'case_stages_case_recorded') ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['case_stages_case_recorded', 'decisions_case_use']);
  });
});
