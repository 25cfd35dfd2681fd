import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCaseInput } from '../../../shared/schema/case';
import { createCase, getCaseSummary, listCases } from '../../../electron/core/cases/service';
import { foldForSearch } from '../../../electron/core/cases/search-text';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import { addYears } from '../../../electron/core/demo/dates';
import { demoFamily, generateDemoFamilies, insertDemoFamilies } from '../../../electron/core/demo';
import { makeDataDir, randomKey, removeDataDir } from './helpers';

describe('generateDemoFamilies', () => {
  it('gives the same families for the same seed, and different ones for another seed', () => {
    expect(generateDemoFamilies(200, 42)).toEqual(generateDemoFamilies(200, 42));
    expect(generateDemoFamilies(200, 43)).not.toEqual(generateDemoFamilies(200, 42));
  });

  it('makes families the intake accepts: valid shape, principal first, parents at least 16 years older than children', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        for (const family of generateDemoFamilies(40, seed)) {
          expect(demoFamily.safeParse(family).error).toBeUndefined();
          const [principal] = family.persons;
          expect(createCaseInput.safeParse({ channel: family.channel, principal }).error).toBeUndefined();
          const parents = family.persons.filter((p) => p.relationship === 'principal' || p.relationship === 'spouse');
          for (const child of family.persons.filter((p) => p.relationship === 'child')) {
            for (const parent of parents) expect(addYears(parent.dateOfBirth, 16) <= child.dateOfBirth).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives every UCI once, with 8 or 10 digits', () => {
    const ucis = generateDemoFamilies(5000, 7).flatMap((f) => f.persons.flatMap((p) => (p.uci ? [p.uci] : [])));
    expect(new Set(ucis).size).toBe(ucis.length);
    expect(ucis.every((u) => /^(\d{8}|\d{10})$/.test(u))).toBe(true);
  });

  it('writes names in their own scripts with a Latin transliteration, including the awkward cases', () => {
    const persons = generateDemoFamilies(3000, 1).flatMap((f) => f.persons);
    const some = (re: RegExp, field: 'nameAsWritten' | 'nameLatin' = 'nameAsWritten') => persons.some((p) => re.test(p[field]));
    expect(some(/\p{Script=Arabic}/u)).toBe(true);
    expect(some(/\p{Script=Tamil}/u)).toBe(true);
    expect(some(/\p{Script=Han}/u)).toBe(true);
    expect(some(/\p{Script=Gurmukhi}/u)).toBe(true);
    expect(some(/\p{Script=Ethiopic}/u)).toBe(true);
    expect(some(/[áéíóöőúüűñ]/u)).toBe(true); // Hungarian and Spanish diacritics
    expect(some(/'/u, 'nameLatin')).toBe(true);
    expect(some(/\p{L}-\p{L}/u, 'nameLatin')).toBe(true);
    expect(some(/^\S+$/u, 'nameLatin')).toBe(true); // one-word names
    expect(persons.every((p) => /^[\p{Script=Latin}' -]+$/u.test(p.nameLatin))).toBe(true);
    const sizes = new Set(generateDemoFamilies(3000, 1).map((f) => f.persons.length));
    expect([...sizes].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('insertDemoFamilies', () => {
  let dir = '';
  afterEach(() => removeDataDir(dir));

  it('writes cases the app lists and searches like its own, and the next case number continues after them', () => {
    dir = makeDataDir('demo-insert');
    const open = openEncryptedDatabase(join(dir, 'avrr.db'), randomKey());
    try {
      const principal = { nameAsWritten: 'Kovács Zoltán', nameLatin: 'Kovács Zoltán', dateOfBirth: '1980-01-01', nationality: 'HUN' };
      // Just after midnight on 1 January: the earlier demo cases fall in the old year.
      const now = new Date('2026-01-01T05:30:00Z');
      const first = open.sqlite.transaction(() => createCase(open, { channel: 'walk_in', principal }, null, new Date('2025-12-01T10:00:00Z')))();
      expect(first.caseNumber).toBe('AVRR-2025-000001');

      const families = generateDemoFamilies(100, 3);
      const summary = insertDemoFamilies(open, families, now);
      expect(summary.cases).toBe(100);
      expect(summary.persons).toBe(families.reduce((n, f) => n + f.persons.length, 0));
      expect(summary.firstCaseNumber).toBe('AVRR-2025-000002');
      expect(summary.lastCaseNumber).toBe('AVRR-2026-000031'); // 60 s apart: the last 31 are after midnight

      // A second later than the newest demo case, so "newest first" has one answer.
      const next = open.sqlite.transaction(() => createCase(open, { channel: 'phone', principal }, null, new Date(now.getTime() + 1000)))();
      expect(next.caseNumber).toBe('AVRR-2026-000032');

      const page = listCases(open.sqlite, { limit: 50, offset: 0 });
      expect(page.total).toBe(102);
      expect(page.items[0]?.id).toBe(next.id);
      const newestDemo = families[families.length - 1];
      expect(page.items[1]?.principalNameAsWritten).toBe(newestDemo?.persons[0]?.nameAsWritten);
      expect(page.items[1]?.personCount).toBe(newestDemo?.persons.length);

      const rows = open.sqlite.prepare('SELECT name_as_written AS w, name_latin AS l, search_text AS s FROM persons').all() as { w: string; l: string; s: string }[];
      expect(rows.every((r) => r.s === foldForSearch(`${r.w} ${r.l}`))).toBe(true);

      const child = families.flatMap((f) => f.persons).find((p) => p.relationship === 'child' && p.uci);
      const found = listCases(open.sqlite, { query: child?.uci ?? '', limit: 10, offset: 0 });
      expect(found.total).toBe(1);
      expect(getCaseSummary(open.sqlite, found.items[0]?.id ?? '').personCount).toBeGreaterThan(1);
    } finally {
      open.close();
    }
  });
});
