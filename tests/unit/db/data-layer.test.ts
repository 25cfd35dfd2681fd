import { ESLint } from 'eslint';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase, getCaseSummary, listCases } from '../../../electron/core/cases/service';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { generateDemoFamilies, insertDemoFamilies } from '../../../electron/core/demo';
import { getDraft, myNewDrafts, saveDraft } from '../../../electron/core/drafts/service';
import { readSetting, writeSetting } from '../../../electron/core/session/settings-rows';
import { z } from 'zod';
import { makeDataDir, randomKey, removeDataDir, repoRoot } from './helpers';

/** docs/data-layer.md: rows are parsed as they are read, never cast; the lint guard keeps it so. */
describe('data layer', () => {
  const dirs: string[] = [];
  const opened: OpenDatabase[] = [];
  afterEach(() => {
    for (const o of opened.splice(0)) o.close();
    for (const d of dirs.splice(0)) removeDataDir(d);
  });
  function open(): OpenDatabase {
    const dir = makeDataDir('data-layer');
    dirs.push(dir);
    const o = openEncryptedDatabase(join(dir, 'avrr.db'), randomKey());
    opened.push(o);
    return o;
  }
  const principal = { nameAsWritten: 'Kovács Béla', nameLatin: 'Kovacs Bela', dateOfBirth: '1980-02-03', nationality: 'HUN' };

  it('refuses a case row that does not fit its schema instead of passing it on', () => {
    const o = open();
    const c = o.sqlite.transaction(() => createCase(o, { channel: 'walk_in', principal }, null, new Date('2026-03-02T15:00:00Z')))();
    expect(getCaseSummary(o.sqlite, c.id)).toMatchObject({ status: 'draft', channel: 'walk_in', personCount: 1 });
    o.sqlite.prepare(`UPDATE cases SET status = 'no_such_status' WHERE id = ?`).run(c.id);
    expect(() => getCaseSummary(o.sqlite, c.id)).toThrow(z.ZodError);
    expect(() => listCases(o.sqlite, { limit: 10, offset: 0 })).toThrow(z.ZodError);
    expect(() => listCases(o.sqlite, { limit: 10, offset: 0, query: 'kovacs' })).toThrow(z.ZodError);
  });

  it('writes demo cases through the cases module: the same rows createCase writes, found by search', () => {
    const o = open();
    const families = generateDemoFamilies(30, 9);
    const summary = insertDemoFamilies(o, families, new Date('2026-03-02T15:00:00Z'));
    expect(summary.persons).toBe(families.reduce((n, f) => n + f.persons.length, 0));
    const made = o.sqlite.transaction(() => createCase(o, { channel: 'walk_in', principal }, null, new Date('2026-03-02T15:30:00Z')))();
    const page = listCases(o.sqlite, { limit: 100, offset: 0 });
    expect(page.total).toBe(31);
    const demo = page.items.find((i) => i.id !== made.id);
    const columns = (id: string) => o.sqlite.prepare('SELECT status, version, intake_version, created_by, updated_by, decision_id FROM cases WHERE id = ?').get(id);
    expect(columns(demo?.id ?? '')).toEqual(columns(made.id));
    const first = families[0]?.persons[0];
    expect(listCases(o.sqlite, { limit: 10, offset: 0, query: first?.nameLatin ?? '' }).items.length).toBeGreaterThan(0);
  });

  it('keeps a draft exactly as typed, parsed as JSON, and labels it from what it can read', () => {
    const o = open();
    const data = { persons: [{ nameLatin: 'Half Typed', dateOfBirth: '19' }, 'not a person'], note: null };
    saveDraft(o.sqlite, 'u1', { draftId: 'd1', caseId: null, baseVersion: null, revision: 0, data }, '2026-03-02T15:00:00.000Z');
    saveDraft(o.sqlite, 'u1', { draftId: 'd2', caseId: null, baseVersion: null, revision: 0, data: ['anything'] }, '2026-03-02T15:01:00.000Z');
    expect(getDraft(o.sqlite, 'u1', 'd1').data).toEqual(data);
    expect(myNewDrafts(o.sqlite, 'u1').map((d) => d.label)).toEqual(['', 'Half Typed']);
  });

  it('reads a setting with its schema; a value that does not fit reads as absent', () => {
    const o = open();
    const minutes = z.number().int().min(2).max(15);
    expect(readSetting(o.db, 'idleLockMinutes', minutes)).toBeUndefined();
    o.sqlite.transaction(() => writeSetting(o.db, 'idleLockMinutes', 7))();
    expect(readSetting(o.db, 'idleLockMinutes', minutes)).toBe(7);
    o.sqlite.prepare(`UPDATE settings SET value = '{not json' WHERE key = 'idleLockMinutes'`).run();
    expect(readSetting(o.db, 'idleLockMinutes', minutes)).toBeUndefined();
    o.sqlite.prepare(`UPDATE settings SET value = '99' WHERE key = 'idleLockMinutes'`).run();
    expect(readSetting(o.db, 'idleLockMinutes', minutes)).toBeUndefined();
  });

  it('lint: casting a row, a JSON.parse result, or prepare<...>() type arguments is an error in electron/core', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const code = [
      "import type { Sqlite } from './db/open';",
      'export function f(s: Sqlite): unknown[] {',
      "  const a = s.prepare('SELECT 1 AS n').get() as { n: number };",
      "  const b = JSON.parse('{}') as { x: number };",
      "  const c = s.prepare<[], { n: number }>('SELECT 1 AS n').get();",
      "  const d = (s.prepare('SELECT 1').all() as number[]).length;",
      '  return [a, b, c, d];',
      '}',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: join(repoRoot, 'electron/core/data-layer-probe.ts') });
    const lines = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
    expect(lines).toEqual([3, 4, 5, 6]);
  }, 60_000);
});
