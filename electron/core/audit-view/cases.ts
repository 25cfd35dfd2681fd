import { z } from 'zod';
import { parseSearchQuery } from '../../../shared/case/search-query';
import { SHORT_CASE_ID_LENGTH } from '../../../shared/schema/audit';
import { personMatch } from '../cases/list-query';
import type { Sqlite } from '../db/open';

/**
 * The cases an audit filter means, from what the supervisor typed: a case number, the short id
 * the table shows, a person. Resolved against the case register (not by pattern on the trail),
 * so "AVRR-2026-150" finds the entries of AVRR-2026-000150 and a name finds every case that
 * person is in, whatever the spelling's accents.
 */
const ids = z.array(z.string());
const numberRows = z.array(z.object({ id: z.string(), caseNumber: z.string() }));

/** The cases a case reference names (none when it names no case: the filter then matches nothing). */
export function casesByRef(sqlite: Sqlite, ref: string): string[] {
  const text = ref.trim();
  if (text.length === SHORT_CASE_ID_LENGTH && /^[0-9a-f]+$/i.test(text)) {
    const prefix = text.toLowerCase();
    return ids.parse(sqlite.prepare('SELECT id FROM cases WHERE id >= ? AND id < ?').pluck().all(prefix, `${prefix}~`));
  }
  if (/^[0-9a-f-]{36}$/i.test(text)) return ids.parse(sqlite.prepare('SELECT id FROM cases WHERE id = ?').pluck().all(text.toLowerCase()));
  const q = parseSearchQuery(text);
  if (q?.kind !== 'case_number') return [];
  if (q.exact) return ids.parse(sqlite.prepare('SELECT id FROM cases WHERE case_number = ?').pluck().all(q.exact));
  const prefix = q.prefix.toUpperCase();
  return ids.parse(sqlite.prepare('SELECT id FROM cases WHERE case_number >= ? AND case_number < ?').pluck().all(prefix, `${prefix}~`));
}

/** The cases of the persons a text means (name, date of birth or UCI), by the case search's own indexes. */
export function casesByPerson(sqlite: Sqlite, text: string): string[] {
  const q = parseSearchQuery(text);
  if (!q) return [];
  // A case number typed here is still a person's field: read it as a name (it will match nothing).
  const m = personMatch(q) ?? personMatch({ kind: 'name', text });
  if (!m) return [];
  return ids.parse(sqlite.prepare(`SELECT DISTINCT case_id FROM (${m.sql})`).pluck().all(...m.args));
}

/** Case numbers of the cases on a page of the trail, by id. */
export function caseNumbers(sqlite: Sqlite, caseIds: readonly string[]): Map<string, string> {
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) return new Map();
  const rows = numberRows.parse(sqlite.prepare('SELECT id, case_number AS caseNumber FROM cases WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(unique)));
  return new Map(rows.map((r) => [r.id, r.caseNumber]));
}
