import { randomUUID } from 'node:crypto';
import type { IntakeDocument } from '../../../shared/schema/intake';
import type { Sqlite } from '../db/open';
import { foldForSearch } from './search-text';

/**
 * Write the persons rows of a case from its intake (they index the intake for search and the
 * duplicate check; the intake JSON stays the source of truth). Inside the caller's transaction.
 */
export function writePersons(sqlite: Sqlite, caseId: string, intake: IntakeDocument): void {
  sqlite.prepare('DELETE FROM persons WHERE case_id = ?').run(caseId);
  const insert = sqlite.prepare(
    `INSERT INTO persons (id, case_id, position, relationship, name_as_written, name_latin, date_of_birth, nationality, uci, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  intake.persons.forEach((p, i) => {
    insert.run(randomUUID(), caseId, i, p.relationship, p.nameAsWritten, p.nameLatin, p.dateOfBirth, p.nationality, p.uci, foldForSearch(`${p.nameAsWritten} ${p.nameLatin}`));
  });
}

/** Insert a new case (status draft) with its intake and persons; returns its id. Inside the caller's transaction. */
export function insertCase(sqlite: Sqlite, caseNumber: string, intake: IntakeDocument, by: string | null, at: string, id: string = randomUUID()): string {
  sqlite
    .prepare(
      `INSERT INTO cases (id, case_number, status, channel, version, created_at, created_by, updated_at, updated_by, intake, application_date)
       VALUES (?, ?, 'draft', ?, 1, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, caseNumber, intake.channel, at, by, at, by, JSON.stringify(intake), intake.applicationDate);
  writePersons(sqlite, id, intake);
  return id;
}
