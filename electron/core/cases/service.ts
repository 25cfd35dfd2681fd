import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { caseStatus, intakeChannel } from '../../../shared/schema/case';
import type { CasePage, CaseSummary, CreateCaseInput, ListCasesInput } from '../../../shared/schema/case';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { Db, Sqlite } from '../db/open';
import { todayIso } from '../../../shared/schema/common';
import { DEFAULT_OFFICE_TIME_ZONE, officeYear } from '../../../shared/time/office-time';
import { blankIntake, intakeDocument } from '../../../shared/schema/intake';
import { insertCase } from './persons';
import { nextCaseNumber } from './case-number';
import { foldForSearch } from './search-text';

/**
 * A new case from the front counter's first facts: the principal's identity, every other fact
 * unknown. Used by the demo data and the database tests; the app creates cases from a whole
 * intake (intake/service.ts). Inside the caller's transaction.
 */
export function createCase({ db, sqlite }: { db: Db; sqlite: Sqlite }, input: CreateCaseInput, by: string | null, now: Date): CaseSummary {
  const principalId = randomUUID();
  const blank = blankIntake(principalId, input.channel, todayIso(now, DEFAULT_OFFICE_TIME_ZONE));
  const intake = intakeDocument.parse({ ...blank, persons: [{ ...blank.persons[0], ...input.principal, uci: input.principal.uci ?? null }] });
  const id = insertCase(sqlite, nextCaseNumber(db, officeYear(now, DEFAULT_OFFICE_TIME_ZONE)), intake, by, now.toISOString());
  return getCaseSummary(sqlite, id);
}

/** The list row of a case: the case and its principal applicant (CROSS JOIN keeps SQLite from scanning every person first). */
export const summarySelect = `SELECT c.id, c.case_number AS caseNumber, c.status, c.channel, c.updated_at AS updatedAt,
       p.name_as_written AS principalNameAsWritten, p.name_latin AS principalNameLatin,
       p.date_of_birth AS principalDateOfBirth, p.nationality AS principalNationality,
       (SELECT count(*) FROM persons x WHERE x.case_id = c.id) AS personCount
  FROM cases c CROSS JOIN persons p ON p.case_id = c.id AND p.position = 0`;

/**
 * A row of `summarySelect`, checked as it is read (the SQL stays hand-written: FTS MATCH and the
 * CROSS JOIN planner hint are not expressible in drizzle's builder).
 */
const caseSummaryRow = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: caseStatus,
  channel: intakeChannel,
  updatedAt: z.string(),
  principalNameAsWritten: z.string(),
  principalNameLatin: z.string(),
  principalDateOfBirth: z.string(),
  principalNationality: z.string(),
  personCount: z.number().int(),
}) satisfies z.ZodType<CaseSummary>;
const caseSummaryRows = z.array(caseSummaryRow);
const caseIds = z.array(z.string());
const count = z.number().int();

export function getCaseSummary(sqlite: Sqlite, caseId: string): CaseSummary {
  const row: unknown = sqlite.prepare(`${summarySelect} WHERE c.id = ?`).get(caseId);
  if (row === undefined) throw new IpcFailure(ipcError('not_found'));
  return caseSummaryRow.parse(row);
}

/** Whether a case exists (for modules that only need to know, e.g. a draft naming a case). */
export function caseExists(sqlite: Sqlite, caseId: string): boolean {
  return sqlite.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
}

/** Totals stop counting here: "1000+" is all an officer needs, and counting further costs time on every keystroke. */
export const TOTAL_CAP = 1000;

/**
 * Which persons a search text means, as `SELECT r, case_id` (r = the person row's rowid). Chosen
 * by the text's shape so that each kind uses its own index: a (partial) date of birth, a
 * (partial) UCI, or a name (trigram full-text index; names shorter than three characters, like
 * many two-character Chinese names, fall back to a scan).
 */
export function personMatch(query: string): { sql: string; args: unknown[] } {
  const q = query.trim();
  const digits = q.replace(/[\s-]/g, '');
  if (/^\d{4}(-\d{2}){0,2}$/.test(q)) {
    return { sql: 'SELECT rowid AS r, case_id FROM persons WHERE date_of_birth >= ? AND date_of_birth < ?', args: [q, `${q}~`] };
  }
  if (/^\d{4,10}$/.test(digits)) {
    return { sql: 'SELECT rowid AS r, case_id FROM persons WHERE uci >= ? AND uci < ?', args: [digits, `${digits}~`] };
  }
  const folded = foldForSearch(q);
  if ([...folded].length >= 3) {
    return {
      sql: 'SELECT f.rowid AS r, p.case_id FROM persons_fts f CROSS JOIN persons p ON p.rowid = f.rowid WHERE persons_fts MATCH ?',
      args: [`"${folded.replace(/"/g, '""')}"`],
    };
  }
  return { sql: 'SELECT rowid AS r, case_id FROM persons WHERE instr(search_text, ?) > 0', args: [folded] };
}

/**
 * One page of cases. Without a query: newest change first. With one: the cases where any
 * person matches, most recently saved first (person rows are rewritten on each save, so their
 * rowid order is save order: the full-text index streams it without sorting every match).
 */
export function listCases(sqlite: Sqlite, input: Required<Pick<ListCasesInput, 'limit' | 'offset'>> & { query?: string | undefined }): CasePage {
  const q = input.query?.trim() ?? '';
  if (q === '') {
    const items = caseSummaryRows.parse(sqlite.prepare(`${summarySelect} ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?`).all(input.limit, input.offset));
    const total = count.parse(sqlite.prepare('SELECT count(*) FROM (SELECT 1 FROM cases LIMIT ?)').pluck().get(TOTAL_CAP + 1));
    return { items, total: Math.min(total, TOTAL_CAP), more: total > TOTAL_CAP };
  }
  const m = personMatch(q);
  const ids = caseIds.parse(
    sqlite
      .prepare(`SELECT case_id FROM (${m.sql}) GROUP BY case_id ORDER BY max(r) DESC LIMIT ? OFFSET ?`)
      .pluck()
      .all(...m.args, input.limit, input.offset),
  );
  const rows = ids.length === 0 ? [] : caseSummaryRows.parse(sqlite.prepare(`${summarySelect} WHERE c.id IN (${ids.map(() => '?').join(',')})`).all(...ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.map((id) => byId.get(id)).filter((r): r is CaseSummary => r !== undefined);
  const total = count.parse(sqlite.prepare(`SELECT count(*) FROM (SELECT DISTINCT case_id FROM (${m.sql}) LIMIT ?)`).pluck().get(...m.args, TOTAL_CAP + 1));
  return { items, total: Math.min(total, TOTAL_CAP), more: total > TOTAL_CAP };
}
