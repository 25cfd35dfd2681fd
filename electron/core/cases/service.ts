import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CasePage, CaseSummary, CreateCaseInput, ListCasesInput } from '../../../shared/schema/case';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { Db, Sqlite } from '../db/open';
import { cases } from '../db/schema';
import { todayIso } from '../../../shared/schema/common';
import { blankIntake, intakeDocument } from '../../../shared/schema/intake';
import { insertCase } from '../intake/persist';
import { nextCaseNumber } from './case-number';
import { foldForSearch } from './search-text';

/**
 * A new case from the front counter's first facts: the principal's identity, every other fact
 * unknown. Used by the demo data and the database tests; the app creates cases from a whole
 * intake (intake/service.ts). Inside the caller's transaction.
 */
export function createCase({ db, sqlite }: { db: Db; sqlite: Sqlite }, input: CreateCaseInput, by: string | null, now: Date): CaseSummary {
  const principalId = randomUUID();
  const blank = blankIntake(principalId, input.channel, todayIso(now));
  const intake = intakeDocument.parse({ ...blank, persons: [{ ...blank.persons[0], ...input.principal, uci: input.principal.uci ?? null }] });
  const id = insertCase(sqlite, nextCaseNumber(db, now.getUTCFullYear()), intake, by, now.toISOString());
  return getCaseSummary(sqlite, id);
}

/** The list row of a case: the case and its principal applicant. */
const summarySelect = `SELECT c.id, c.case_number AS caseNumber, c.status, c.channel, c.updated_at AS updatedAt,
       p.name_as_written AS principalNameAsWritten, p.name_latin AS principalNameLatin,
       p.date_of_birth AS principalDateOfBirth, p.nationality AS principalNationality,
       (SELECT count(*) FROM persons x WHERE x.case_id = c.id) AS personCount
  FROM cases c JOIN persons p ON p.case_id = c.id AND p.position = 0`;

export function getCaseSummary(sqlite: Sqlite, caseId: string): CaseSummary {
  const row = sqlite.prepare(`${summarySelect} WHERE c.id = ?`).get(caseId) as CaseSummary | undefined;
  if (!row) throw new IpcFailure(ipcError('not_found'));
  return row;
}

/**
 * One page of cases, newest first. With a query: cases where any person's name (folded),
 * date of birth or UCI matches. Prepared statements are cached per connection because this
 * runs on every keystroke of the search box.
 */
export function listCases(sqlite: Sqlite, input: Required<Pick<ListCasesInput, 'limit' | 'offset'>> & { query?: string | undefined }): CasePage {
  const q = input.query?.trim() ?? '';
  const base = summarySelect;
  if (q === '') {
    const items = sqlite.prepare(`${base} ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?`).all(input.limit, input.offset) as CaseSummary[];
    const total = (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    return { items, total };
  }
  const folded = foldForSearch(q);
  const digits = q.replace(/[\s-]/g, '');
  const match = `SELECT DISTINCT case_id FROM persons
    WHERE instr(search_text, ?) > 0 OR date_of_birth = ? OR (uci IS NOT NULL AND uci = ?)`;
  const items = sqlite
    .prepare(`${base} WHERE c.id IN (${match}) ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?`)
    .all(folded, q, digits, input.limit, input.offset) as CaseSummary[];
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM (${match})`).get(folded, q, digits) as { n: number }).n;
  return { items, total };
}

export function caseExists(db: Db, caseId: string): boolean {
  return db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).get() !== undefined;
}
