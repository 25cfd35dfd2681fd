import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../electron/core/cases/service';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { generateDemoFamilies, insertDemoFamilies } from '../../../electron/core/demo';
import { makeDataDir, randomKey, removeDataDir } from '../db/helpers';

const principal = { nameAsWritten: 'Kovács Zoltán', nameLatin: 'Kovács Zoltán', dateOfBirth: '1980-01-01', nationality: 'HUN' };

describe('case numbers carry the office’s year', () => {
  let dir = '';
  let open: OpenDatabase | undefined;
  afterEach(() => {
    open?.close();
    open = undefined;
    removeDataDir(dir);
  });

  it('a case made at 22:30 on 31 December in Mississauga (03:30 UTC on 1 January) is numbered in the old year', () => {
    dir = makeDataDir('case-year');
    const o = (open = openEncryptedDatabase(join(dir, 'avrr.db'), randomKey()));
    const late = o.sqlite.transaction(() => createCase(o, { channel: 'walk_in', principal }, null, new Date('2027-01-01T03:30:00Z')))();
    expect(late.caseNumber).toBe('AVRR-2026-000001');
    const afterMidnight = o.sqlite.transaction(() => createCase(o, { channel: 'walk_in', principal }, null, new Date('2027-01-01T05:00:00Z')))();
    expect(afterMidnight.caseNumber).toBe('AVRR-2027-000001');
    const row = o.sqlite.prepare('SELECT application_date AS d FROM cases WHERE id = ?').get(late.id) as { d: string };
    expect(row.d).toBe('2026-12-31');
  });

  it('demo cases take the office’s year and application date too', () => {
    dir = makeDataDir('case-year-demo');
    const o = (open = openEncryptedDatabase(join(dir, 'avrr.db'), randomKey()));
    // Ten cases a minute apart ending at 00:04 in Toronto on 1 January: five in the old year.
    const summary = insertDemoFamilies(o, generateDemoFamilies(10, 7), new Date('2027-01-01T05:04:00Z'));
    expect(summary.firstCaseNumber).toBe('AVRR-2026-000001');
    expect(summary.lastCaseNumber).toBe('AVRR-2027-000005');
    const dates = (o.sqlite.prepare('SELECT application_date AS d FROM cases ORDER BY created_at').all() as { d: string }[]).map((r) => r.d);
    expect(dates).toEqual([...Array(5).fill('2026-12-31'), ...Array(5).fill('2027-01-01')]);
  });
});
