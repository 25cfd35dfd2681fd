import { randomUUID } from 'node:crypto';
import type { CaseSummary, CreateCaseInput } from '../../../shared/schema/case';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { Db, Sqlite } from '../db/open';
import { todayIso } from '../../../shared/schema/common';
import { DEFAULT_OFFICE_TIME_ZONE, officeYear } from '../../../shared/time/office-time';
import { blankIntake, intakeDocument } from '../../../shared/schema/intake';
import { insertCase } from './persons';
import { nextCaseNumber } from './case-number';
import { caseSummaryRow, summarySelect } from './list-query';

export { listCases, TOTAL_CAP } from './list-query';

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

export function getCaseSummary(sqlite: Sqlite, caseId: string): CaseSummary {
  const row: unknown = sqlite.prepare(`${summarySelect} WHERE c.id = ?`).get(caseId);
  if (row === undefined) throw new IpcFailure(ipcError('not_found'));
  return caseSummaryRow.parse(row);
}

/** Whether a case exists (for modules that only need to know, e.g. a draft naming a case). */
export function caseExists(sqlite: Sqlite, caseId: string): boolean {
  return sqlite.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
}
